package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// genDeps is what the generation panel asks of the rest of the interface.
type genDeps struct {
	runs     *runner
	reportID func() int64        // the report open in the editor, 0 when none
	draft    func() model.Report // the open report as typed, saved or not
	flush    func() error        // saves the editor's pending edits
	// started shows a run just started in the comparison.
	started func(rev model.Revision, run model.Run, variants []model.Variant)
	inFront func() bool // whether the panel is the tab in front
	compare func()      // brings the comparison to the front
	shop    func()      // opens the presets workshop
	// settings opens the settings.
	settings func()
}

// generationPanel is where the user picks presets, starts a run and follows each variant.
type generationPanel struct {
	svc *services
	genDeps

	matrix  *presetMatrix
	opts    *optionsForm
	hosts   *hostsPanel
	idle    *widget.Label
	start   *widget.Button
	cancel  *widget.Button
	hint    *widget.Label
	rowsBox *fyne.Container
	rows    []*variantRow
	root    fyne.CanvasObject
}

// variantRow shows one variant's progress.
type variantRow struct {
	name   *widget.Label
	status *widget.Label
	bar    *widget.ProgressBar
	cancel *widget.Button
	retry  *widget.Button
	pull   *widget.Button
	// first shows the text the variant's first server wrote before it stopped answering.
	first *widget.Button
	// firstText is that text, as last reported.
	firstText, firstHost string
}

func newGenerationPanel(svc *services, d genDeps) *generationPanel {
	g := &generationPanel{svc: svc, genDeps: d}
	g.matrix = newPresetMatrix(svc, d.reportID, d.draft)
	g.opts = newOptionsForm()
	g.matrix.options = func() model.Options {
		o, _ := g.opts.options()
		return o
	}
	g.opts.onChange = g.matrix.refresh
	g.hosts = newHostsPanel(svc.hosts, func() { showPull(svc, "", "") }, d.settings)
	g.start = widget.NewButtonWithIcon(lang.L("Generate the variants"), theme.MediaPlayIcon(), g.onStart)
	g.start.Importance = widget.HighImportance
	g.cancel = widget.NewButtonWithIcon(lang.L("Cancel all"), theme.CancelIcon(), g.onCancel)
	g.cancel.Disable()
	g.hint = widget.NewLabel("")
	g.hint.Wrapping = fyne.TextWrapWord
	g.idle = widget.NewLabel(lang.L("No generation in progress. The variants already made are in the Compare tab."))
	g.idle.Wrapping = fyne.TextWrapWord
	g.rowsBox = container.NewVBox(g.idle)
	g.root = g.layout()
	g.clear()
	g.hostsChanged()
	return g
}

// hostsChanged shows the hosts as last read, and their models in the matrix.
func (g *generationPanel) hostsChanged() {
	g.hosts.show()
	if !g.svc.hosts.loading {
		g.matrix.setModels(g.svc.hosts.models())
	}
}

func (g *generationPanel) layout() fyne.CanvasObject {
	engine := widget.NewLabel(lang.L("Built-in engine: picks the most representative sentences of your text. It needs no AI model, works offline and never invents anything."))
	engine.Wrapping = fyne.TextWrapWord
	models := widget.NewCard(lang.L("Language models"), lang.L("On this computer or your team's servers: Ollama, or OpenAI-compatible"), g.hosts.content())
	workshop := widget.NewButtonWithIcon(lang.L("Presets workshop…"), theme.DocumentCreateIcon(), func() { g.shop() })
	workshop.Importance = widget.LowImportance
	choose := widget.NewCard(lang.L("Presets"), lang.L("Tick, for each preset, the engines and models that should write it"),
		container.NewVBox(container.NewBorder(nil, nil, nil, workshop, engine), g.matrix.box))
	options := widget.NewAccordion(widget.NewAccordionItem(lang.L("Model options"), g.opts.form))
	actions := container.NewHBox(g.start, g.cancel)
	progress := widget.NewCard(lang.L("Progress"), "", g.rowsBox)
	box := container.NewVBox(models, choose, options, actions, g.hint, progress)
	if g.svc.ollama == nil && g.svc.openai == nil {
		box.Remove(models) // no model engine in this build or test: nothing to look for
		box.Remove(options)
	}
	return container.NewVScroll(box)
}

func (g *generationPanel) content() fyne.CanvasObject { return g.root }

// load prepares the panel for a report. A run of another report still under way keeps its
// rows, named, and blocks a second run until it ends.
func (g *generationPanel) load(model.Report) {
	g.setHint("")
	g.refreshState()
	g.matrix.refresh() // the context fit depends on the report
}

