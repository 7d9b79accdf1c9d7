// Package workflow is what the window and the command line do alike with a run, without
// widgets: it gathers a run's record (source revision, variants, analyses, votes, critiques,
// review marks, the models' details), builds from it the one comparison document the PDF
// shows and the one archive both write, names the files, and imports an archive back into
// the workspace.
package workflow
