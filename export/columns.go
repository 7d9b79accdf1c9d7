package export

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// column is the source or one variant, ready to be set on a set of pages.
type column struct {
	name   string // "Source", "Variante 2"
	status string // the status when it is not done, drawn in the alert colour
	lines  [2]string
	blocks []block
	layout map[float64][]row // rows by column width, computed once per width
	index  int               // the variant's index in Variants, -1 for the source
	hl     *highlights       // what the variant's analysis marks in its text, nil if nothing
}

var (
	headName = style{"B", 9}
	headInfo = style{"", 7.5}
)

func (d *document) sourceColumn() *column {
	body := d.body
	col := &column{
		index:  -1,
		name:   d.lab.source,
		blocks: parseMarkdown(body),
		lines: [2]string{
			d.lab.sourceRev + " · " + fmt.Sprintf(d.lab.revision, d.c.Source.Number),
			fmt.Sprintf(d.lab.words, d.lab.formatCount(d.wordCount(body))),
		},
	}
	if len(col.blocks) == 0 {
		col.blocks = []block{{kind: blockNote, text: d.lab.emptyText}}
	}
	return col
}

func (d *document) variantColumn(i int, v model.Variant) *column {
	text := cleanText(v.Text, d.fs)
	col := &column{
		index:  i,
		name:   fmt.Sprintf(d.lab.variant, i+1),
		blocks: parseMarkdown(text),
		lines: [2]string{
			d.engineName(v, false),
			d.presetName(v.PresetID) + " · " + fmt.Sprintf(d.lab.words, d.lab.formatCount(d.wordCount(text))),
		},
	}
	if v.Status != model.StatusDone {
		col.status = d.lab.statusName(v.Status)
	}
	var notes []block
	if v.Status == model.StatusFailed || v.Status == model.StatusCancelled {
		note := capitalize(d.lab.partial)
		if e := cleanLine(v.Error, d.fs); e != "" {
			note += " — " + d.lab.errorLabel + " " + e
		}
		notes = append(notes, block{kind: blockNote, text: note})
	}
	if len(col.blocks) == 0 {
		notes = append(notes, block{kind: blockNote, text: d.lab.emptyText, tight: len(notes) > 0})
	}
	col.blocks = append(notes, col.blocks...)
	d.annotate(col, v)
	return col
}

// rows lays the column out at width w, once per width.
func (d *document) rows(col *column, w float64) []row {
	if rs, ok := col.layout[w]; ok {
		return rs
	}
	if col.layout == nil {
		col.layout = map[float64][]row{}
	}
	rs := layoutColumn(d, columnScale, col.blocks, w, rowsPerPage)
	col.hl.markRows(rs)
	col.layout[w] = rs
	return rs
}

// rowsPerPage is how many rows of the grid fit between the column headers and the footer.
var rowsPerPage = int(math.Floor((gridBottom-gridTop)/pitch)) + 1

// drawSet draws the source and up to three variants side by side over as many pages as
// the longest of them needs; row i of every column is set at the same height.
func (d *document) drawSet(cols []*column) {
	n := float64(len(cols))
	w := min((contentW-(n-1)*gutter)/n, maxColumnW)
	laid := make([][]row, len(cols))
	longest := 0
	for i, col := range cols {
		laid[i] = d.rows(col, w)
		longest = max(longest, len(laid[i]))
	}
	pages := max(1, (longest+rowsPerPage-1)/rowsPerPage)
	legend := d.markLegend(cols)
	if len(legend) > 0 {
		d.legendW = d.legendWidth(legend)
		defer func() { d.legendW = 0 }()
	}
	for p := range pages {
		d.newPage()
		if len(legend) > 0 {
			d.drawLegend(legend)
		}
		if p == 0 {
			d.markSet(cols)
		}
		for i, col := range cols {
			x := marginX + float64(i)*(w+gutter)
			d.columnHeader(col, x, w)
			from := min(p*rowsPerPage, len(laid[i]))
			d.drawRows(col, laid[i][from:min(from+rowsPerPage, len(laid[i]))], x)
			if i > 0 {
				d.vrule(x-gutter/2, colHeadBase-4, gridBottom+1.5)
			}
		}
	}
}

