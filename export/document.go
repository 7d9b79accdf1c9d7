package export

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// Page geometry of the A4 landscape document, in millimetres.
const (
	pageW        = 297.0
	pageH        = 210.0
	marginX      = 14.0
	contentW     = pageW - 2*marginX
	headerBase   = 10.5  // baseline of the running header
	headerRule   = 13.0  // rule under the running header
	colHeadBase  = 19.5  // baseline of a column header's first line
	colHeadPitch = 3.9   // between the lines of a column header
	colHeadRule  = 29.5  // rule under the column headers
	gridTop      = 35.0  // baseline of a column's first row
	gridBottom   = 192.5 // lowest baseline a row may have
	pitch        = 4.0   // between two rows of the grid
	footerRule   = 196.5
	footerBase   = 201.0
	gutter       = 7.0   // between two columns, with a thin rule in its middle
	maxColumnW   = 165.0 // a lone source column is not wider than this
	perSet       = 3     // variants beside the source on one set of pages
)

// pageAlias stands for the number of pages until fpdf writes the document.
const pageAlias = "{nb}"

// footerStyle is the type of the footer.
var footerStyle = style{"", 7.5}

// RGB colours of the document.
type rgb struct{ r, g, b int }

var (
	colorText   = rgb{0x22, 0x22, 0x22}
	colorMuted  = rgb{0x66, 0x66, 0x66}
	colorAccent = rgb{0x1F, 0x3A, 0x5F}
	colorAlert  = rgb{0xA4, 0x26, 0x2C}
	colorRule   = rgb{0xB4, 0xB8, 0xBE}
	colorPanel  = rgb{0xF1, 0xF3, 0xF6}
)

// columnScale is the type of the columns.
var columnScale = typeScale{
	body: style{"", 8.5}, h1: style{"B", 10}, h2: style{"B", 9.5}, h3: style{"B", 8.5},
	italic: style{"I", 8.5}, code: style{"", 8}, listIndent: 3.6,
}

// document is one comparison PDF being built.
type document struct {
	canvas
	c          Comparison
	lab        labels
	ext        extLabels
	mask       *masker                            // nil unless personal data are masked
	links      map[int]int                        // internal link to each variant's first page, by index in Variants
	src        *analysis.SourceAnalysis           // the source's analysis, once the summary is drawn
	rawVariant map[int64]string                   // the variants' texts before masking, by ID
	legendW    float64                            // the width of the legend on the header of column pages
	va         map[int64]analysis.VariantAnalysis // the variants' analyses, measured here when missing
	title      string                             // the report's title, cleaned
	body       string                             // the source's body, cleaned
	header     bool                               // draw the running header on new pages
	wordCounts map[string]int                     // the words of each text counted, by text
}

func newDocument(c Comparison, fs *fontSet) *document {
	d := &document{canvas: newCanvas("L", fs, marginX, headerRule), lab: labelsFor(c.Language), ext: extLabelsFor(c.Language)}
	if c.Options.MaskPersonal {
		d.rawVariant = make(map[int64]string, len(c.Variants))
		for _, v := range c.Variants {
			d.rawVariant[v.ID] = v.Text
		}
		d.mask = newMasker(c, d.ext.masked)
		c = d.mask.comparison(c)
	}
	d.c = c
	d.title = cleanLine(c.Source.Title, fs)
	d.body = cleanText(c.Source.Body, fs)
	d.setMetadata()
	return d
}

func (d *document) setMetadata() {
	meta := d.c.Source.Meta
	lang := meta.Language // the language of most of the text: the source's
	if !lang.Valid() {
		lang = d.lab.lang
	}
	d.setInfo(docInfo{
		title: d.title, author: meta.Organisers, version: d.c.AppVersion, lang: lang, date: d.c.Exported,
		subject:  fmt.Sprintf("%s — %s", d.lab.docKind, d.lab.kindName(meta.Kind)),
		keywords: []string{d.lab.kindName(meta.Kind), cleanLine(meta.Place, d.fs), d.lab.keywords},
	})
}

