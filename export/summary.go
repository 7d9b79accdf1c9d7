package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// Styles of the summary, review and appendix pages.
var (
	sectionTitle = style{"B", 14}
	sumHead      = style{"B", 7}
	sumCell      = style{"", 8.5}
	sumName      = style{"B", 8.5}
)

// sumCol is one column of the summary table: its head, width, and the value it shows for
// the source (src) or a variant.
type sumCol struct {
	head, sub string
	w         float64
}

// summaryCols are the columns of the summary table after the name, in millimetres.
func (d *document) summaryCols() []sumCol {
	e := d.ext
	return []sumCol{
		{e.wordsHead, "", 18}, {e.readingHead, "", 20}, {e.readability, "", 22},
		{e.keptHead, "", 22}, {e.lostHead, "", 17}, {e.introHead, "", 20},
		{e.durationHead, "", 20}, {e.speedHead, "", 18},
		{e.measuredHead, "Wh · gCO2e", 32}, {e.estimHead, "Wh · gCO2e", 32}, {e.votesHead, "", 22},
	}
}

const sumNameW = contentW - 243 // the first column of the summary table: the text's name

// sectionPage starts a page for a section of the document with its title and an outline
// entry, and returns the baseline under the title.
func (d *document) sectionPage(title string) float64 {
	d.newPage()
	d.pdf.Bookmark(title, 0, 0)
	y := coverTop
	d.text(marginX, y, sectionTitle, colorAccent, title)
	d.rule(marginX, marginX+30, y+3.5, 0.8, colorAccent)
	return y + 12
}

// prepareAnalyses gathers the analyses the summary and the columns show, measuring the
// source and the variants with text that the caller did not analyse.
func (d *document) prepareAnalyses() *analysis.SourceAnalysis {
	d.va = make(map[int64]analysis.VariantAnalysis, len(d.c.Variants))
	var src *analysis.SourceAnalysis
	if d.c.SourceAnalysis != nil {
		s := *d.c.SourceAnalysis
		src = &s
	}
	for _, v := range d.c.Variants {
		if va, ok := d.c.VariantAnalyses[v.ID]; ok {
			d.va[v.ID] = va
			continue
		}
		if strings.TrimSpace(v.Text) == "" {
			continue
		}
		if src == nil || d.c.SourceAnalysis == nil {
			s := analysis.AnalyzeSource(d.c.Source.Body, languageOf(d.c))
			src = &s
		}
		d.va[v.ID] = analysis.AnalyzeVariant(*src, v.Text)
	}
	if src == nil {
		s := analysis.AnalyzeSource(d.c.Source.Body, languageOf(d.c))
		src = &s
	}
	return src
}

// summary draws the page of measures after the cover: a table of every text's measures,
// with a link from each variant's name to its first page, and a bar chart.
func (d *document) summary() {
	src := d.prepareAnalyses()
	d.src = src
	y := d.sectionPage(d.ext.summary)
	cols := d.summaryCols()
	y = d.summaryHeads(cols, y)
	y = d.summaryRow(cols, y, -1, d.lab.source, d.sourceCells(src.Metrics))
	d.links = make(map[int]int, len(d.c.Variants))
	for i, v := range d.c.Variants {
		d.links[i] = d.pdf.AddLink()
		y = d.summaryRow(cols, y, i, fmt.Sprintf(d.lab.variant, i+1), d.variantCells(v))
	}
	y = d.supportLine(y)
	y = d.paragraph(marginX, y+6, contentW, smallMuted, colorMuted, d.ext.energyNote, 3.8)
	d.charts(y+4, src.Metrics.Words)
}

// summaryHeads draws the heads of the summary table from baseline y and returns the y of
// the rule under them.
func (d *document) summaryHeads(cols []sumCol, y float64) float64 {
	d.text(marginX, y, sumHead, colorMuted, d.ext.measure)
	x := marginX + sumNameW
	for _, c := range cols {
		x += c.w
		d.textRight(x, y, sumHead, colorMuted, c.head)
		d.textRight(x, y+3.3, sumHead, colorMuted, c.sub)
	}
	y += 5.3
	d.rule(marginX, pageW-marginX, y, 0.3, colorAccent)
	return y
}

