package office

import (
	"github.com/rapporteur/rapporteur/export"
)

// reportDocument lays out a final report: its title, the session's metadata, then its text;
// the disclosure goes in every footer.
func reportDocument(r export.Report) *document {
	o := export.OutlineReport(r)
	d := &document{props: o.Properties, footer: oneLine(o.Disclosure), page: o.Page}
	d.props.Title = oneLine(d.props.Title)
	d.add(plain(kindTitle, oneLine(o.Title)))
	d.fields(o.Fields)
	if !d.addMarkdown(o.Body, 0) {
		d.add(plain(kindNote, o.Empty))
	}
	return d
}

// fields adds the labelled lines of a title block, and a rule under them.
func (d *document) fields(fs []export.Field) {
	for _, f := range fs {
		d.add(block{kind: kindField, inlines: []inline{
			{text: oneLine(f.Label), bold: true}, {tab: true}, {text: oneLine(f.Value)},
		}})
	}
	if len(fs) > 0 {
		d.add(block{kind: kindRule})
	}
}

// comparisonDocument lays out a comparison, in landscape: the cover (title, metadata, the
// table of variants and the AI-use disclosure), the summary of the measures when the
// comparison has analyses, then the source and each variant in full under a heading of
// their own, their headings one level lower; the notice about AI-generated text goes in every
// footer.
func comparisonDocument(c export.Comparison) *document {
	o := export.OutlineComparison(c)
	d := &document{props: o.Properties, landscape: true, footer: oneLine(o.Footer), page: o.Page}
	d.add(plain(kindKicker, oneLine(o.DocKind)), plain(kindTitle, oneLine(o.Title)))
	d.fields(o.Fields)
	d.add(plain(kindHeading, oneLine(o.VariantsTitle)))
	if len(o.Variants.Rows) == 0 {
		d.add(plain(kindNote, o.NoVariants))
	} else {
		d.add(textTable(o.Variants))
	}
	d.add(plain(kindHeading, oneLine(o.AIUseTitle)))
	for _, p := range o.AIUse {
		d.add(plain(kindPara, oneLine(p)))
	}
	if o.SummaryTitle != "" {
		d.add(plain(kindHeading, oneLine(o.SummaryTitle)), textTable(o.Summary), plain(kindNote, oneLine(o.SummaryNote)))
	}
	for _, t := range o.Texts {
		d.add(plain(kindHeading, oneLine(t.Heading)))
		if t.Note != "" {
			d.add(plain(kindNote, oneLine(t.Note)))
		}
		if !d.addMarkdown(t.Markdown, 1) {
			d.add(plain(kindNote, o.Empty))
		}
	}
	for i := range d.blocks {
		if d.blocks[i].kind == kindHeading && d.blocks[i].level == 0 {
			d.blocks[i].level = 1
		}
	}
	return d
}

// textTable makes a table block of plain text, its head as the first row.
func textTable(t export.Table) block {
	tb := &table{}
	row := func(cells []string) [][]inline {
		out := make([][]inline, len(cells))
		for i, c := range cells {
			if c = oneLine(c); c != "" {
				out[i] = []inline{{text: c}}
			}
		}
		return out
	}
	tb.rows = append(tb.rows, row(t.Head))
	for _, r := range t.Rows {
		tb.rows = append(tb.rows, row(r))
	}
	return block{kind: kindTable, table: tb}
}
