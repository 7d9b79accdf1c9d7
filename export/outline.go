package export

import (
	"fmt"
	"strings"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// This file gives the word processors' formats (export/office) the words and figures of the
// documents without their PDF layout: the labels, the title block, the tables of the cover
// and of the summary, and the texts, masked when the user asked for it.

// Field is one labelled line of a title block: « Lieu » and « Salle des fêtes ».
type Field struct {
	// Label names the field in the document's language.
	Label string
	// Value is what it holds, on one line.
	Value string
}

// Properties are what a document file says of itself (its title, subject, keywords…).
type Properties struct {
	// Title is the report's title.
	Title string
	// Subject is the kind of document or session and its date.
	Subject string
	// Keywords are the kind of session, the place and the audience, those known.
	Keywords []string
	// Author names the organisers, when known.
	Author string
	// Language is the language of the text, for spell checking.
	Language model.Language
	// Generator is « Rapporteur x.y.z ».
	Generator string
	// Created is the moment of export.
	Created time.Time
}

// PageWords are the words around the page number and the page count in a footer:
// « Page », « sur » and nothing after, for « Page 3 sur 12 ».
type PageWords struct{ Before, Between, After string }

// ReportOutline is a final report as a word processor's document shows it.
type ReportOutline struct {
	// Properties are the document's properties.
	Properties Properties
	// Title is the report's title.
	Title string
	// Fields are the metadata that are filled in: kind of session, date, place, organisers,
	// audience.
	Fields []Field
	// Body is the Markdown text without a first heading that repeats the title, the inline
	// HTML of converted reports turned into Markdown.
	Body string
	// Empty is what stands for an empty text: « (texte vide) ».
	Empty string
	// Disclosure is the AI-use line of every footer, empty for a text written by people.
	Disclosure string
	// Page are the words of the page number in the footer.
	Page PageWords
}

// OutlineReport gives r's title block, body and footer words, in the report's language.
func OutlineReport(r Report) ReportOutline {
	lab := labelsFor(r.Meta.Language)
	m := r.Meta
	title := oneLine(m.Title)
	subject := lab.kindName(m.Kind)
	if date := lab.formatMetaDate(strings.TrimSpace(m.Date)); date != "" {
		subject += " — " + date
	}
	o := ReportOutline{
		Properties: Properties{
			Title: title, Subject: subject, Author: oneLine(m.Organisers), Language: lab.lang,
			Keywords:  nonEmpty([]string{lab.kindName(m.Kind), oneLine(m.Place), oneLine(m.Audience)}),
			Generator: strings.TrimSpace("Rapporteur " + r.AppVersion), Created: r.Exported,
		},
		Title: title, Empty: lab.emptyText, Disclosure: oneLine(r.Disclosure), Page: pageWords(lab.page),
		Body: model.InlineHTML(dropTitle(r.Markdown, m.Title)),
	}
	kind := ""
	if m.Kind != "" && m.Kind != model.KindOther {
		kind = lab.kindName(m.Kind)
	}
	for _, f := range []Field{
		{lab.kind, kind}, {lab.date, lab.formatMetaDate(strings.TrimSpace(m.Date))}, {lab.place, m.Place},
		{lab.organisers, m.Organisers}, {lab.audience, m.Audience},
	} {
		if v := oneLine(f.Value); v != "" {
			o.Fields = append(o.Fields, Field{f.Label, v})
		}
	}
	return o
}

// pageWords cuts a page label (« Page %d sur %s ») around its two numbers.
func pageWords(format string) PageWords {
	before, rest, _ := strings.Cut(format, "%d")
	between, after, _ := strings.Cut(rest, "%s")
	return PageWords{before, between, after}
}

// LinkTarget is the address a link of a published document may point to: an absolute http,
// https or mailto URL, its characters outside printable ASCII percent-encoded; any other
// target (a file, a script, a share, a relative path) gives "" and the link stays text, as in
// the PDF.
func LinkTarget(raw string) string { return pdfURI(raw) }

// Table is a table of text with a header row.
type Table struct {
	// Head are the column heads.
	Head []string
	// Rows are the cells, row by row.
	Rows [][]string
}

// OutlineText is one text of a comparison: the source or a variant.
type OutlineText struct {
	// Heading names it: « Texte source », « Variante 2 — Synthèse courte (mistral:7b) ».
	Heading string
	// Note says what is wrong with it (a partial text and its error), or is empty.
	Note string
	// Markdown is the text.
	Markdown string
}

// ComparisonOutline is a comparison document as a word processor's document shows it.
type ComparisonOutline struct {
	// Properties are the document's properties.
	Properties Properties
	// DocKind is « Compte-rendu comparé », shown above the title.
	DocKind string
	// Title is the source's title.
	Title string
	// Fields are the session's metadata, the source's revision and the moment of export.
	Fields []Field
	// VariantsTitle heads the table of variants; NoVariants replaces it when there are none.
	VariantsTitle, NoVariants string
	// Variants lists the variants: name, engine or model, preset, status and length.
	Variants Table
	// AIUseTitle heads the AI-use disclosure, AIUse its paragraphs: the notice, one line a
	// variant (who made it, where, who reviewed it), and the masking note when masked.
	AIUseTitle string
	AIUse      []string
	// SummaryTitle heads the summary of the measures, empty when the document has none.
	SummaryTitle string
	// Summary is every text's measures.
	Summary Table
	// SummaryNote says how energy is measured.
	SummaryNote string
	// Texts are the source, then each variant in full.
	Texts []OutlineText
	// Empty is what stands for an empty text.
	Empty string
	// Footer is the notice of every footer; Page the words of its page number.
	Footer string
	Page   PageWords
}

// OutlineComparison gives c's cover, summary and texts in the language of c's labels, with
// its personal data masked when c.Options.MaskPersonal is set (the analyses keep measuring
// the texts as they were).
func OutlineComparison(c Comparison) ComparisonOutline {
	d := &document{canvas: canvas{fs: everyGlyph()}, lab: labelsFor(c.Language), ext: extLabelsFor(c.Language)}
	if c.Options.MaskPersonal {
		d.mask = newMasker(c, d.ext.masked)
		c = d.mask.comparison(c)
	}
	d.c = c
	d.title = oneLine(c.Source.Title)
	d.body = c.Source.Body
	meta := c.Source.Meta
	lang := meta.Language
	if !lang.Valid() {
		lang = d.lab.lang
	}
	o := ComparisonOutline{
		Properties: Properties{
			Title: d.title, Subject: fmt.Sprintf("%s — %s", d.lab.docKind, d.lab.kindName(meta.Kind)),
			Keywords: nonEmpty([]string{d.lab.kindName(meta.Kind), oneLine(meta.Place), d.lab.keywords}),
			Author:   oneLine(meta.Organisers), Language: lang,
			Generator: strings.TrimSpace("Rapporteur " + c.AppVersion), Created: c.Exported,
		},
		DocKind: d.lab.docKind, Title: d.title, Fields: d.outlineFields(),
		VariantsTitle: d.lab.variants, NoVariants: d.lab.noVariants, Variants: d.outlineVariants(),
		AIUseTitle: d.ext.aiUse, AIUse: d.outlineAIUse(), Texts: d.outlineTexts(),
		Empty: d.lab.emptyText, Footer: d.lab.footer, Page: pageWords(d.lab.page),
	}
	if c.extended() {
		o.SummaryTitle, o.Summary, o.SummaryNote = d.ext.summary, d.outlineSummary(), d.ext.energyNote
	}
	return o
}

// everyGlyph is a font set that has every character of the Basic Multilingual Plane: a word
// processor chooses its own fonts.
func everyGlyph() *fontSet {
	fs := &fontSet{covered: make([]uint64, 0x10000/64)}
	for i := range fs.covered {
		fs.covered[i] = ^uint64(0)
	}
	return fs
}

func (d *document) outlineFields() []Field {
	m := d.c.Source.Meta
	src := fmt.Sprintf(d.lab.revision, d.c.Source.Number) + " · " +
		fmt.Sprintf(d.lab.words, d.lab.formatCount(d.wordCount(d.body)))
	var out []Field
	for _, f := range []Field{
		{d.lab.kind, d.lab.kindName(m.Kind)}, {d.lab.date, d.lab.formatMetaDate(m.Date)},
		{d.lab.place, m.Place}, {d.lab.organisers, m.Organisers}, {d.lab.audience, m.Audience},
		{d.lab.sourceRev, capitalize(src)}, {d.lab.exported, d.lab.formatExported(d.c.Exported)},
	} {
		if v := oneLine(f.Value); v != "" {
			out = append(out, Field{f.Label, v})
		}
	}
	return out
}

func (d *document) outlineVariants() Table {
	t := Table{Head: []string{"", d.lab.engineModel, d.lab.preset, d.lab.status,
		capitalize(strings.TrimSpace(fmt.Sprintf(d.lab.words, "")))}}
	for i, v := range d.c.Variants {
		status := d.lab.statusName(v.Status)
		if v.Status == model.StatusFailed || v.Status == model.StatusCancelled {
			status += " — " + d.lab.partial
		}
		t.Rows = append(t.Rows, []string{
			fmt.Sprintf(d.lab.variant, i+1), d.engineName(v, true),
			joinNonEmpty(" · ", d.presetName(v.PresetID), d.optionsText(v.Options)), status,
			d.lab.formatCount(d.wordCount(v.Text)),
		})
	}
	return t
}

func (d *document) outlineAIUse() []string {
	out := []string{d.lab.disclosure}
	for i, v := range d.c.Variants {
		out = append(out, d.madeBy(i, v))
	}
	if d.mask != nil {
		out = append(out, d.ext.maskNote)
	}
	return out
}

func (d *document) outlineSummary() Table {
	src := d.prepareAnalyses()
	t := Table{Head: []string{d.ext.measure}}
	for _, col := range d.summaryCols() {
		t.Head = append(t.Head, strings.TrimSpace(col.head+" "+col.sub))
	}
	t.Rows = append(t.Rows, append([]string{d.lab.source}, d.sourceCells(src.Metrics)...))
	for i, v := range d.c.Variants {
		t.Rows = append(t.Rows, append([]string{fmt.Sprintf(d.lab.variant, i+1)}, d.variantCells(v)...))
	}
	return t
}

func (d *document) outlineTexts() []OutlineText {
	out := []OutlineText{{
		Heading:  d.lab.sourceRev + " — " + fmt.Sprintf(d.lab.revision, d.c.Source.Number),
		Markdown: model.InlineHTML(d.c.Source.Body),
	}}
	for i, v := range d.c.Variants {
		t := OutlineText{
			Heading:  fmt.Sprintf(d.lab.variant, i+1) + " — " + d.presetName(v.PresetID) + " (" + d.engineName(v, false) + ")",
			Markdown: model.InlineHTML(v.Text),
		}
		if v.Status == model.StatusFailed || v.Status == model.StatusCancelled {
			t.Note = capitalize(d.lab.partial)
			if e := oneLine(v.Error); e != "" {
				t.Note += " — " + d.lab.errorLabel + " " + e
			}
		}
		out = append(out, t)
	}
	return out
}