// summaryRow draws one text's row from the rule at y, its name linked to its first page
// when it is a variant (i ≥ 0), and returns the y of the rule under it.
func (d *document) summaryRow(cols []sumCol, y float64, i int, name string, cells []string) float64 {
	if d.pdf.PageNo() > 0 && y+6 > gridBottom {
		y = d.summaryHeads(cols, d.sectionPage(d.ext.summary))
	}
	base := y + 4.6
	tone := colorText
	if link, ok := d.links[i]; ok {
		tone = colorAccent
		d.pdf.Link(marginX, y+0.5, sumNameW-2, 5.5, link)
	}
	d.text(marginX, base, sumName, tone, name)
	x := marginX + sumNameW
	for j, c := range cols {
		x += c.w
		if j < len(cells) {
			d.textRight(x, base, sumCell, colorText, d.fit(sumCell, cells[j], c.w-2))
		}
	}
	y += 6.5
	d.rule(marginX, pageW-marginX, y, 0.1, colorRule)
	return y
}

// dash stands for a measure that does not apply.
const dash = "—"

// sourceCells are the source's measures; only the text's own apply.
func (d *document) sourceCells(m analysis.Metrics) []string {
	cells := []string{d.lab.formatCount(m.Words), d.readingTime(m), d.readability(m)}
	for range 8 {
		cells = append(cells, dash)
	}
	return cells
}

// variantCells are a variant's measures, a dash for those it lacks.
func (d *document) variantCells(v model.Variant) []string {
	cells := make([]string, 11)
	for i := range cells {
		cells[i] = dash
	}
	if va, ok := d.va[v.ID]; ok {
		m := va.Metrics
		cells[0], cells[1], cells[2] = d.lab.formatCount(m.Words), d.readingTime(m), d.readability(m)
		cells[3] = strconv.Itoa(len(va.Facts.Kept))
		cells[4] = strconv.Itoa(len(va.Facts.Lost))
		cells[5] = strconv.Itoa(len(va.Facts.Introduced))
	}
	if v.Stats.Total > 0 {
		cells[6] = d.duration(v.Stats.Total)
	}
	if v.Stats.TokensPerSecond > 0 && v.Engine != model.EngineBuiltin { // the built-in engine writes no tokens
		cells[7] = d.decimal(v.Stats.TokensPerSecond, 1)
	}
	if e, ok := d.c.Energy[v.ID]; ok {
		cells[8] = d.localEnergy(e)
		cells[9] = d.energy(e.EstimatedWh, e.EstimatedGCO2e)
	}
	cells[10] = strconv.Itoa(d.votesWon(v.ID))
	return cells
}

// votesWon counts the votes in which the variant was preferred.
func (d *document) votesWon(id int64) int {
	n := 0
	for _, v := range d.c.Votes {
		if v.Outcome == model.OutcomePreferred && v.Preferred == id {
			n++
		}
	}
	return n
}

// readingTime writes the silent reading time as the app does: « 2 min », « < 1 min ».
func (d *document) readingTime(m analysis.Metrics) string {
	return analysis.ReadingTime(m.ReadingMinutes)
}

// readability gives the reading ease of the document's language: Kandel-Moles in French,
// Flesch in English.
func (d *document) readability(m analysis.Metrics) string {
	v := m.KandelMoles
	if languageOf(d.c) == model.English {
		v = m.Flesch
	}
	if m.Words == 0 {
		return dash
	}
	return strconv.Itoa(int(math.Round(v)))
}

// energy writes an amount of energy and its emissions, or a dash when it is zero.
func (d *document) energy(wh, g float64) string {
	if wh <= 0 {
		return dash
	}
	if wh < 0.005 {
		return "< 0" + d.decimal(0.01, 2)[1:] + " · < 0" + d.decimal(0.01, 2)[1:]
	}
	return d.decimal(wh, 2) + " · " + d.decimal(g, 2)
}

// duration writes a generation time: « 12,4 s », « 3 min 05 s ».
func (d *document) duration(t time.Duration) string {
	switch {
	case t < 100*time.Millisecond:
		return "< 0" + d.decimal(0.1, 1)[1:] + " s" // « < 0,1 s »: the built-in engine is that fast
	case t < time.Minute:
		return d.decimal(t.Seconds(), 1) + " s"
	}
	s := int(t.Round(time.Second).Seconds())
	return fmt.Sprintf("%d min %02d s", s/60, s%60)
}

// decimal writes f with at most prec decimals, without trailing zeros, with the decimal
// separator of the document's language.
func (d *document) decimal(f float64, prec int) string {
	s := strconv.FormatFloat(f, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return strings.Replace(s, ".", d.ext.decimal, 1)
}