// columnHeader names a column above its first row: name and status, then two lines of
// provenance, and a rule.
func (d *document) columnHeader(col *column, x, w float64) {
	d.text(x, colHeadBase, headName, colorAccent, d.fit(headName, col.name, w))
	if col.status != "" {
		nameW := d.width(headName, col.name+"  ")
		st := style{"B", 7.5}
		d.text(x+nameW, colHeadBase, st, colorAlert, d.fit(st, strings.ToUpper(col.status), w-nameW))
	}
	for i, line := range col.lines {
		d.text(x, colHeadBase+float64(i+1)*colHeadPitch, headInfo, colorMuted, d.fit(headInfo, line, w))
	}
	d.rule(x, x+w, colHeadRule, 0.3, colorAccent)
}

// drawRows draws one page of a column's rows, the first at the top of the grid.
func (d *document) drawRows(col *column, rs []row, x float64) {
	for i, r := range rs {
		if r.empty() {
			continue
		}
		y := gridTop + float64(i)*pitch
		c := colorText
		switch r.tone {
		case toneAlert:
			c = colorAlert
		case toneMuted:
			c = colorMuted
		}
		if r.quote {
			d.pdf.SetDrawColor(colorRule.r, colorRule.g, colorRule.b)
			d.pdf.SetLineWidth(0.5)
			d.pdf.Line(x+0.8, y-3, x+0.8, y+1)
		}
		d.text(x+r.markerX, y, r.st, c, r.marker)
		if r.marks != nil {
			d.markedText(r, x, y, c)
			continue
		}
		d.text(x+r.x, y, r.st, c, r.text)
	}
}

// vrule draws the thin vertical rule between two columns.
func (d *document) vrule(x, y1, y2 float64) {
	d.pdf.SetDrawColor(colorRule.r, colorRule.g, colorRule.b)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(x, y1, x, y2)
}

// countWords counts the words of a text the way the rest of the application does.
func countWords(s string) int { return analysis.WordCount(s) }

// wordCount counts the words of s once per document: the cover and the columns show the
// counts of the same texts.
func (d *document) wordCount(s string) int {
	if n, ok := d.wordCounts[s]; ok {
		return n
	}
	if d.wordCounts == nil {
		d.wordCounts = make(map[string]int)
	}
	n := countWords(s)
	d.wordCounts[s] = n
	return n
}

// capitalize puts the first letter of s in upper case.
func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}

// annotate adds to a variant's column what its analysis says: the facts it introduced and the
// sentences the source does not support, to highlight, the facts of the source it lost, listed
// after its text, and, with DiffColours, the words the source does not contain.
func (d *document) annotate(col *column, v model.Variant) {
	va, ok := d.va[v.ID]
	if !ok {
		return
	}
	col.hl = newHighlights(d.analysedText(v), va, d.c.Options.DiffColours)
	if n := len(va.Facts.Lost); n > 0 { // listed once each, most important first: the summary's number
		lost := make([]string, 0, n)
		for _, f := range va.Facts.Lost {
			for _, t := range d.factTexts([]analysis.Fact{f}) {
				if f.Count > 1 {
					t += fmt.Sprintf(" (×%d)", f.Count)
				}
				lost = append(lost, t)
			}
		}
		col.blocks = append(col.blocks, block{kind: blockNote, text: fmt.Sprintf(d.ext.lostFacts, n)},
			block{kind: blockParagraph, text: strings.Join(lost, " · "), tight: true, plain: true})
	}
}

// analysedText is the text of v whose byte offsets its analysis gives: the caller's analyses
// were made on the text as written, those measured here on the text as shown (masked).
func (d *document) analysedText(v model.Variant) string {
	if _, ok := d.c.VariantAnalyses[v.ID]; ok {
		if raw, ok := d.rawVariant[v.ID]; ok {
			return raw
		}
	}
	return v.Text
}

// markSet records, on the first page of a set, the outline entry and the target of the
// summary's link of each variant in it.
func (d *document) markSet(cols []*column) {
	for _, col := range cols {
		if col.index < 0 && len(cols) > 1 {
			continue
		}
		d.pdf.Bookmark(col.name, 0, 0)
		if link, ok := d.links[col.index]; ok {
			d.pdf.SetLink(link, 0, -1)
		}
	}
}

// dedupe returns ss without repetitions, in order.
func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
