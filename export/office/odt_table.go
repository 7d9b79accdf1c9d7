package office

import (
	"fmt"
	"strings"
)

// table writes a table across the text's width, columns sized to their text, its first row
// the header repeated on every page.
func (x *odtBody) table(t *table) {
	x.tables = append(x.tables, t)
	n := len(x.tables)
	fmt.Fprintf(&x.b, `<table:table table:name="Table%d" table:style-name="Tab%d">`, n, n)
	for j := range t.columns() {
		fmt.Fprintf(&x.b, `<table:table-column table:style-name="Tab%d.C%d"/>`, n, j)
	}
	for i, row := range t.rows {
		if i == 0 {
			x.b.WriteString(`<table:table-header-rows>`)
		}
		x.b.WriteString(`<table:table-row>`)
		for j := range t.columns() {
			var cell []inline
			if j < len(row) {
				cell = row[j]
			}
			x.cell(cell, i == 0, t.alignOf(j))
		}
		x.b.WriteString(`</table:table-row>`)
		if i == 0 {
			x.b.WriteString(`</table:table-header-rows>`)
		}
	}
	x.b.WriteString(`</table:table>`)
}

// cell writes one cell: a paragraph in the table's style, the header's in bold on a tint.
func (x *odtBody) cell(ins []inline, head bool, a align) {
	cellStyle, para := "CellBody", "TC"
	if head {
		cellStyle, para = "CellHead", "TH"
	}
	para += map[align]string{alignNone: "", alignLeft: "l", alignCenter: "c", alignRight: "r"}[a]
	x.b.WriteString(`<table:table-cell table:style-name="` + cellStyle + `" office:value-type="string">`)
	x.para(para, ins)
	x.b.WriteString(`</table:table-cell>`)
}

// content is content.xml: the fonts, the automatic styles, then the text.
func (x *odtBody) content() string {
	var b strings.Builder
	b.Grow(x.b.Len() + 8192)
	b.WriteString(xmlPI + `<office:document-content ` + odfNS + `>` + odtFonts + `<office:automatic-styles>`)
	for _, name := range sortedKeys(x.looks) {
		fmt.Fprintf(&b, `<style:style style:name="%s" style:family="text"><style:text-properties%s/></style:style>`, name, x.looks[name])
	}
	for _, p := range []struct{ name, parent, align string }{
		{"TH", "Table_20_Heading", ""}, {"THl", "Table_20_Heading", "start"}, {"THc", "Table_20_Heading", "center"}, {"THr", "Table_20_Heading", "end"},
		{"TC", "Table_20_Contents", ""}, {"TCl", "Table_20_Contents", "start"}, {"TCc", "Table_20_Contents", "center"}, {"TCr", "Table_20_Contents", "end"},
	} {
		fmt.Fprintf(&b, `<style:style style:name="%s" style:family="paragraph" style:parent-style-name="%s">`, p.name, p.parent)
		if p.align != "" {
			fmt.Fprintf(&b, `<style:paragraph-properties fo:text-align="%s"/>`, p.align)
		}
		b.WriteString(`</style:style>`)
	}
	b.WriteString(`<style:style style:name="CellHead" style:family="table-cell"><style:table-cell-properties fo:background-color="#` + colourPanel +
		`" fo:padding="0.1cm" fo:border-top="0.5pt solid #` + colourAccent + `" fo:border-bottom="0.5pt solid #` + colourAccent + `" fo:border-left="none" fo:border-right="none"/></style:style>`)
	b.WriteString(`<style:style style:name="CellBody" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" ` +
		`fo:border-top="none" fo:border-bottom="0.3pt solid #` + colourRule + `" fo:border-left="none" fo:border-right="none"/></style:style>`)
	x.tableStyles(&b)
	for _, l := range x.listStyles {
		odtListStyleXML(&b, l)
	}
	b.WriteString(`</office:automatic-styles><office:body><office:text>`)
	b.WriteString(x.b.String())
	b.WriteString(`</office:text></office:body></office:document-content>`)
	return b.String()
}

// tableStyles writes each table's width and its columns' widths.
func (x *odtBody) tableStyles(b *strings.Builder) {
	width := x.d.textWidth() // in twentieths of a point
	for i, t := range x.tables {
		fmt.Fprintf(b, `<style:style style:name="Tab%d" style:family="table"><style:table-properties style:width="%s" table:align="margins" fo:margin-bottom="0.3cm"/></style:style>`,
			i+1, twipsCM(width))
		for j, w := range columnWidths(t, width) {
			fmt.Fprintf(b, `<style:style style:name="Tab%d.C%d" style:family="table-column"><style:table-column-properties style:column-width="%s"/></style:style>`,
				i+1, j, twipsCM(w))
		}
	}
}

// twipsCM writes a length in twentieths of a point as centimetres.
func twipsCM(tw int) string { return fmt.Sprintf("%.3fcm", float64(tw)*2.54/1440) }

// odtListStyleXML writes an outermost list's style: each level bulleted or numbered as the
// first list written at that level, the levels no list reached as the outermost one.
func odtListStyleXML(b *strings.Builder, l *odtListStyle) {
	fmt.Fprintf(b, `<text:list-style style:name="%s">`, l.name)
	for lv := range 10 {
		ordered := l.ordered[0]
		if l.set[lv] {
			ordered = l.ordered[lv]
		}
		indent := twipsCM(listIndent(lv))
		props := `<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">` +
			`<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="` + indent +
			`" fo:text-indent="-0.6cm" fo:margin-left="` + indent + `"/></style:list-level-properties>`
		if ordered {
			fmt.Fprintf(b, `<text:list-level-style-number text:level="%d" style:num-suffix="." style:num-format="1">%s</text:list-level-style-number>`, lv+1, props)
			continue
		}
		fmt.Fprintf(b, `<text:list-level-style-bullet text:level="%d" text:bullet-char="%s">%s</text:list-level-style-bullet>`,
			lv+1, bullets[lv%len(bullets)], props)
	}
	b.WriteString(`</text:list-style>`)
}
