package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
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

// refreshMetrics rebuilds the table for the source and the variants in columns.
func (c *comparison) refreshMetrics() {
	c.metrics.RemoveAll()
	if c.blind != nil {
		c.metrics.Add(c.blindPanel())
	}
	if c.analysis == nil || c.analysis.runID != c.run.ID {
		return
	}
	for _, row := range c.metricRows() {
		if row.blind && c.blindOn() {
			continue
		}
		line := container.NewGridWithColumns(2 + len(c.shown))
		name := widget.NewLabel(row.label)
		name.Wrapping = fyne.TextWrapWord
		name.SizeName = theme.SizeNameCaptionText
		line.Add(name)
		line.Add(metricCell(row.source(c.analysis.source)))
		for _, i := range c.shown {
			v := c.variants[i]
			value := "…"
			if va, ok := c.variantAnalysis(v); ok {
				value = row.variant(v, va)
			}
			line.Add(metricCell(value))
		}
		c.metrics.Add(line)
	}
}

func metricCell(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	l.Wrapping = fyne.TextWrapWord
	return l
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
