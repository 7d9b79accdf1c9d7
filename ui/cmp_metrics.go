package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// metricRow is one line of the metrics table: its label and how to read it off a column.
type metricRow struct {
	label   string
	source  func(analysis.SourceAnalysis) string
	variant func(model.Variant, analysis.VariantAnalysis) string
	blind   bool // hidden in blind mode: it would give the model away
}

// metricRows lists the rows, in the interface language.
func (c *comparison) metricRows() []metricRow {
	lg := c.source.Language
	readability := lang.L("Readability (Kandel–Moles, 0–100)")
	if lg == model.English {
		readability = lang.L("Readability (Flesch, 0–100)")
	}
	return []metricRow{
		{label: lang.L("Words"), source: func(s analysis.SourceAnalysis) string { return fmtInt(s.Metrics.Words) },
			variant: func(_ model.Variant, a analysis.VariantAnalysis) string { return fmtInt(a.Metrics.Words) }},
		{label: lang.L("Length compared with the source"), source: func(analysis.SourceAnalysis) string { return "100 %" },
			variant: func(_ model.Variant, a analysis.VariantAnalysis) string { return fmtPercent(a.Compression) }},
		{label: lang.L("Sentences (mean length in words)"), source: func(s analysis.SourceAnalysis) string { return sentencesText(s.Metrics) },
			variant: func(_ model.Variant, a analysis.VariantAnalysis) string { return sentencesText(a.Metrics) }},
		{label: lang.L("Long sentences (over 25 words)"), source: func(s analysis.SourceAnalysis) string { return fmtPercent(s.Metrics.LongSentenceShare) },
			variant: func(_ model.Variant, a analysis.VariantAnalysis) string {
				return fmtPercent(a.Metrics.LongSentenceShare)
			}},
		{label: lang.L("Reading time"), source: func(s analysis.SourceAnalysis) string { return minutesText(s.Metrics.ReadingMinutes) },
			variant: func(_ model.Variant, a analysis.VariantAnalysis) string { return minutesText(a.Metrics.ReadingMinutes) }},
		{label: readability, source: func(s analysis.SourceAnalysis) string { return readabilityText(s.Metrics, lg) },
			variant: func(_ model.Variant, a analysis.VariantAnalysis) string { return readabilityText(a.Metrics, lg) }},
		{label: lang.L("LIX (lower is easier)"), source: func(s analysis.SourceAnalysis) string { return fmtFloat(s.Metrics.LIX, 0) },
			variant: func(_ model.Variant, a analysis.VariantAnalysis) string { return fmtFloat(a.Metrics.LIX, 0) }},
		{label: lang.L("Facts kept / lost"), source: func(s analysis.SourceAnalysis) string { return fmtInt(analysis.CountFacts(s.Facts)) },
			variant: func(_ model.Variant, a analysis.VariantAnalysis) string {
				return keptLostText(a.Facts)
			}},
		{label: lang.L("Facts not in the source (to check)"), source: func(analysis.SourceAnalysis) string { return "—" },
			variant: func(_ model.Variant, a analysis.VariantAnalysis) string { return fmtInt(len(a.Facts.Introduced)) }},
		{label: lang.L("Plain language: sentences over 15 words"), source: func(analysis.SourceAnalysis) string { return "—" },
			variant: func(_ model.Variant, a analysis.VariantAnalysis) string { return fmtInt(a.Plain.LongSentences) }},
		{label: lang.L("Plain language: acronyms not explained"), source: func(analysis.SourceAnalysis) string { return "—" },
			variant: func(_ model.Variant, a analysis.VariantAnalysis) string {
				return acronymsText(a.Plain.UnexplainedAcronyms)
			}},
		{label: lang.L("Plain language: percentages, long words"), source: func(analysis.SourceAnalysis) string { return "—" },
			variant: func(_ model.Variant, a analysis.VariantAnalysis) string {
				return fmt.Sprintf("%d · %d", a.Plain.Percentages, a.Plain.LongWords)
			}},
		{label: lang.L("Personal data found"), source: func(s analysis.SourceAnalysis) string { return fmtInt(len(s.Personal)) },
			variant: func(_ model.Variant, a analysis.VariantAnalysis) string { return fmtInt(len(a.Personal)) }},
		{label: lang.L("Energy on this computer (measured)"), source: func(analysis.SourceAnalysis) string { return "—" },
			variant: func(v model.Variant, _ analysis.VariantAnalysis) string { return c.energyText(v, true) }, blind: true},
		{label: lang.L("Energy in a datacenter (EcoLogits estimate)"), source: func(analysis.SourceAnalysis) string { return "—" },
			variant: func(v model.Variant, _ analysis.VariantAnalysis) string { return c.energyText(v, false) }, blind: true},
	}
}

