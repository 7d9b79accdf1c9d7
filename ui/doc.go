// Package ui is Rapporteur's desktop interface (Fyne). Main opens the window; Create builds it.
//
// Where each screen lives:
//   - ui/library and ui/editor: the list of reports and the report's editor, each a package
//     of its own, given what it uses (the workspace, callbacks) in a Deps struct.
//   - gen_*.go: the generation panel (gen_panel.go): the matrix of models × presets, the
//     hosts and their models, downloads, options, progress per variant.
//   - cmp_*.go: the comparison (cmp_screen.go): the columns and their highlights, the
//     analysis, metrics, blind vote, critique, revision, review marks, and the exports made
//     from it (PDF comparison, final report, archive).
//   - shop*.go: the presets workshop; menu*.go: the menu and what it opens (history, archive import,
//     templates, sharing, wins); settings*.go: the settings.
//   - app*.go: the UI that owns the screens and carries what one asks of another;
//     app_services.go, what they share that is not a screen (window, workspace, engines,
//     presets, the hosts' models); app_run.go, the runner that starts and follows a run.
//
// The generation panel and the comparison stay in this package because they share the run
// under way with the UI (its events reach both) and their tests drive the whole window; each
// gets the services and its callbacks in its constructor and holds no pointer to the UI or to
// another screen. Screens compute nothing themselves: they call the workspace (model/store),
// the scheduler (model/generate), the analysis and model/workflow; long work runs in
// goroutines and comes back to widgets only through fyne.Do. Texts are translated through
// ui/i18n; select boxes hold values through uikit.Choice.
package ui
