package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// maxVariantColumns is how many variants are shown beside the source at once.
const maxVariantColumns = 3

// comparison shows the source revision and up to three variants side by side.
type comparison struct {
	svc *services

	runs      *uikit.Choice[int64] // the runs of the report, by ID, newest first
	pick      *widget.CheckGroup
	pickBox   *container.Scroll // lets the choice of variants scroll instead of widening the window
	exportBtn *widget.Button
	exportWhy *widget.Label // why the export waits, beside its button while it is disabled
	columns   *fyne.Container
	empty     *widget.Label
	root      fyne.CanvasObject

	runList  []model.Run
	source   model.Revision
	run      model.Run
	variants []model.Variant
	shown    []int // indexes of the variants in columns, at most maxVariantColumns
	cols     map[int]*column
	srcCol   *column

	diffCheck     *widget.Check
	syncCheck     *widget.Check    // the source column follows the variant scrolled
	legend        *widget.RichText // what each colour of the columns means
	chosen        chosenSentence   // the sentence whose support the source column shows
	blindCheck    *widget.Check
	blind         *blindVote       // the blind comparison under way, nil when off
	split         *container.Split // the columns over the metrics pane
	metrics       *fyne.Container  // the vote form and the metrics, under the columns
	metricsHead   *fyne.Container  // the names of the columns, over the metrics
	metricsScroll *container.Scroll
	metricsCheck  *widget.Check // unticked, the metrics pane is folded away
	metricsFolded bool
	analysis      *runAnalysis
	analysisGen   int
	critiques     map[int64][]model.Critique // by variant ID, newest first
	exportLang    model.Language             // the document language chosen at the last export
	exportOpts    export.ComparisonOptions
	marks         map[int64]model.ReviewMark // by variant ID
}

func newComparison(svc *services) *comparison {
	c := &comparison{svc: svc, cols: map[int]*column{}, critiques: map[int64][]model.Critique{}, marks: map[int64]model.ReviewMark{}}
	c.runs = uikit.NewChoice(c.onRunSelected)
	c.runs.PlaceHolder = lang.L("No generation yet")
	c.pick = widget.NewCheckGroup(nil, c.onPick)
	c.pick.Horizontal = true
	c.pickBox = container.NewHScroll(c.pick)
	c.exportBtn = widget.NewButtonWithIcon(lang.L("Export PDF…"), theme.DocumentSaveIcon(), c.onExport)
	c.exportWhy = widget.NewLabel("")
	c.exportWhy.SizeName = theme.SizeNameCaptionText
	c.exportWhy.Wrapping = fyne.TextWrapWord
	c.exportWhy.Alignment = fyne.TextAlignTrailing
	c.exportWhy.Hide()
	c.columns = container.NewGridWithColumns(1)
	c.empty = widget.NewLabel(lang.L("Generate variants to compare them with the source here."))
	c.empty.Wrapping = fyne.TextWrapWord
	c.diffCheck = widget.NewCheck(lang.L("Highlight the words not in the source"), func(bool) {
		c.refreshColumns()
		c.refreshLegend()
	})
	c.blindCheck = widget.NewCheck(lang.L("Blind comparison"), c.onBlind)
	c.syncCheck = c.newSyncCheck()
	c.legend = widget.NewRichText()
	c.legend.Wrapping = fyne.TextWrapWord
	c.split = container.NewVSplit(c.columns, c.newMetricsPane())
	c.split.Offset = c.splitOffset()
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Generation")), c.exportBtn, c.runs),
		c.exportWhy,
		container.NewBorder(nil, nil, nil, container.NewHBox(c.diffCheck, c.blindCheck, c.metricsCheck), c.pickBox),
		container.NewBorder(nil, nil, nil, container.NewVBox(c.syncCheck), c.legend), // beside the legend: the checks above fill 1024 px
	)
	c.refreshLegend()
	c.root = container.NewBorder(top, nil, nil, nil, container.NewStack(c.split, container.NewVBox(c.empty)))
	c.clear()
	return c
}

func (c *comparison) content() fyne.CanvasObject { return c.root }

// clear empties the view when no report is open.
func (c *comparison) clear() {
	c.runList = nil
	c.runs.SetOptions(nil, nil)
	c.run, c.source, c.variants, c.shown = model.Run{}, model.Revision{}, nil, nil
	c.pick.Options = nil
	c.pick.Refresh()
	c.columns.RemoveAll()
	c.setExport("")
	c.empty.Show()
}

