// Package ui is Rapporteur's desktop interface (Fyne): the library of reports, the editor,
// the generation panel (the matrix of models × presets, progress per variant), the comparison
// view (columns, highlights, blind votes, critiques, review marks, analysis), the export,
// final-report and archive dialogs, and the settings. Main opens the window. Screens compute
// nothing themselves: they call the workspace (model/store), the scheduler (model/generate),
// the analysis and model/workflow; long work runs in goroutines and comes back to widgets
// only through fyne.Do. Texts are translated through ui/i18n.
package ui
