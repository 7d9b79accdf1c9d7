package export

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/rapporteur/rapporteur/model"
)

// Styles and positions of the cover.
var (
	coverKicker = style{"B", 9}
	coverTitle  = style{"B", 20}
	coverLabel  = style{"", 8.5}
	coverValue  = style{"", 9.5}
	coverH2     = style{"B", 12}
	tableHead   = style{"B", 7.5}
	tableCell   = style{"", 9}
	tableName   = style{"B", 9}
	tableError  = style{"I", 8}
	panelText   = style{"", 8.5}
	smallMuted  = style{"", 7.5}
)

// The cover's table of variants: left edge and width of each column, in millimetres.
var tableCols = [4]struct{ x, w float64 }{
	{marginX, 28}, {marginX + 30, 95}, {marginX + 130, 72}, {marginX + 206, 42},
}

const coverTop = 26.0

// cover draws the first page: what the session was, when the document was exported, the
// variants it compares and the notice about AI-generated text.
func (d *document) cover() {
	d.newPage()
	y := coverTop
	d.text(marginX, y, coverKicker, colorAccent, strings.ToUpper(d.lab.docKind))
	y += 10
	y = d.paragraph(marginX, y, 235, coverTitle, colorText, d.title, 8.5)
	d.rule(marginX, marginX+30, y-3.5, 0.8, colorAccent)
	y += 5
	y = d.metaTable(y)
	y = d.variantTable(y + 6)
	y = d.disclosure(y + 8)
	d.text(marginX, y+5, smallMuted, colorMuted, fmt.Sprintf(d.lab.generatedBy, cleanLine("Rapporteur "+d.c.AppVersion, d.fs)))
}

// paragraph draws text wrapped to w from baseline y, one line every lineH, and returns the
// baseline below its last line.
func (d *document) paragraph(x, y, w float64, st style, c rgb, text string, lineH float64) float64 {
	for _, line := range wrapText(d, st, text, w) {
		y = d.room(y, lineH)
		d.text(x, y, st, c, line)
		y += lineH
	}
	return y
}

// room returns y when h more millimetres fit on the page above the footer; otherwise it
// starts a new page and returns the top of it.
func (d *document) room(y, h float64) float64 {
	if y+h <= gridBottom+pitch {
		return y
	}
	d.newPage()
	return coverTop
}

// metaTable lists the session's metadata, one labelled line each, skipping empty fields.
func (d *document) metaTable(y float64) float64 {
	m := d.c.Source.Meta
	src := fmt.Sprintf(d.lab.revision, d.c.Source.Number) + " · " +
		fmt.Sprintf(d.lab.words, d.lab.formatCount(d.wordCount(d.body)))
	fields := []struct{ label, value string }{
		{d.lab.kind, d.lab.kindName(m.Kind)},
		{d.lab.date, d.lab.formatMetaDate(m.Date)},
		{d.lab.place, m.Place},
		{d.lab.organisers, m.Organisers},
		{d.lab.audience, m.Audience},
		{d.lab.sourceRev, capitalize(src)},
		{d.lab.exported, d.lab.formatExported(d.c.Exported)},
	}
	for _, f := range fields {
		value := cleanLine(f.value, d.fs)
		if value == "" {
			continue
		}
		y = d.room(y, 5.4)
		d.text(marginX, y, coverLabel, colorMuted, f.label)
		y = d.paragraph(marginX+42, y, 170, coverValue, colorText, value, 5.0) + 0.8
	}
	return y
}

// variantTable lists the variants: label, engine or model, preset, status and length.
func (d *document) variantTable(y float64) float64 {
	y = d.room(y, 20)
	d.text(marginX, y, coverH2, colorAccent, d.lab.variants)
	y += 3
	d.rule(marginX, pageW-marginX, y, 0.3, colorAccent)
	if len(d.c.Variants) == 0 {
		return d.paragraph(marginX, y+6, contentW, style{"I", 9}, colorMuted, d.lab.noVariants, 5)
	}
	y = d.tableHeads(y + 5)
	for i, v := range d.c.Variants {
		y = d.variantRow(i, v, y+5)
	}
	return y
}

// tableHeads draws the heads of the table of variants at baseline y and returns the y of
// the rule under them.
func (d *document) tableHeads(y float64) float64 {
	heads := []string{"", d.lab.engineModel, d.lab.preset, d.lab.status}
	for i, h := range heads {
		d.text(tableCols[i].x, y, tableHead, colorMuted, h)
	}
	d.textRight(pageW-marginX, y, tableHead, colorMuted, capitalize(strings.TrimSpace(fmt.Sprintf(d.lab.words, ""))))
	y += 2
	d.rule(marginX, pageW-marginX, y, 0.2, colorRule)
	return y
}