// clear disables the panel when no report is open.
func (g *generationPanel) clear() {
	g.refreshState()
}

// refreshState enables the buttons and fills the rows from the UI's run, after any change of
// report, run or screens.
func (g *generationPanel) refreshState() {
	runs, reportID := g.runs, g.reportID()
	switch {
	case runs.running():
		g.start.Disable()
		g.cancel.Enable()
		if len(g.rows) != len(runs.run.variants) {
			g.showRows(runs.run)
		}
		if runs.run.reportID != reportID {
			g.setHint(lang.L("A generation of «{{.Title}}» is under way; wait for it or cancel it.", map[string]any{"Title": runs.run.title}))
		}
	case reportID == 0:
		g.start.Disable()
		g.cancel.Disable()
		g.setHint(lang.L("Open a report first."))
		g.showIdle()
	default:
		g.start.Enable()
		g.cancel.Disable()
		switch {
		case runs.run == nil || runs.run.reportID != reportID:
			g.showIdle()
		case len(g.rows) != len(runs.run.variants):
			g.showRows(runs.run) // back on the report of the last run: its rows, with Retry
		}
	}
	for _, row := range g.rows {
		if runs.running() {
			row.retry.Disable()
		} else {
			row.retry.Enable()
		}
	}
}

// onStart freezes the report as a revision, creates the run and starts the scheduler.
func (g *generationPanel) onStart() {
	reportID := g.reportID()
	if reportID == 0 || g.runs.running() {
		return
	}
	opts, err := g.opts.options()
	if err != nil {
		g.setHint(lang.L("Model options: {{.Reason}}", map[string]any{"Reason": err.Error()}))
		return
	}
	specs := g.matrix.specs(opts)
	if len(specs) == 0 {
		g.setHint(lang.L("Choose at least one preset."))
		return
	}
	if err := g.flush(); err != nil {
		g.svc.showError(unsavedError{err})
		return
	}
	rev, err := g.svc.store.Snapshot(g.svc.ctx, reportID)
	if err != nil {
		g.svc.showError(err)
		return
	}
	if strings.TrimSpace(rev.Body) == "" {
		g.setHint(lang.L("The report is empty: write or import its text first."))
		return
	}
	run, variants, err := g.svc.store.CreateRun(g.svc.ctx, model.Run{ReportID: reportID, RevisionID: rev.ID, Specs: specs})
	if err != nil {
		g.svc.showError(err)
		return
	}
	g.setHint(lang.L("Variants of revision {{.N}} of the report.", map[string]any{"N": rev.Number}))
	g.runs.startRun(rev.Title, rev, variants)
	g.showRows(g.runs.run)
	g.started(rev, run, variants)
	g.refreshState()
}

func (g *generationPanel) onCancel() { g.runs.cancelRun(-1) }

func (g *generationPanel) onCancelVariant(index int) { g.runs.cancelRun(index) }

// finished shows the end of a job of run and, when the user is watching and one of the job's
// variants is done, moves on to the comparison.
func (g *generationPanel) finished(run *activeRun, results []model.Variant) {
	for i, v := range run.variants {
		if i < len(g.rows) {
			g.showEvent(g.rows[i], generate.Event{Index: i, Fraction: 1, Variant: v})
		}
	}
	g.refreshState()
	if run.reportID != g.reportID() || !g.inFront() {
		return
	}
	for _, v := range results {
		if v.Status == model.StatusDone {
			g.compare()
			return
		}
	}
}

func isDone(j *generate.Job) bool {
	select {
	case <-j.Done():
		return true
	default:
		return false
	}
}

// variantTitle names a variant: "Variant 1 · Key points".
func variantTitle(ps []model.Preset, v model.Variant) string {
	return lang.L("Variant {{.N}}", map[string]any{"N": v.Index + 1}) + " · " + presetName(ps, v.PresetID)
}

func formatSeconds(d time.Duration) string {
	switch {
	case d < time.Second:
		return fmtFloat(d.Seconds(), 3)
	case d < 10*time.Second:
		return fmtFloat(d.Seconds(), 1)
	}
	return fmtFloat(d.Seconds(), 0)
}

// setHint shows a short message under the buttons, or hides the line when text is empty.
func (g *generationPanel) setHint(text string) {
	g.hint.SetText(text)
	if text == "" {
		g.hint.Hide()
	} else {
		g.hint.Show()
	}
}

// showIdle replaces the progress rows by a short explanation.
func (g *generationPanel) showIdle() {
	g.rowsBox.Objects = []fyne.CanvasObject{g.idle}
	g.rowsBox.Refresh()
	g.rows = nil
}