// loadLatest lists a report's runs and shows the newest one.
func (c *comparison) loadLatest(reportID int64) {
	c.clear()
	runs, err := c.svc.store.Runs(c.svc.ctx, reportID)
	if err != nil {
		c.svc.showError(err)
		return
	}
	c.setRuns(runs)
	if len(runs) > 0 {
		c.runs.Set(runs[0].ID)
	}
}

func (c *comparison) setRuns(runs []model.Run) {
	c.runList = runs
	ids := make([]int64, len(runs))
	labels := map[int64]string{}
	for i, r := range runs {
		ids[i], labels[r.ID] = r.ID, runLabel(r, len(runs)-i)
	}
	c.runs.SetOptions(ids, func(id int64) string { return labels[id] })
}

func runLabel(r model.Run, n int) string {
	data := map[string]any{"N": n, "Date": r.Created.Local().Format("02/01/2006 15:04"), "Count": len(r.Specs)}
	if len(r.Specs) == 1 {
		return lang.L("#{{.N}} — {{.Date}} — 1 variant", data)
	}
	return lang.L("#{{.N}} — {{.Date}} — {{.Count}} variants", data)
}

func (c *comparison) onRunSelected(id int64) {
	i := slices.IndexFunc(c.runList, func(r model.Run) bool { return r.ID == id })
	if i < 0 || id == c.run.ID {
		return
	}
	run := c.runList[i]
	rev, err := c.svc.store.Revision(c.svc.ctx, run.RevisionID)
	if err != nil {
		c.svc.showError(err)
		return
	}
	variants, err := c.svc.store.Variants(c.svc.ctx, run.ID)
	if err != nil {
		c.svc.showError(err)
		return
	}
	c.show(rev, run, variants)
}

// showRun shows a run that has just started, adding it to the list of runs.
func (c *comparison) showRun(rev model.Revision, run model.Run, variants []model.Variant) {
	c.setRuns(append([]model.Run{run}, c.runList...))
	c.run = run
	c.runs.Set(run.ID)
	c.show(rev, run, variants)
}

func (c *comparison) show(rev model.Revision, run model.Run, variants []model.Variant) {
	if c.blind != nil && run.ID != c.run.ID {
		c.blind = nil
		c.blindCheck.SetChecked(false)
	}
	c.source, c.run, c.variants = rev, run, variants
	c.chosen = chosenSentence{}
	labels := make([]string, len(variants))
	for i, v := range variants {
		labels[i] = variantTitle(c.svc.presets, v) + " · " + engineLabel(v.Spec)
	}
	c.pick.Options = labels
	c.shown = nil
	for i := range variants {
		if i < maxVariantColumns {
			c.shown = append(c.shown, i)
		}
	}
	c.pick.Selected = pickedLabels(labels, c.shown)
	c.pick.Refresh()
	if len(variants) <= maxVariantColumns {
		c.pickBox.Hide()
	} else {
		c.pickBox.Show()
	}
	c.refreshExport()
	c.empty.Hide()
	c.analysis = nil
	c.loadReviews()
	c.layoutColumns()
	c.analyze()
}

func pickedLabels(labels []string, shown []int) []string {
	out := make([]string, 0, len(shown))
	for _, i := range shown {
		out = append(out, labels[i])
	}
	return out
}

// onPick keeps at most maxVariantColumns variants checked, dropping the oldest choice.
func (c *comparison) onPick(selected []string) {
	var shown []int
	for _, s := range selected {
		for i, label := range c.pick.Options {
			if label == s {
				shown = append(shown, i)
			}
		}
	}
	if len(shown) > maxVariantColumns {
		shown = shown[len(shown)-maxVariantColumns:]
		c.pick.Selected = pickedLabels(c.pick.Options, shown)
		c.pick.Refresh()
	}
	c.shown = shown
	c.chosen = chosenSentence{}
	c.layoutColumns()
	c.refreshMetrics()
}

