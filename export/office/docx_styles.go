package office

import (
	"fmt"
	"strings"
)

// Colours of the documents, as in the PDF report.
const (
	colourAccent = "1F3A5F"
	colourMuted  = "5F6368"
	colourLink   = "0B57A4"
	colourRule   = "B4B8BE"
	colourQuote  = "44474C"
	colourPanel  = "F2F4F7"
	colourCode   = "ECEEF1"
)

// The fonts of the Word document: a word processor has both, or a metric twin.
const (
	docxFont = "Arial"
	codeFont = "Courier New"
)

// headingSizes are the heading levels' sizes in half-points, and the space before them in
// twentieths of a point.
var (
	headingSizes  = [6]int{30, 26, 23, 21, 21, 21}
	headingBefore = [6]int{360, 280, 220, 200, 160, 160}
)

// wStyle writes one style definition: its type, id, name, base, next, and properties (each
// already in the schema's order).
func wStyle(typ, id, name, basedOn, next, ppr, rpr string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<w:style w:type="%s" w:styleId="%s"><w:name w:val="%s"/>`, typ, id, name)
	if basedOn != "" {
		fmt.Fprintf(&b, `<w:basedOn w:val="%s"/>`, basedOn)
	}
	if next != "" {
		fmt.Fprintf(&b, `<w:next w:val="%s"/>`, next)
	}
	b.WriteString(`<w:qFormat/>`)
	if ppr != "" {
		b.WriteString(`<w:pPr>` + ppr + `</w:pPr>`)
	}
	if rpr != "" {
		b.WriteString(`<w:rPr>` + rpr + `</w:rPr>`)
	}
	b.WriteString(`</w:style>`)
	return b.String()
}

// docxStyles is word/styles.xml: the default font and language, and the styles the body uses,
// named as Word names its own so that the outline, lists and table of contents use them.
func docxStyles(d *document) string {
	lang, country := langTag(d.props)
	tag := lang + "-" + country
	var b strings.Builder
	b.WriteString(xmlPI + `<w:styles xmlns:w="` + nsW + `">`)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="%[1]s" w:eastAsia="%[1]s" w:hAnsi="%[1]s" w:cs="%[1]s"/>`+
		`<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="%[2]s" w:eastAsia="%[2]s" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`, docxFont, tag)
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	for _, s := range paragraphStyles() {
		b.WriteString(s)
	}
	b.WriteString(wStyle("character", "VerbatimChar", "Verbatim Char", "DefaultParagraphFont", "",
		"", `<w:rFonts w:ascii="`+codeFont+`" w:hAnsi="`+codeFont+`" w:cs="`+codeFont+`"/><w:shd w:val="clear" w:color="auto" w:fill="`+colourCode+`"/>`))
	b.WriteString(wStyle("character", "Hyperlink", "Hyperlink", "DefaultParagraphFont", "",
		"", `<w:color w:val="`+colourLink+`"/><w:u w:val="single"/>`))
	b.WriteString(`<w:style w:type="table" w:styleId="RapporteurTable"><w:name w:val="Rapporteur Table"/><w:basedOn w:val="TableNormal"/><w:tblPr>` +
		`<w:tblBorders><w:top w:val="single" w:sz="6" w:space="0" w:color="` + colourAccent + `"/>` +
		`<w:bottom w:val="single" w:sz="6" w:space="0" w:color="` + colourAccent + `"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="` + colourRule + `"/></w:tblBorders>` +
		`<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>` +
		`</w:tblPr></w:style>`)
	b.WriteString(`</w:styles>`)
	return b.String()
}

