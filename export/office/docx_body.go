package office

import (
	"fmt"
	"strings"
)

// docxBody writes word/document.xml and collects the hyperlinks' relationships.
type docxBody struct {
	b     strings.Builder
	links map[string]string // URL → relationship id
	order []string          // URLs in the order of their ids
	width int               // the text's width
}

// The relationships of word/document.xml before the hyperlinks'.
const docxFixedRels = 4

// paraStyles are the paragraph styles of the blocks that have one of their own.
var paraStyles = map[kind]string{
	kindPara: "BodyText", kindTitle: "Title", kindKicker: "Subtitle", kindField: "RapporteurField",
	kindItem: "ListParagraph", kindItemMore: "ListParagraph", kindQuote: "Quote", kindCode: "SourceCode",
	kindRule: "RapporteurRule", kindNote: "RapporteurNote",
}

// document writes the body: every block, then the section with its page and footer.
func (x *docxBody) document(d *document) {
	x.width = d.textWidth()
	x.b.WriteString(xmlPI + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	for _, bl := range d.blocks {
		x.block(bl)
	}
	w, h, orient := a4Short, a4Long, ""
	if d.landscape {
		w, h, orient = a4Long, a4Short, ` w:orient="landscape"`
	}
	fmt.Fprintf(&x.b, `<w:sectPr><w:footerReference w:type="default" r:id="rId4"/>`+
		`<w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="709" w:footer="567" w:gutter="0"/>`+
		`</w:sectPr></w:body></w:document>`, w, h, orient, marginTop, marginSide, marginLow, marginSide)
}

// block writes one block.
func (x *docxBody) block(bl block) {
	switch bl.kind {
	case kindTable:
		x.table(bl.table)
	case kindHeading:
		x.para(fmt.Sprintf(`<w:pStyle w:val="Heading%d"/>`, min(max(bl.level, 1), 6)), bl.inlines)
	case kindItem:
		x.para(fmt.Sprintf(`<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`,
			bl.list.depth, bl.list.id), bl.inlines)
	default:
		ppr := `<w:pStyle w:val="` + paraStyles[bl.kind] + `"/>`
		if bl.kind == kindItemMore || bl.inItem {
			ppr += fmt.Sprintf(`<w:ind w:left="%d"/>`, listIndent(bl.level))
		}
		x.para(ppr, bl.inlines)
	}
}

// listIndent is the left edge of the text of a list item at depth, in twentieths of a point.
func listIndent(depth int) int { return 567 * (depth + 1) }

// para writes a paragraph with the properties ppr (in the schema's order) and its runs.
func (x *docxBody) para(ppr string, ins []inline) {
	x.b.WriteString(`<w:p><w:pPr>` + ppr + `</w:pPr>`)
	x.runs(ins)
	x.b.WriteString(`</w:p>`)
}

// runs writes inline text, a link's runs inside its hyperlink.
func (x *docxBody) runs(ins []inline) {
	eachLink(ins, x.run, func(link string, group []inline) {
		fmt.Fprintf(&x.b, `<w:hyperlink r:id="%s" w:history="1">`, x.rel(link))
		for _, in := range group {
			x.run(in)
		}
		x.b.WriteString(`</w:hyperlink>`)
	})
}

// rel is the relationship id of a hyperlink's target, made on first use.
func (x *docxBody) rel(url string) string {
	if id, ok := x.links[url]; ok {
		return id
	}
	id := fmt.Sprintf("rId%d", docxFixedRels+1+len(x.order))
	x.links[url] = id
	x.order = append(x.order, url)
	return id
}

// run writes one run.
func (x *docxBody) run(in inline) {
	switch {
	case in.lineBreak:
		x.b.WriteString(`<w:r><w:br/></w:r>`)
		return
	case in.tab:
		x.b.WriteString(`<w:r><w:tab/></w:r>`)
		return
	}
	x.b.WriteString(`<w:r>`)
	var rpr strings.Builder
	switch {
	case in.link != "":
		rpr.WriteString(`<w:rStyle w:val="Hyperlink"/>`)
	case in.code:
		rpr.WriteString(`<w:rStyle w:val="VerbatimChar"/>`)
	}
	if in.bold {
		rpr.WriteString(`<w:b/><w:bCs/>`)
	}
	if in.italic {
		rpr.WriteString(`<w:i/><w:iCs/>`)
	}
	if in.strike {
		rpr.WriteString(`<w:strike/>`)
	}
	if rpr.Len() > 0 {
		x.b.WriteString(`<w:rPr>` + rpr.String() + `</w:rPr>`)
	}
	x.b.WriteString(`<w:t xml:space="preserve">` + esc(in.text) + `</w:t></w:r>`)
}

// rels lists the relationships of word/document.xml: its parts, then the hyperlinks, which
// open outside the document.
func (x *docxBody) rels() string {
	var b strings.Builder
	b.WriteString(xmlPI + `<Relationships xmlns="` + relNS + `">` +
		`<Relationship Id="rId1" Type="` + relOD + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="` + relOD + `numbering" Target="numbering.xml"/>` +
		`<Relationship Id="rId3" Type="` + relOD + `settings" Target="settings.xml"/>` +
		`<Relationship Id="rId4" Type="` + relOD + `footer" Target="footer1.xml"/>`)
	for _, url := range x.order {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%shyperlink" Target="%s" TargetMode="External"/>`, x.links[url], relOD, esc(url))
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// table writes a table across the text's width, columns sized to their text, its first row
// the header repeated on every page, its rows never split across pages.
func (x *docxBody) table(t *table) {
	widths := columnWidths(t, x.width)
	x.b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="RapporteurTable"/><w:tblW w:w="0" w:type="auto"/>` +
		`<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(&x.b, `<w:gridCol w:w="%d"/>`, w)
	}
	x.b.WriteString(`</w:tblGrid>`)
	for i, row := range t.rows {
		x.b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if i == 0 {
			x.b.WriteString(`<w:tblHeader/>`)
		}
		x.b.WriteString(`</w:trPr>`)
		for j, w := range widths {
			var cell []inline
			if j < len(row) {
				cell = row[j]
			}
			x.cell(cell, w, i == 0, t.alignOf(j))
		}
		x.b.WriteString(`</w:tr>`)
	}
	x.b.WriteString(`</w:tbl>`)
	x.para(`<w:pStyle w:val="RapporteurAfterTable"/>`, nil)
}

// cell writes one cell: a paragraph in the table's style, the header's in bold.
func (x *docxBody) cell(ins []inline, w int, head bool, a align) {
	fmt.Fprintf(&x.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
	if head {
		x.b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="F2F4F7"/>`)
	}
	x.b.WriteString(`</w:tcPr>`)
	style := "TableContents"
	if head {
		style = "TableHeading"
	}
	ppr := `<w:pStyle w:val="` + style + `"/>`
	if j := map[align]string{alignLeft: "left", alignCenter: "center", alignRight: "right"}[a]; j != "" {
		ppr += `<w:jc w:val="` + j + `"/>`
	}
	x.para(ppr, ins)
	x.b.WriteString(`</w:tc>`)
}

// alignOf is column j's alignment.
func (t *table) alignOf(j int) align {
	if j < len(t.align) {
		return t.align[j]
	}
	return alignNone
}

// columns is the number of columns of t: its widest row's.
func (t *table) columns() int {
	n := 0
	for _, r := range t.rows {
		n = max(n, len(r))
	}
	return max(n, 1)
}

// columnWidths shares width between t's columns in proportion to their longest text, each
// getting at least a fair part of half the width.
func columnWidths(t *table, width int) []int {
	n := t.columns()
	need := make([]int, n)
	total := 0
	for j := range need {
		for _, r := range t.rows {
			if j < len(r) {
				need[j] = max(need[j], min(textLen(r[j]), 60))
			}
		}
		need[j] += 4
		total += need[j]
	}
	floor := width / (2 * n)
	out := make([]int, n)
	for j := range out {
		out[j] = floor + (width-floor*n)*need[j]/total
	}
	return out
}

// textLen is the number of characters of inline text.
func textLen(ins []inline) int {
	n := 0
	for _, in := range ins {
		n += len([]rune(in.text))
	}
	return n
}