// variantRow draws one variant's line of the table from baseline y and returns the y of
// the rule under it.
func (d *document) variantRow(i int, v model.Variant, y float64) float64 {
	status := d.lab.statusName(v.Status)
	tone := colorText
	if v.Status == model.StatusFailed || v.Status == model.StatusCancelled {
		status += " — " + d.lab.partial
		tone = colorAlert
	}
	cells := []struct {
		st   style
		c    rgb
		text string
	}{
		{tableName, colorText, fmt.Sprintf(d.lab.variant, i+1)},
		{tableCell, colorText, d.engineName(v, true)},
		{tableCell, colorText, joinNonEmpty(" · ", d.presetName(v.PresetID), d.optionsText(v.Options))},
		{tableCell, tone, status},
	}
	wrapped := make([][]string, len(cells))
	lines := 1
	for j, cell := range cells {
		wrapped[j] = wrapText(d, cell.st, cell.text, tableCols[j].w)
		lines = max(lines, len(wrapped[j]))
	}
	errText := ""
	if e := cleanLine(v.Error, d.fs); e != "" && v.Status != model.StatusDone {
		errText = d.lab.errorLabel + " " + e
	}
	page := d.pdf.PageNo()
	if y = d.room(y, float64(lines)*4.6+4); d.pdf.PageNo() != page {
		y = d.tableHeads(y) + 5 // the table goes on over a new page: repeat its heads
	}
	for j, cell := range cells {
		for k, line := range wrapped[j] {
			d.text(tableCols[j].x, y+float64(k)*4.6, cell.st, cell.c, line)
		}
	}
	words := d.lab.formatCount(d.wordCount(cleanText(v.Text, d.fs)))
	d.textRight(pageW-marginX, y, tableCell, colorText, words)
	y += float64(lines-1) * 4.6
	if errText != "" {
		y = d.paragraph(tableCols[1].x, y+4.4, contentW-tableCols[1].x+marginX, tableError, colorAlert, errText, 4) - 4
	}
	y += 2.6
	d.rule(marginX, pageW-marginX, y, 0.1, colorRule)
	return y
}

// disclosure draws the notice about AI-generated text in a tinted panel, followed by the
// AI-use disclosure: which engine or model made each variant, on which machine, and who
// reviewed it; and, when personal data are masked, that masking is best-effort. The panel goes on over as many pages as it needs.
func (d *document) disclosure(y float64) float64 {
	const pad, lineH = 5.0, 4.4
	w := contentW - 2*pad - 2
	lines := wrapText(d, panelText, d.lab.disclosure, w)
	for i, v := range d.c.Variants {
		if i == 0 {
			lines = append(lines, "")
		}
		lines = append(lines, wrapText(d, panelText, d.madeBy(i, v), w)...)
	}
	if d.mask != nil {
		lines = append(lines, wrapText(d, panelText, d.ext.maskNote, w)...)
	}
	for len(lines) > 0 {
		y = d.room(y, 2*pad+2*lineH)
		n := max(1, min(len(lines), int((gridBottom-y-2*pad+1.5)/lineH)))
		h := float64(n)*lineH + 2*pad - 1.5
		d.pdf.SetFillColor(colorPanel.r, colorPanel.g, colorPanel.b)
		d.pdf.Rect(marginX, y, contentW, h, "F")
		d.pdf.SetFillColor(colorAccent.r, colorAccent.g, colorAccent.b)
		d.pdf.Rect(marginX, y, 1.2, h, "F")
		base := y + pad + 2.2
		for i, line := range lines[:n] {
			d.text(marginX+pad+2, base+float64(i)*lineH, panelText, colorText, line)
		}
		lines = lines[n:]
		y += h
		if len(lines) > 0 {
			y = gridBottom + pitch + 1 // go on over the next page
		}
	}
	return y
}

// madeBy is a variant's line of the AI-use disclosure.
func (d *document) madeBy(i int, v model.Variant) string {
	name := fmt.Sprintf(d.lab.variant, i+1)
	reviewed := d.ext.notReviewed
	if m, ok := d.c.Reviews[v.ID]; ok && strings.TrimSpace(m.Reviewer) != "" {
		reviewed = fmt.Sprintf(d.ext.reviewedBy, cleanLine(m.Reviewer, d.fs), d.lab.formatMetaDate(m.Date))
	}
	where := d.where(v)
	if v.Engine == model.EngineBuiltin {
		return fmt.Sprintf(d.ext.madeBuiltin, name, where, reviewed)
	}
	if v.Engine == model.EngineOpenAI {
		where += d.ext.viaOpenAI
	}
	if v.Stats.RetriedFrom != "" {
		where += fmt.Sprintf(d.ext.retried, cleanLine(d.hostLabel(v.Stats.RetriedFrom), d.fs))
	}
	return fmt.Sprintf(d.ext.madeBy, name, d.engineName(v, true), where, reviewed)
}

// hostLabel is a host URL as people read it: its name and port.
func (d *document) hostLabel(host string) string {
	if u, err := url.Parse(strings.TrimSpace(host)); err == nil && u.Host != "" {
		return u.Host
	}
	return host
}

// optionsText lists the generation options that were set: « température 0,2 · graine 42 ».
func (d *document) optionsText(o model.Options) string {
	var parts []string
	if o.Temperature != nil {
		parts = append(parts, d.ext.temperature+" "+d.decimal(*o.Temperature, 2))
	}
	if o.TopP != nil {
		parts = append(parts, d.ext.topP+" "+d.decimal(*o.TopP, 2))
	}
	if o.Seed != nil {
		parts = append(parts, fmt.Sprintf("%s %d", d.ext.seed, *o.Seed))
	}
	if o.NumCtx > 0 {
		parts = append(parts, d.ext.numCtx+" "+d.lab.formatCount(o.NumCtx))
	}
	if o.NumPredict > 0 {
		parts = append(parts, d.ext.numPredict+" "+d.lab.formatCount(o.NumPredict))
	}
	if o.Think {
		parts = append(parts, d.ext.think)
	}
	return strings.Join(parts, " · ")
}

// joinNonEmpty joins the parts that are not empty with sep.
func joinNonEmpty(sep string, parts ...string) string {
	return strings.Join(nonEmpty(parts), sep)
}
