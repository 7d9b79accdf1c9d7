package export

import (
	"github.com/rapporteur/rapporteur/model"
	"strings"
)

// The type of the title block.
var (
	repKindStyle  = style{"B", 8.5}
	repTitleStyle = style{"B", 20}
	repLabelStyle = style{"", 8.5}
	repValueStyle = style{"", 10}
)

const repLabelW = 34.0 // width of the labels' column in the title block

// metaRow is one line of the title block: a label and its value, wrapped.
type metaRow struct {
	label string
	lines []string
}

// titleBlock draws the kind of session, the title and a panel with the date, place,
// organisers and audience, in the words and date format of the comparison document.
func (d *reportDoc) titleBlock() {
	m := d.r.Meta
	if kind := strings.TrimSpace(string(m.Kind)); kind != "" && m.Kind != model.KindOther {
		d.text(repMarginX, d.y+3, repKindStyle, repAccent, strings.ToUpper(d.lab.kindName(m.Kind)))
		d.y += 6
	}
	lh := lineHeight(repTitleStyle) * 0.92
	for _, line := range wrapText(d, repTitleStyle, d.title, repContentW) {
		d.need(lh)
		d.text(repMarginX, d.y+lh*0.75, repTitleStyle, repAccent, line)
		d.y += lh
	}
	d.y += 3
	d.metaPanel(d.metaRows())
	d.y += 5
}

// metaRows lists the metadata that is filled in.
func (d *reportDoc) metaRows() []metaRow {
	m := d.r.Meta
	fields := []struct{ label, value string }{
		{d.lab.kind, d.kindValue(m.Kind)},
		{d.lab.date, d.lab.formatMetaDate(strings.TrimSpace(m.Date))},
		{d.lab.place, m.Place},
		{d.lab.organisers, m.Organisers},
		{d.lab.audience, m.Audience},
	}
	var rows []metaRow
	for _, f := range fields {
		v := cleanLine(f.value, d.fs)
		if v == "" {
			continue
		}
		lines := wrapText(d, repValueStyle, v, repContentW-repLabelW-8)
		rows = append(rows, metaRow{label: f.label, lines: lines})
	}
	return rows
}

// metaPanel draws the metadata rows on a light panel with an accent bar on its left.
func (d *reportDoc) metaPanel(rows []metaRow) {
	if len(rows) == 0 {
		if d.title != "" {
			d.rule(repMarginX, repPageW-repMarginX, d.y, 0.6, repAccent)
		}
		return
	}
	const pad = 3.5
	lh := lineHeight(repValueStyle)
	h := 2 * pad
	for _, r := range rows {
		h += float64(len(r.lines))*lh + 0.8
	}
	d.need(h)
	d.fill(repMarginX, d.y, repContentW, h, repPanel)
	d.fill(repMarginX, d.y, 1.2, h, repAccent)
	y := d.y + pad
	for _, r := range rows {
		d.text(repMarginX+5, y+lh*0.72, repLabelStyle, repMuted, r.label)
		for _, line := range r.lines {
			d.text(repMarginX+5+repLabelW, y+lh*0.72, repValueStyle, repInk, line)
			y += lh
		}
		y += 0.8
	}
	d.y += h
}

// kindValue names the kind of session, or nothing when it is unknown (« autre »).
func (d *reportDoc) kindValue(k model.SessionKind) string {
	if k == model.KindOther || k == "" {
		return ""
	}
	return d.lab.kindName(k)
}