// build lays out and draws the whole document.
func (d *document) build() {
	defer d.footers()
	d.pdf.Bookmark(d.lab.docKind, 0, 0)
	d.cover()
	d.header = true
	if d.c.extended() {
		d.summary()
	}
	src := d.sourceColumn()
	sets := (len(d.c.Variants) + perSet - 1) / perSet
	if sets == 0 {
		d.drawSet([]*column{src})
	}
	for s := range sets {
		vs := d.c.Variants[s*perSet : min((s+1)*perSet, len(d.c.Variants))]
		cols := []*column{src}
		for i, v := range vs {
			cols = append(cols, d.variantColumn(s*perSet+i, v))
		}
		d.drawSet(cols)
	}
	if d.c.extended() {
		d.reviewPage()
		d.appendix()
	}
}

// newPage starts a page with its running header on column pages.
func (d *document) newPage() {
	d.pdf.AddPage()
	d.forget()
	if d.header {
		d.text(marginX, headerBase, style{"", 7.5}, colorMuted, d.fit(style{"", 7.5}, d.title, d.titleRoom()))
		d.textRight(pageW-marginX, headerBase, style{"", 7.5}, colorMuted, d.lab.docKind)
		d.rule(marginX, pageW-marginX, headerRule, 0.2, colorRule)
	}
}

// footers draws the footer of every page once the document is complete: the notice about
// AI-generated text and « Page N sur M ».
func (d *document) footers() {
	d.canvas.footers(footer{
		left: marginX, right: pageW - marginX, ruleY: footerRule, base: footerBase,
		st: footerStyle, ink: colorMuted, line: colorRule, note: d.lab.footer, page: d.lab.page,
	})
}

// presetName names a variant's preset in the document's language, or gives its id.
func (d *document) presetName(id string) string {
	if p, ok := model.FindPreset(d.c.Presets, id); ok {
		if n := p.Name.In(d.lab.lang); n != "" {
			return cleanLine(n, d.fs)
		}
	}
	return cleanLine(id, d.fs)
}

// engineName names what made a variant: the built-in engine or the model.
func (d *document) engineName(v model.Variant, long bool) string {
	switch {
	case v.Engine == model.EngineBuiltin && long:
		return d.lab.builtinLong
	case v.Engine == model.EngineBuiltin:
		return d.lab.builtin
	case long && strings.TrimSpace(d.c.Models[v.ID]) != "":
		return cleanLine(d.c.Models[v.ID], d.fs)
	case strings.TrimSpace(v.Model) != "":
		return cleanLine(v.Model, d.fs)
	}
	return cleanLine(v.Engine, d.fs)
}

// where says where a variant was really written, as the engine recorded it: on this computer,
// on a machine of the local network (named), or by a remote service (named), for a remote
// model even when its host is this computer's Ollama. A variant made before that was recorded
// is placed by its host.
func (d *document) where(v model.Variant) string {
	name := cleanLine(v.Stats.WhereHost, d.fs)
	switch {
	case v.Engine == model.EngineBuiltin, v.Stats.Where == model.PlaceThisComputer:
		return d.ext.thisComputer
	case v.Stats.Where == model.PlaceNetwork:
		return fmt.Sprintf(d.ext.onNetwork, name)
	case v.Stats.Where == model.PlaceRemote:
		return fmt.Sprintf(d.ext.remote, name)
	}
	return d.hostName(v.Host)
}

// hostName says where a variant was generated by its host alone: « sur cet ordinateur » for a
// local Ollama server, otherwise on which machine.
func (d *document) hostName(host string) string {
	h := strings.TrimSpace(host)
	if u, err := url.Parse(h); err == nil && u.Hostname() != "" {
		h = u.Hostname()
	}
	switch strings.ToLower(h) {
	case "", "localhost", "127.0.0.1", "::1", "0.0.0.0":
		return d.ext.thisComputer
	}
	return fmt.Sprintf(d.ext.onHost, cleanLine(h, d.fs))
}