// layoutColumns rebuilds the columns: the source, then each chosen variant.
func (c *comparison) layoutColumns() {
	c.columns.RemoveAll()
	c.cols = map[int]*column{}
	c.srcCol = newColumn()
	c.srcCol.title.SetText(lang.L("Source — revision {{.N}}", map[string]any{"N": c.source.Number}))
	c.srcCol.subtitle.SetText(lang.L("{{.Count}} words", map[string]any{"Count": fmtInt(wordCount(c.source.Body))}))
	c.srcCol.setText(c.source.Body)
	c.srcCol.tapArea.onTap = c.clearSentence
	c.columns.Layout = layout.NewGridLayoutWithColumns(1 + len(c.shown))
	c.columns.Add(c.srcCol.box)
	for _, i := range c.shown {
		col := newColumn()
		col.tapArea.onTap = c.clearSentence
		col.scrolled = func() { c.followVariant(i) }
		c.cols[i] = col
		v := c.variants[i]
		c.fillColumn(col, v)
		if c.blind == nil || c.blind.voted != nil {
			col.moreBtn.OnTapped = func() { c.columnMenu(col, c.variants[i]) }
			col.moreBtn.Show()
		}
		c.columns.Add(col.box)
	}
	c.columns.Refresh()
	c.refreshExtras()
	c.showPassage()
}

func (c *comparison) fillColumn(col *column, v model.Variant) {
	if c.blind != nil {
		title, sub := c.blindTitle(v)
		col.title.SetText(title)
		col.subtitle.SetText(sub)
	} else {
		col.title.SetText(variantTitle(c.svc.presets, v))
		col.subtitle.SetText(fmt.Sprintf("%s · %s", engineLabel(v.Spec), variantStatusText(v)))
	}
	text := v.Text
	if text == "" && v.Status.Final() && v.Status != model.StatusDone {
		text = "*" + lang.L("No text was produced.") + "*"
	}
	col.show(text, c.viewFor(v))
	col.unsupported.Hide()
	va, ok := c.variantAnalysis(v)
	col.lost.show(va, ok)
	if ok {
		if n := unsupportedCount(va); n > 0 {
			col.unsupported.SetText(unsupportedText(n))
			col.unsupported.Show()
		}
	}
}

// refreshColumns redraws the variant columns and the metrics table after an analysis or a
// change of display.
func (c *comparison) refreshColumns() {
	for i, col := range c.cols {
		if i < len(c.variants) {
			c.fillColumn(col, c.variants[i])
		}
	}
	c.refreshMetrics()
}

// updateVariants shows streamed states of the run on screen; it runs on the UI thread.
func (c *comparison) updateVariants(events map[int]generate.Event) {
	ended := false
	for i, ev := range events {
		if ev.Variant.RunID != c.run.ID || i < 0 || i >= len(c.variants) {
			continue
		}
		c.variants[i] = ev.Variant
		if col, ok := c.cols[i]; ok {
			c.fillColumn(col, ev.Variant)
		}
		ended = ended || ev.Kind.Final()
	}
	c.refreshExport()
	if ended {
		c.analyze()
	}
}

// runFinished shows the final state of run when it is the one on screen.
func (c *comparison) runFinished(run *activeRun) {
	if run.runID != c.run.ID {
		return
	}
	for i, v := range run.variants {
		if i < len(c.variants) {
			c.variants[i] = v
			if col, ok := c.cols[i]; ok {
				c.fillColumn(col, v)
			}
		}
	}
	c.refreshExport()
	c.analyze()
}

// refreshExport allows exporting once every variant on screen is final and one at least is
// done, and says why it waits until then.
func (c *comparison) refreshExport() {
	c.setExport(c.exportWaits())
}

// exportWaits says why the comparison cannot be exported yet, "" when it can.
func (c *comparison) exportWaits() string {
	if c.blind != nil && c.blind.voted == nil {
		return lang.L("Vote first: the PDF names every model.")
	}
	anyDone := false
	for _, v := range c.variants {
		if !v.Status.Final() {
			return lang.L("Waiting for the variants still being written.")
		}
		anyDone = anyDone || v.Status == model.StatusDone
	}
	if !anyDone {
		return lang.L("No variant was finished: nothing to export.")
	}
	return ""
}

// setExport enables the export, or disables it saying why (nothing said with no run on screen).
func (c *comparison) setExport(why string) {
	if c.run.ID != 0 && why == "" {
		c.exportBtn.Enable()
	} else {
		c.exportBtn.Disable()
	}
	c.exportWhy.SetText(why)
	if why == "" {
		c.exportWhy.Hide()
	} else {
		c.exportWhy.Show()
	}
}
