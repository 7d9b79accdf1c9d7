package ui

import (
	"context"
	"errors"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/generate/openai"
	"github.com/rapporteur/rapporteur/model/keys"
	"github.com/rapporteur/rapporteur/model/store"
	"github.com/rapporteur/rapporteur/ui/editor"
	"github.com/rapporteur/rapporteur/ui/library"
)

// Deps is what the interface works with: the workspace, the presets and the engines.
type Deps struct {
	// Store is the open workspace.
	Store *store.Store
	// Presets are the built-in presets offered in the generation panel; the user's own, read
	// from Store, are added to them.
	Presets []model.Preset
	// Engines write the variants; the built-in engine at least.
	Engines []generate.Engine
	// Ollama is the Ollama engine among Engines, nil when there is none; its clients read the
	// hosts' models.
	Ollama *ollama.Engine
	// OpenAI is the OpenAI-compatible engine among Engines, nil when there is none.
	OpenAI *openai.Engine
	// Keys holds the servers' API keys; nil keeps them in a file beside the workspace.
	Keys *keys.Store
	// Version is the application's version, printed in exported documents.
	Version string
}

// UI is the main window's content. It owns the screens and the services they share, and
// carries what one screen asks of another.
type UI struct {
	*services

	*runner
	cancel context.CancelFunc

	lib  *library.Screen
	ed   *editor.Screen
	gen  *generationPanel
	cmp  *comparison
	tabs *container.AppTabs
	// screens are the tabs by name, for show and showing.
	screens map[screen]*container.TabItem

	reportID int64 // the report open in the editor, 0 when none
	lastErr  error // the last error shown, for tests
	// basePresets are the presets given in Deps; the user's own are added to them in
	// services.presets.
	basePresets []model.Preset
	shop        *workshop // the presets workshop while it is open, nil otherwise
	closeOnce   sync.Once
	work        sync.WaitGroup // analyses, host readings, downloads, critiques…: waited for by Close
}

// Create builds the interface into w and returns it. Call Close (or let the window's close
// intercept do it) to save pending edits and stop running generations.
func Create(a fyne.App, w fyne.Window, d Deps) *UI {
	ctx, cancel := context.WithCancel(context.Background())
	u := &UI{cancel: cancel, basePresets: d.Presets}
	u.services = &services{ctx: ctx, app: a, win: w, store: d.Store, version: d.Version,
		engines: d.Engines, ollama: d.Ollama, openai: d.OpenAI, keys: d.Keys, presets: d.Presets, pulls: map[string]bool{}, showError: u.showError, background: &u.work}
	u.contextsChanged = u.applyOllamaSettings
	if u.keys == nil && d.Store != nil {
		u.keys = keysBeside(d.Store)
	}
	u.hosts = &hostBook{svc: u.services, changed: func(bool) {
		if u.gen != nil {
			u.gen.hostsChanged()
		}
	}}
	u.runner = &runner{svc: u.services, sched: generate.NewScheduler(d.Engines, d.Presets, d.Store),
		events: func(run *activeRun, events map[int]generate.Event) {
			u.gen.apply(events)
			u.cmp.updateVariants(events)
		},
		finished: func(run *activeRun, results []model.Variant) {
			u.gen.finished(run, results)
			u.cmp.runFinished(run)
		},
	}
	u.sched.SetParallel(Parallel(a))
	u.loadPresets()
	u.build()
	w.SetCloseIntercept(u.onCloseWindow)
	w.SetOnDropped(func(p fyne.Position, uris []fyne.URI) { u.lib.Dropped(p, uris) })
	a.Lifecycle().SetOnStopped(u.Close) // Cmd+Q on macOS quits without asking the window
	u.lib.OpenInitial(int64(a.Preferences().Int(prefLastReport)))
	u.hosts.load()
	return u
}

// build makes every screen and lays them out in the window.
func (u *UI) build() {
	u.lib = library.New(u.libraryDeps())
	u.ed = editor.New(editor.Deps{
		Ctx: u.ctx, Store: u.store, Do: runOnUI, ShowError: u.showError, Explain: ErrorText,
		Saved:  func(r model.Report) { u.lib.UpdateReport(r) },
		Titled: func(title string) { u.win.SetTitle(windowTitle(title)) },
	})
	u.gen = newGenerationPanel(u.services, genDeps{
		runs:     u.runner,
		reportID: func() int64 { return u.reportID },
		draft:    u.ed.Collect,
		flush:    u.ed.Flush,
		started:  func(rev model.Revision, run model.Run, vs []model.Variant) { u.cmp.showRun(rev, run, vs) },
		inFront:  func() bool { return u.showing(screenGenerate) },
		compare:  func() { u.show(screenCompare) },
		shop:     func() { u.onPresets() },
		settings: u.onSettings,
	})
	u.cmp = newComparison(u.services)
	u.screens = map[screen]*container.TabItem{
		screenReport:   container.NewTabItem(lang.L("Report"), u.ed.Content()),
		screenGenerate: container.NewTabItem(lang.L("Generate"), u.gen.content()),
		screenCompare:  container.NewTabItem(lang.L("Compare"), u.cmp.content()),
	}
	u.tabs = container.NewAppTabs(u.screens[screenReport], u.screens[screenGenerate], u.screens[screenCompare])
	u.tabs.OnSelected = func(t *container.TabItem) {
		if t == u.screens[screenGenerate] {
			u.gen.matrix.refresh() // the report may have changed: so has its context fit
		}
	}
	split := container.NewHSplit(u.lib.Content(), u.tabs)
	split.Offset = 0.22
	u.win.SetContent(split)
	u.win.SetMainMenu(u.mainMenu())
	u.win.SetTitle(windowTitle(""))
	u.lib.Refresh()
}

