package export

import (
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

// Colours of the marks in the variant columns: the same run of text is marked the same way
// wherever its lines fall.
var (
	colorIntroduced  = rgb{0xF6, 0xD2, 0xD4} // background of an introduced fact
	colorInserted    = rgb{0x7A, 0x3E, 0x9D} // a word the source does not contain
	colorUnsupported = rgb{0xFF, 0xF0, 0xC2} // background of a sentence the source does not support
	colorUnsupBar    = rgb{0xD9, 0x8E, 0x04} // the bar in the gutter beside such a sentence
)

// markedText draws a row of a column whose left edge is at x, at baseline y, with its marks:
// the sentences the source does not support on a light amber band with a bar in the gutter,
// the introduced facts on a light red background, the words the source does not contain in
// colour; the rest of the text in c.
func (d *document) markedText(r row, x, y float64, c rgb) {
	runs := markRuns(r.text, r.marks)
	tx := x + r.x
	bar := false
	for _, run := range runs {
		if run.marks&markUnsupported != 0 {
			d.fill(tx+d.width(r.st, r.text[:run.start]), y-3, d.width(r.st, r.text[run.start:run.end]), pitch, colorUnsupported)
			bar = true
		}
	}
	if bar {
		d.fill(x-2.2, y-3, 0.8, pitch, colorUnsupBar)
	}
	for _, run := range runs {
		if run.marks&markFact != 0 {
			d.fill(tx+d.width(r.st, r.text[:run.start])-0.4, y-2.9, d.width(r.st, r.text[run.start:run.end])+0.8, 3.8, colorIntroduced)
		}
	}
	for _, run := range markRuns(r.text, absentOnly(r.marks)) {
		tone := c
		if run.marks != 0 {
			tone = colorInserted
		}
		d.text(tx+d.width(r.st, r.text[:run.start]), y, r.st, tone, r.text[run.start:run.end])
	}
}

// absentOnly keeps, of marks, only whether each byte is an absent word.
func absentOnly(marks []uint8) []uint8 {
	out := make([]uint8, len(marks))
	for i, m := range marks {
		out[i] = m & markAbsent
	}
	return out
}

// markRuns cuts a row's text into runs of equal marks, cutting only between characters.
func markRuns(text string, marks []uint8) []markRun {
	var out []markRun
	for i, m := range marks {
		n := len(out)
		if n > 0 && (out[n-1].marks == m || !utf8.RuneStart(text[i])) {
			out[n-1].end = i + 1
			continue
		}
		out = append(out, markRun{start: i, end: i + 1, marks: m})
	}
	return out
}

// legendEntry is one mark the legend explains.
type legendEntry struct {
	mark  uint8
	label string
}

// markLegend lists the marks a set of columns may show: the introduced facts and the unsupported
// sentences when a variant of the set was analysed, the absent words too when they are shown.
func (d *document) markLegend(cols []*column) []legendEntry {
	analysed := false
	for _, col := range cols {
		if col.index >= 0 && col.index < len(d.c.Variants) {
			_, ok := d.va[d.c.Variants[col.index].ID]
			analysed = analysed || ok
		}
	}
	if !analysed {
		return nil
	}
	lab := markLabelsFor(d.c.Language)
	out := []legendEntry{{markFact, lab.facts}}
	if d.c.Options.DiffColours {
		out = append(out, legendEntry{markAbsent, lab.absent})
	}
	return append(out, legendEntry{markUnsupported, lab.unsupported})
}

var legendStyle = style{"", 7}

// legendSwatch is the width of the sample of a mark in the legend, and legendGap the space
// after each entry.
const (
	legendSwatch = 6.0
	legendGap    = 5.0
)

// legendWidth is how wide the legend of entries is drawn.
func (d *document) legendWidth(entries []legendEntry) float64 {
	w := 0.0
	for i, e := range entries {
		if i > 0 {
			w += legendGap
		}
		w += legendSwatch + 1.2 + d.width(legendStyle, e.label)
	}
	return w
}

// drawLegend draws the legend on the running header's line, ending where the name of the
// document begins.
func (d *document) drawLegend(entries []legendEntry) {
	right := pageW - marginX - d.width(style{"", 7.5}, d.lab.docKind) - 8
	x := right - d.legendWidth(entries)
	y := headerBase
	for _, e := range entries {
		switch e.mark {
		case markFact:
			d.fill(x, y-2.6, legendSwatch, 3.4, colorIntroduced)
		case markAbsent:
			d.text(x+0.6, y, style{"B", 7}, colorInserted, "abc")
		case markUnsupported:
			d.fill(x+0.9, y-2.6, legendSwatch-0.9, 3.4, colorUnsupported)
			d.fill(x, y-2.6, 0.7, 3.4, colorUnsupBar)
		}
		x += legendSwatch + 1.2
		d.text(x, y, legendStyle, colorMuted, e.label)
		x += d.width(legendStyle, e.label) + legendGap
	}
}

// titleRoom is the width the running header gives the report's title: less on the pages of
// columns, where the legend takes the rest of the line.
func (d *document) titleRoom() float64 {
	if d.legendW == 0 {
		return contentW * 0.7
	}
	return min(contentW*0.7, contentW-d.width(style{"", 7.5}, d.lab.docKind)-8-d.legendW-8)
}

// markLabels are the words of the legend of the marks, in the language of the export.
type markLabels struct {
	facts, absent, unsupported string
	unsupportedCount           string // the summary's line: "Phrases sans appui dans la source"
	colon                      string // between a variant's name and its count
}

var (
	frenchMarks = markLabels{
		facts:            "Fait absent de la source",
		absent:           "Mot absent de la source",
		unsupported:      "Phrase sans appui dans la source",
		unsupportedCount: "Phrases sans appui dans la source",
		colon:            "\u00a0: ",
	}
	englishMarks = markLabels{
		facts:            "Fact not in the source",
		absent:           "Word not in the source",
		unsupported:      "Sentence the source does not support",
		unsupportedCount: "Sentences the source does not support",
		colon:            ": ",
	}
)

// markLabelsFor returns the legend's words in lang, French unless it is English.
func markLabelsFor(lang model.Language) markLabels {
	if lang == model.English {
		return englishMarks
	}
	return frenchMarks
}
