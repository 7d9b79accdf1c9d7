package export

import (
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/rapporteur/rapporteur/model"
)

// Report is one text to publish alone: the source or a chosen variant, with its metadata.
type Report struct {
	// Meta gives the title, kind, date, place, organisers, audience and language.
	Meta model.Meta
	// Markdown is the text.
	Markdown string
	// Disclosure is the AI-use line printed in every footer, e.g. « Texte rédigé avec
	// l'aide de l'IA (mistral:7b), relu par Claire Martin le 27/11/2026 »; it is empty for
	// a text written by people. The caller builds it.
	Disclosure string
	// Exported is the moment of export, recorded as the PDF's creation date.
	Exported time.Time
	// AppVersion is Rapporteur's version, recorded as the PDF's creator.
	AppVersion string
}

// Page geometry of the portrait A4 report, in millimetres.
const (
	repPageW      = 210.0
	repPageH      = 297.0
	repMarginX    = 22.0
	repContentW   = repPageW - 2*repMarginX
	repHeaderBase = 13.0  // baseline of the running header
	repHeaderRule = 15.5  // rule under it
	repTop        = 24.0  // top of the text on every page
	repBottom     = 272.0 // the text never goes below this
	repFooterRule = 278.0
	repFooterBase = 283.0
)

// Colours of the report.
var (
	repInk    = rgb{0x1E, 0x1E, 0x1E}
	repMuted  = rgb{0x5F, 0x63, 0x68}
	repAccent = rgb{0x1F, 0x3A, 0x5F}
	repLink   = rgb{0x0B, 0x57, 0xA4}
	repRule   = rgb{0xB4, 0xB8, 0xBE}
	repPanel  = rgb{0xF2, 0xF4, 0xF7}
	repCodeBg = rgb{0xEC, 0xEE, 0xF1}
)

// repFooterStyle is the type of the running header and the footer.
var repFooterStyle = style{"", 7.5}

// WriteReportPDF writes r to w as a portrait A4 PDF: a title block with the session's
// metadata, then the Markdown text set as a document, with the title on top of every page
// after the first and the disclosure and page number in every footer. It never panics: an
// error of the PDF library, or a panic inside it, is returned as an error.
func WriteReportPDF(w io.Writer, r Report) error {
	fs, err := fonts()
	if err != nil {
		return err
	}
	return outputPDF(w, func() *fpdf.Fpdf {
		d := newReportDoc(r, fs)
		d.build()
		return d.pdf
	})
}

// SaveReportPDF writes r as a PDF file at path, through a temporary file in the same
// directory renamed over path once complete.
func SaveReportPDF(path string, r Report) error {
	return SaveFile(path, func(w io.Writer) error { return WriteReportPDF(w, r) })
}

// reportDoc is one report PDF being built.
type reportDoc struct {
	canvas
	r      Report
	lab    labels
	title  string // cleaned
	y      float64
	marker *pendingMarker // a list item's marker, drawn with its first line
}

func newReportDoc(r Report, fs *fontSet) *reportDoc {
	d := &reportDoc{canvas: newCanvas("P", fs, repMarginX, repTop), r: r, lab: labelsFor(r.Meta.Language)}
	d.title = cleanLine(r.Meta.Title, fs)
	d.setMetadata()
	return d
}

func (d *reportDoc) setMetadata() {
	m := d.r.Meta
	kind := d.lab.kindName(m.Kind)
	subject := kind
	if date := d.lab.formatMetaDate(strings.TrimSpace(m.Date)); date != "" {
		subject += " — " + date
	}
	d.setInfo(docInfo{
		title: d.title, author: m.Organisers, subject: subject, version: d.r.AppVersion,
		keywords: []string{kind, cleanLine(m.Place, d.fs), cleanLine(m.Audience, d.fs)},
		lang:     d.lab.lang, date: d.r.Exported,
	})
}

// build lays out the whole report, then draws the footers.
func (d *reportDoc) build() {
	d.newPage()
	d.titleBlock()
	d.body()
	d.footers()
}

// newPage starts a page, with the running header from the second page on.
func (d *reportDoc) newPage() {
	d.pdf.AddPage()
	d.forget()
	d.y = repTop
	if d.pdf.PageNo() > 1 && d.title != "" {
		title := d.fit(repFooterStyle, d.title, repContentW)
		d.text(repMarginX, repHeaderBase, repFooterStyle, repMuted, title)
		d.rule(repMarginX, repPageW-repMarginX, repHeaderRule, 0.2, repRule)
	}
}

// need starts a new page unless h millimetres are left above the bottom of the text.
func (d *reportDoc) need(h float64) {
	if d.y+h > repBottom && d.y > repTop {
		d.newPage()
	}
}

// footers draws on every page the disclosure line and « Page N sur M ».
func (d *reportDoc) footers() {
	d.canvas.footers(footer{
		left: repMarginX, right: repPageW - repMarginX, ruleY: repFooterRule, base: repFooterBase,
		st: repFooterStyle, ink: repMuted, line: repRule, note: cleanLine(d.r.Disclosure, d.fs), page: d.lab.page,
	})
}