// refreshMetrics rebuilds the bottom pane for the source and the variants in columns: the bar
// naming the columns, the vote form in a blind comparison, then each measure as a caption line
// and its values, each under its own column.
func (c *comparison) refreshMetrics() {
	c.metricsHead.Objects = c.metricsHead.Objects[:0]
	c.metricsHead.Layout = layout.NewGridLayoutWithColumns(1 + len(c.shown))
	c.metricsHead.Add(headLabel(lang.L("Source")))
	for _, i := range c.shown {
		c.metricsHead.Add(headLabel(c.shortTitle(c.variants[i])))
	}
	c.metricsHead.Refresh()
	c.metrics.RemoveAll()
	if c.blind != nil {
		c.metrics.Add(c.blindPanel())
	}
	c.split.SetOffset(c.splitOffset())
	if c.analysis == nil || c.analysis.runID != c.run.ID {
		return
	}
	for _, row := range c.metricRows() {
		if row.blind && c.blindOn() {
			continue
		}
		name := widget.NewLabelWithStyle(row.label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.SizeName = theme.SizeNameCaptionText
		name.Wrapping = fyne.TextWrapWord
		values := container.NewGridWithColumns(1 + len(c.shown))
		values.Add(metricCell(row.source(c.analysis.source)))
		for _, i := range c.shown {
			v := c.variants[i]
			value := "…"
			if va, ok := c.variantAnalysis(v); ok {
				value = row.variant(v, va)
			}
			values.Add(metricCell(value))
		}
		c.metrics.Add(container.New(layout.NewCustomPaddedVBoxLayout(0), name, values))
	}
}

// shortTitle names a column in the bar of the metrics: « Variant 2 », or its letter in a
// blind comparison.
func (c *comparison) shortTitle(v model.Variant) string {
	if c.blind != nil {
		if title, _ := c.blindTitle(v); title != "" {
			return title
		}
	}
	return lang.L("Variant {{.N}}", map[string]any{"N": v.Index + 1})
}

func headLabel(text string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func metricCell(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// newMetricsPane is the bottom pane of the comparison: the bar naming the columns over the vote
// form and the metrics; the check « Measures » of the toolbar folds it.
func (c *comparison) newMetricsPane() fyne.CanvasObject {
	c.metrics = container.NewVBox()
	c.metricsHead = container.NewGridWithColumns(1)
	c.metricsScroll = container.NewVScroll(c.metrics)
	c.metricsCheck = widget.NewCheck(lang.L("Measures"), func(on bool) { c.foldMetrics(!on) })
	c.metricsCheck.Checked = true
	return container.NewBorder(container.NewVBox(widget.NewSeparator(), c.metricsHead), nil, nil, nil, c.metricsScroll)
}

// foldMetrics folds the bottom pane away, giving the columns the whole height, or unfolds it.
func (c *comparison) foldMetrics(folded bool) {
	c.metricsFolded = folded
	if folded {
		c.metricsScroll.Hide()
		c.metricsHead.Hide()
	} else {
		c.metricsScroll.Show()
		c.metricsHead.Show()
	}
	c.metricsCheck.SetChecked(!folded)
	c.split.SetOffset(c.splitOffset())
}

// splitOffset is the share of the height the columns take: all of it with the pane folded,
// less while a vote waits, so that its form has room.
func (c *comparison) splitOffset() float64 {
	switch {
	case c.metricsFolded:
		return 1
	case c.blind != nil && c.blind.voted == nil:
		return 0.5
	}
	return 0.7
}

func fmtPercent(share float64) string { return fmtFloat(share*100, 0) + " %" }

func sentencesText(m analysis.Metrics) string {
	return fmt.Sprintf("%s (%s)", fmtInt(m.Sentences), fmtFloat(m.MeanSentenceLength, 1))
}

// minutesText writes a reading time as the PDF does (analysis.ReadingTime).
func minutesText(min float64) string { return analysis.ReadingTime(min) }

func readabilityText(m analysis.Metrics, lg model.Language) string {
	if lg == model.English {
		return fmtFloat(m.Flesch, 0)
	}
	return fmtFloat(m.KandelMoles, 0)
}

// blindPanel is the vote form, or once voted what was chosen.
func (c *comparison) blindPanel() fyne.CanvasObject {
	b := c.blind
	if b.voted == nil {
		return widget.NewCard(lang.L("Your vote"), lang.L("Read the variants against the source, then say which one you prefer and why."), b.panel())
	}
	text := lang.L("Vote saved: the variants are equivalent.")
	switch b.voted.Outcome {
	case model.OutcomeNone:
		text = lang.L("Vote saved: none of the variants suits.")
	case model.OutcomePreferred:
		for i, v := range c.variants {
			if v.ID == b.voted.Preferred {
				text = lang.L("Vote saved: you preferred {{.Name}}.", map[string]any{"Name": variantTitle(c.svc.presets, c.variants[i]) + " · " + engineLabel(v.Spec)})
			}
		}
	}
	l := widget.NewLabel(text)
	l.Importance = widget.SuccessImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

func acronymsText(list []string) string {
	if len(list) == 0 {
		return "0"
	}
	return fmt.Sprintf("%d (%s)", len(list), joinList(list))
}

// keptLostText is the « kept / lost » cell: the numbers of distinct facts kept and lost, those
// lostText and the PDF give.
func keptLostText(fc analysis.FactCheck) string {
	return fmt.Sprintf("%d / %d", len(fc.Kept), len(fc.Lost))
}