// paragraphStyles are the paragraph styles of the body and the footer.
func paragraphStyles() []string {
	colour := func(c string) string { return `<w:color w:val="` + c + `"/>` }
	size := func(hp int) string { return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp) }
	after := func(tw int) string { return fmt.Sprintf(`<w:spacing w:after="%d"/>`, tw) }
	out := []string{
		wStyle("paragraph", "BodyText", "Body Text", "Normal", "", after(140), ""),
		wStyle("paragraph", "Title", "Title", "Normal", "BodyText", after(200), `<w:b/><w:bCs/>`+colour(colourAccent)+size(40)),
		wStyle("paragraph", "Subtitle", "Subtitle", "Normal", "Title", after(60), `<w:b/><w:bCs/><w:caps/>`+colour(colourAccent)+size(17)),
	}
	for i := range 6 {
		rpr := `<w:b/><w:bCs/>`
		if i == 4 {
			rpr += `<w:i/><w:iCs/>`
		}
		if i < 2 {
			rpr += colour(colourAccent)
		}
		out = append(out, wStyle("paragraph", fmt.Sprintf("Heading%d", i+1), fmt.Sprintf("heading %d", i+1), "Normal", "BodyText",
			fmt.Sprintf(`<w:keepNext/><w:keepLines/><w:spacing w:before="%d" w:after="100"/><w:outlineLvl w:val="%d"/>`, headingBefore[i], i),
			rpr+size(headingSizes[i])))
	}
	return append(out,
		wStyle("paragraph", "ListParagraph", "List Paragraph", "Normal", "", `<w:spacing w:after="60"/><w:ind w:left="720"/>`, ""),
		wStyle("paragraph", "Quote", "Quote", "Normal", "BodyText",
			`<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="`+colourRule+`"/></w:pBdr><w:spacing w:before="100" w:after="140"/><w:ind w:left="454"/>`,
			`<w:i/><w:iCs/>`+colour(colourQuote)),
		wStyle("paragraph", "SourceCode", "Source Code", "Normal", "BodyText",
			`<w:shd w:val="clear" w:color="auto" w:fill="`+colourCode+`"/>`+`<w:spacing w:after="140" w:line="240" w:lineRule="auto"/>`,
			`<w:rFonts w:ascii="`+codeFont+`" w:hAnsi="`+codeFont+`" w:cs="`+codeFont+`"/>`+size(18)),
		wStyle("paragraph", "RapporteurField", "Rapporteur Field", "Normal", "RapporteurField",
			`<w:tabs><w:tab w:val="left" w:pos="2268"/></w:tabs><w:spacing w:after="40"/><w:ind w:left="2268" w:hanging="2268"/>`, size(20)),
		wStyle("paragraph", "RapporteurRule", "Rapporteur Rule", "Normal", "BodyText",
			`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="`+colourRule+`"/></w:pBdr>`+after(200), ""),
		wStyle("paragraph", "RapporteurNote", "Rapporteur Note", "Normal", "BodyText", after(140), `<w:i/><w:iCs/>`+colour(colourMuted)),
		wStyle("paragraph", "TableHeading", "Table Heading", "Normal", "", "", `<w:b/><w:bCs/>`+size(19)),
		wStyle("paragraph", "TableContents", "Table Contents", "Normal", "", "", size(19)),
		wStyle("paragraph", "RapporteurAfterTable", "Rapporteur After Table", "Normal", "BodyText", after(120), size(12)),
		wStyle("paragraph", "Footer", "footer", "Normal", "", "", colour(colourMuted)+size(15)),
	)
}

// docxNumbering is word/numbering.xml: one definition for bulleted lists, one for numbered
// lists, and an instance for each list of the document, a numbered one restarting at its own
// first number.
func docxNumbering(d *document) string {
	var b strings.Builder
	b.WriteString(xmlPI + `<w:numbering xmlns:w="` + nsW + `">`)
	for abstract, ordered := range []bool{false, true} {
		fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>`, abstract)
		for lvl := range 9 {
			format, text := "bullet", bullets[lvl%len(bullets)]
			if ordered {
				format, text = "decimal", fmt.Sprintf("%%%d.", lvl+1)
			}
			fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/>`+
				`<w:pPr><w:ind w:left="%d" w:hanging="340"/></w:pPr><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/></w:rPr></w:lvl>`,
				lvl, format, text, listIndent(lvl), docxFont, docxFont)
		}
		b.WriteString(`</w:abstractNum>`)
	}
	for _, l := range docLists(d) {
		abstract := 0
		if l.ordered {
			abstract = 1
		}
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>`, l.id, abstract)
		if l.ordered {
			fmt.Fprintf(&b, `<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride>`, l.depth, l.start)
		}
		b.WriteString(`</w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return b.String()
}

// bullets are the list markers by nesting depth, as in the PDF.
var bullets = []string{"•", "–", "◦"}

// docLists are the lists of d, in order.
func docLists(d *document) []*listInfo {
	var out []*listInfo
	seen := map[int]bool{}
	for _, b := range d.blocks {
		if b.list != nil && !seen[b.list.id] {
			seen[b.list.id] = true
			out = append(out, b.list)
		}
	}
	return out
}
