package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// showRows lays out one progress row per variant of run.
func (g *generationPanel) showRows(run *activeRun) {
	g.rowsBox.RemoveAll()
	g.rows = make([]*variantRow, len(run.variants))
	if run.reportID != g.reportID() {
		g.rowsBox.Add(widget.NewLabelWithStyle(run.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for i, v := range run.variants {
		row := g.newRow(v)
		g.rows[i] = row
		g.showEvent(row, generate.Event{Index: i, Fraction: -1, Variant: v})
		buttons := container.NewHBox(row.first, row.pull, row.retry, row.cancel)
		head := container.NewBorder(nil, nil, row.name, buttons, row.bar)
		g.rowsBox.Add(container.NewVBox(head, row.status))
	}
}

func (g *generationPanel) newRow(v model.Variant) *variantRow {
	row := &variantRow{
		name:   widget.NewLabelWithStyle(variantTitle(g.svc.presets, v)+" · "+engineLabel(v.Spec), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		status: widget.NewLabel(""),
		bar:    widget.NewProgressBar(),
	}
	index := v.Index
	row.cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { g.onCancelVariant(index) })
	row.retry = widget.NewButtonWithIcon(lang.L("Retry"), theme.ViewRefreshIcon(), func() { g.onRetry(index) })
	row.pull = widget.NewButtonWithIcon(lang.L("Download the model"), theme.DownloadIcon(), func() { showPull(g.svc, v.Host, v.Model) })
	row.first = widget.NewButtonWithIcon(lang.L("First try…"), theme.HistoryIcon(), func() { showFirstTry(g.svc.win, row.firstHost, row.firstText) })
	row.status.Wrapping = fyne.TextWrapWord
	return row
}

// apply shows the latest events of the run; it runs on the UI thread.
func (g *generationPanel) apply(events map[int]generate.Event) {
	for i, ev := range events {
		if i < 0 || i >= len(g.rows) {
			continue
		}
		g.showEvent(g.rows[i], ev)
	}
}

func (g *generationPanel) showEvent(row *variantRow, ev generate.Event) {
	v := ev.Variant
	switch {
	case v.Status.Final():
		row.bar.SetValue(1)
	case ev.Fraction >= 0:
		row.bar.SetValue(ev.Fraction)
	}
	setVisible(row.cancel, !v.Status.Final())
	setVisible(row.retry, v.Status == model.StatusFailed || v.Status == model.StatusCancelled)
	row.firstText, row.firstHost = v.Stats.RetryText, v.Stats.RetriedFrom
	setVisible(row.first, v.Stats.RetryText != "")
	setVisible(row.pull, v.ErrorCode == string(generate.CodeModelMissing) && v.Engine == model.EngineOllama) // only Ollama downloads models
	if g.runs.running() {
		row.retry.Disable()
	} else {
		row.retry.Enable()
	}
	// The scheduler may run a variant on another server of its model: the title says which.
	if title := variantTitle(g.svc.presets, v) + " · " + engineLabel(v.Spec); row.name.Text != title {
		row.name.SetText(title)
	}
	text := variantStatusText(v)
	if ev.Kind == generate.EventLoading && !v.Status.Final() {
		text = lang.L("Loading the model…")
	}
	row.status.SetText(text)
}

func setVisible(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// variantStatusText says where a variant stands: live speed while it writes, length and time
// when done, the reason when it stopped, and the warnings a reader must know.
func variantStatusText(v model.Variant) string {
	text := i18n.StatusLabel(v.Status)
	switch v.Status {
	case model.StatusRunning:
		if rate := fmtFloat(v.Stats.TokensPerSecond, 1); v.Stats.TokensPerSecond > 0 && v.Engine == model.EngineBuiltin {
			text += " " + lang.L("{{.Rate}} words/s", map[string]any{"Rate": rate}) // it counts words, not tokens
		} else if v.Stats.TokensPerSecond > 0 {
			text += " " + lang.L("{{.Rate}} tokens/s", map[string]any{"Rate": rate})
		}
	case model.StatusDone:
		text += " — " + lang.L("{{.Words}} words in {{.Seconds}} s", map[string]any{
			"Words": fmtInt(wordCount(v.Text)), "Seconds": formatSeconds(v.Stats.Total),
		})
	case model.StatusFailed, model.StatusCancelled:
		if reason := i18n.VariantErrorText(v); reason != "" && v.ErrorCode != string(generate.CodeCancelled) {
			text += " — " + reason
		}
		if v.Text != "" {
			text += " " + lang.L("(partial text kept)")
		}
	}
	return text + statsWarnings(v.Stats) + retryText(v)
}

// retryText says that a variant's first server stopped answering and where it was written
// again; empty for a variant written at the first try.
func retryText(v model.Variant) string {
	s := v.Stats
	if s.RetriedFrom == "" {
		return ""
	}
	data := map[string]any{"Host": hostName(s.RetriedFrom), "Words": fmtInt(wordCount(s.RetryText))}
	if !v.Status.Final() {
		return " " + lang.L("{{.Host}} stopped answering: written again on another server (its {{.Words}} words are kept: « First try… »).", data)
	}
	return " " + lang.L("Written again here after {{.Host}} stopped answering (its {{.Words}} words are kept: « First try… »).", data)
}

// statsWarnings lists what the reader of a variant must know: a cut output, a truncated source,
// a source read in parts.
func statsWarnings(s model.Stats) string {
	var out string
	if s.DoneReason == "length" {
		out += " " + lang.L("Cut by the length limit (Max. tokens).")
	}
	if s.SourceTruncated {
		out += " " + lang.L("Warning: the model did not read the whole report (context too small).")
	}
	if s.Chunks > 1 {
		out += " " + lang.L("The report was read in {{.N}} parts.", map[string]any{"N": s.Chunks})
	}
	return out
}

// onRetry writes one failed or cancelled variant again, from the same revision.
func (g *generationPanel) onRetry(index int) {
	run := g.runs.run
	if g.runs.running() || run == nil || index < 0 || index >= len(run.variants) {
		return
	}
	rev, err := g.svc.store.Revision(g.svc.ctx, run.variants[index].RevisionID)
	if err != nil {
		g.svc.showError(err)
		return
	}
	g.runs.retryRun(rev, index)
	g.refreshState()
}