// libraryDeps is what the library uses of the other screens.
func (u *UI) libraryDeps() library.Deps {
	return library.Deps{
		Ctx: u.ctx, Store: u.store, Prefs: u.app.Preferences(), Win: u.win,
		Do: runOnUI, ShowError: u.showError,
		Current: func() int64 { return u.reportID },
		Open:    u.openReport,
		Flush: func() error {
			if err := u.ed.Flush(); err != nil {
				return unsavedError{err}
			}
			return nil
		},
		Edit: func() {
			u.show(screenReport)
			u.ed.FocusTitle(u.win.Canvas())
		},
		History: func() { u.onHistory() },
		Renamed: func(title string) {
			u.ed.SetTitle(title)
			u.win.SetTitle(windowTitle(title))
		},
		Deleting: func(id int64) {
			u.stopRun(id, 2*time.Second)
			if id == u.reportID {
				u.ed.Discard()
			}
		},
		Deleted: func(id int64) {
			if id == u.reportID {
				u.closeReport()
			}
		},
	}
}

// screen names a tab of the main window.
type screen string

// The tabs of the main window.
const (
	screenReport   screen = "report"   // the editor of the open report
	screenGenerate screen = "generate" // the generation panel
	screenCompare  screen = "compare"  // the comparison of the variants
)

// show brings the tab s to the front.
func (u *UI) show(s screen) { u.tabs.Select(u.screens[s]) }

// showing tells whether the tab s is the one in front.
func (u *UI) showing(s screen) bool { return u.tabs.Selected() == u.screens[s] }

// rebuild recreates the screens after the interface language changed, keeping the open report
// and the generation under way. It fails, changing nothing, when the editor cannot save.
func (u *UI) rebuild() error {
	if err := u.ed.Flush(); err != nil {
		return unsavedError{err}
	}
	id := u.reportID
	u.reportID = 0
	u.build()
	if id > 0 {
		u.lib.Select(id)
	}
	u.gen.refreshState()
	return nil
}

// applyOllamaSettings takes new server settings into account: new engines with the stall
// timeout and the context lengths set, the parallelism, and the servers' models read again. A
// run under way keeps its engines.
func (u *UI) applyOllamaSettings() {
	if u.ollama != nil {
		fresh := newOllamaEngine(u.app, u.store)
		u.replaceEngine(u.ollama, fresh)
		u.ollama = fresh
	}
	if u.openai != nil {
		fresh := newOpenAIEngine(u.app, u.store, u.keys)
		u.replaceEngine(u.openai, fresh)
		u.openai = fresh
	}
	u.sched = generate.NewScheduler(u.engines, u.presets, u.store)
	u.sched.SetParallel(Parallel(u.app))
	u.hosts.load()
}

// onCloseWindow saves and closes, or asks first when the last edit cannot be saved.
func (u *UI) onCloseWindow() {
	if err := errors.Join(u.ed.Flush(), u.saveWorkshop()); err != nil {
		msg := lang.L("The last changes could not be saved: {{.Reason}} Close anyway and lose them?", map[string]any{"Reason": ErrorText(err)})
		dialog.ShowConfirm(lang.L("Close without saving?"), msg, func(ok bool) {
			if ok {
				u.Close()
				u.win.Close()
			}
		}, u.win)
		return
	}
	u.Close()
	u.win.Close()
}

// Close saves the editor's pending changes and cancels a running generation, waiting briefly
// for its partial text to be saved. It runs once; later calls do nothing.
func (u *UI) Close() {
	u.closeOnce.Do(func() {
		_ = u.ed.Flush()
		_ = u.saveWorkshop()
		u.stopRun(0, 2*time.Second)
		u.cancel()
		u.work.Wait() // a few tens of milliseconds at most; their results then go nowhere
	})
}

// openReport loads a report into every screen. It keeps the current report open when its last
// edit cannot be saved, so nothing typed is dropped.
func (u *UI) openReport(id int64) {
	if id == u.reportID {
		return
	}
	if err := u.ed.Flush(); err != nil {
		u.showError(unsavedError{err})
		u.lib.Select(u.reportID)
		return
	}
	r, err := u.store.Report(u.ctx, id)
	if err != nil {
		u.showError(err)
		return
	}
	u.reportID = id
	u.app.Preferences().SetInt(prefLastReport, int(id))
	u.win.SetTitle(windowTitle(r.Title))
	u.ed.Load(r)
	u.gen.load(r)
	u.cmp.loadLatest(r.ID)
}

// closeReport empties the screens, after the open report was deleted.
func (u *UI) closeReport() {
	u.reportID = 0
	u.app.Preferences().SetInt(prefLastReport, 0)
	u.win.SetTitle(windowTitle(""))
	u.ed.Clear()
	u.gen.clear()
	u.cmp.clear()
}

// showError shows err in a dialog, in the interface language.
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	u.lastErr = err
	dialog.ShowInformation(lang.L("Something went wrong"), ErrorText(err), u.win)
}

// replaceEngine puts fresh in old's place among the engines.
func (u *UI) replaceEngine(old, fresh generate.Engine) {
	for i, e := range u.engines {
		if e == old {
			u.engines[i] = fresh
		}
	}
}
