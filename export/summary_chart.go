package export

import (
	"fmt"
	"strconv"
)

// Colours of the bar charts.
var (
	colorBarSource = rgb{0xB4, 0xB8, 0xBE}
	colorBarLost   = rgb{0xA4, 0x26, 0x2C}
	colorBarIntro  = rgb{0xE0, 0x8A, 0x1E}
)

// bar is one bar of a chart: its value, colour and the text written after it.
type bar struct {
	value float64
	c     rgb
	label string
}

// chartRow is one labelled row of a horizontal bar chart: one or more bars.
type chartRow struct {
	name string
	bars []bar
}

const (
	chartGap    = 12.0 // between the two charts
	chartLabelW = 24.0 // the names of the rows
	chartValueW = 16.0 // room for the value after the longest bar
)

// charts draws, from y, two horizontal bar charts drawn with vector graphics: the length of
// every text in words, and the facts each variant lost and introduced. It starts a new page
// when they do not fit.
func (d *document) charts(y float64, sourceWords int) {
	if len(d.c.Variants) == 0 {
		return
	}
	words := []chartRow{{d.lab.source, []bar{{float64(sourceWords), colorBarSource, d.lab.formatCount(sourceWords)}}}}
	var facts []chartRow
	for i, v := range d.c.Variants {
		name := fmt.Sprintf(d.lab.variant, i+1)
		va, ok := d.va[v.ID]
		if !ok {
			words = append(words, chartRow{name: name})
			facts = append(facts, chartRow{name: name})
			continue
		}
		words = append(words, chartRow{name, []bar{{float64(va.Metrics.Words), colorAccent, d.lab.formatCount(va.Metrics.Words)}}})
		lost, intro := len(va.Facts.Lost), len(va.Facts.Introduced)
		facts = append(facts, chartRow{name, []bar{
			{float64(lost), colorBarLost, strconv.Itoa(lost)},
			{float64(intro), colorBarIntro, strconv.Itoa(intro)},
		}})
	}
	rowH := 6.5
	h := 12 + float64(len(words))*rowH + 8
	if y+h > gridBottom {
		y = d.sectionPage(d.ext.summary)
	}
	w := (contentW - chartGap) / 2
	d.barChart(marginX, y, w, rowH, d.ext.chartWords, words)
	end := d.barChart(marginX+w+chartGap, y, w, rowH, d.ext.chartFacts, facts)
	d.legend(marginX+w+chartGap+chartLabelW, end+4)
}

// barChart draws a chart titled title at (x, y), w wide, one row of rows every rowH, with
// bars scaled to the largest value, and returns the y under its last row.
func (d *document) barChart(x, y, w, rowH float64, title string, rows []chartRow) float64 {
	d.text(x, y+3, style{"B", 9}, colorAccent, title)
	y += 7
	top, most := y, 0.0
	for _, r := range rows {
		for _, b := range r.bars {
			most = max(most, b.value)
		}
	}
	area := w - chartLabelW - chartValueW
	for i, r := range rows {
		ry := top + float64(i)*rowH
		d.text(x, ry+rowH/2+1.2, style{"", 7.5}, colorText, d.fit(style{"", 7.5}, r.name, chartLabelW-2))
		bh := (rowH - 1.6) / float64(max(len(r.bars), 1))
		for j, b := range r.bars {
			by := ry + 0.8 + float64(j)*bh
			bw := 0.0
			if most > 0 {
				bw = area * b.value / most
			}
			if bw > 0 {
				d.pdf.SetFillColor(b.c.r, b.c.g, b.c.b)
				d.pdf.Rect(x+chartLabelW, by, bw, bh, "F")
			}
			size := min(7.0, max(6.0, bh*2.4))
			d.text(x+chartLabelW+bw+1.2, by+bh/2+size*0.13, style{"", size}, colorMuted, b.label)
		}
	}
	bottom := top + float64(len(rows))*rowH
	d.pdf.SetDrawColor(colorMuted.r, colorMuted.g, colorMuted.b)
	d.pdf.SetLineWidth(0.25)
	d.pdf.Line(x+chartLabelW, top, x+chartLabelW, bottom)
	return bottom
}

// legend explains the colours of the chart of facts at (x, y).
func (d *document) legend(x, y float64) {
	for _, item := range []bar{{0, colorBarLost, d.ext.legendLost}, {0, colorBarIntro, d.ext.legendIntro}} {
		d.pdf.SetFillColor(item.c.r, item.c.g, item.c.b)
		d.pdf.Rect(x, y-2.4, 3, 3, "F")
		d.text(x+4.5, y, style{"", 7.5}, colorText, item.label)
		x += 8 + d.width(style{"", 7.5}, item.label)
	}
}
