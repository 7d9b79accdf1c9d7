package office

import (
	"fmt"
	"strings"
)

// odtHeadingSizes are the heading levels' sizes in points, and the space above them in cm.
var (
	odtHeadingSizes  = [6]string{"15pt", "13pt", "11.5pt", "10.5pt", "10.5pt", "10.5pt"}
	odtHeadingBefore = [6]string{"0.63cm", "0.5cm", "0.39cm", "0.35cm", "0.28cm", "0.28cm"}
)

// odtStyle writes a named paragraph style.
func odtStyle(name, display, parent, next, para, text string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<style:style style:name="%s" style:display-name="%s" style:family="paragraph"`, name, display)
	if parent != "" {
		fmt.Fprintf(&b, ` style:parent-style-name="%s"`, parent)
	}
	if next != "" {
		fmt.Fprintf(&b, ` style:next-style-name="%s"`, next)
	}
	b.WriteString(`>`)
	if para != "" {
		b.WriteString(`<style:paragraph-properties ` + para + `/>`)
	}
	if text != "" {
		b.WriteString(`<style:text-properties ` + text + `/>`)
	}
	b.WriteString(`</style:style>`)
	return b.String()
}

// odtStyles is styles.xml: the default font and language, the named styles the body uses
// (LibreOffice's own names, so that the navigator and the outline see the headings), the page
// and its footer with the notice and the page number.
func odtStyles(d *document) string {
	lang, country := langTag(d.props)
	var b strings.Builder
	b.WriteString(xmlPI + `<office:document-styles ` + odfNS + `>` + odtFonts + `<office:styles>`)
	fmt.Fprintf(&b, `<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>`+
		`<style:text-properties style:font-name="%s" fo:font-size="10.5pt" fo:language="%s" fo:country="%s" fo:hyphenate="false"/></style:default-style>`,
		docxFont, lang, country)
	b.WriteString(`<style:style style:name="Standard" style:family="paragraph" style:class="text"/>`)
	for _, s := range odtParagraphStyles() {
		b.WriteString(s)
	}
	b.WriteString(`<style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text">` +
		`<style:text-properties fo:color="#` + colourLink + `" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>`)
	b.WriteString(`<style:style style:name="Source_20_Text" style:display-name="Source Text" style:family="text">` +
		`<style:text-properties style:font-name="` + codeFont + `" fo:background-color="#` + colourCode + `"/></style:style>`)
	b.WriteString(`<text:outline-style style:name="Outline">`)
	for l := 1; l <= 10; l++ {
		fmt.Fprintf(&b, `<text:outline-level-style text:level="%d" style:num-format=""/>`, l)
	}
	b.WriteString(`</text:outline-style></office:styles>`)
	w, h, orient, side := "21cm", "29.7cm", "portrait", "2.2cm"
	if d.landscape {
		w, h, orient, side = "29.7cm", "21cm", "landscape", "2cm"
	}
	fmt.Fprintf(&b, `<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="%s" fo:page-height="%s" `+
		`style:print-orientation="%s" fo:margin-top="2cm" fo:margin-bottom="1.2cm" fo:margin-left="%s" fo:margin-right="%[4]s"/>`+
		`<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout></office:automatic-styles>`,
		w, h, orient, side)
	b.WriteString(`<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:footer>`)
	if d.footer != "" {
		b.WriteString(`<text:p text:style-name="Footer">` + odtText(d.footer) + `</text:p>`)
	}
	b.WriteString(`<text:p text:style-name="Rapporteur_20_Page">` + odtText(d.page.Before) +
		`<text:page-number text:select-page="current">1</text:page-number>` + odtText(d.page.Between) +
		`<text:page-count>1</text:page-count>` + odtText(d.page.After) + `</text:p>`)
	b.WriteString(`</style:footer></style:master-page></office:master-styles></office:document-styles>`)
	return b.String()
}

// odtParagraphStyles are the named paragraph styles.
func odtParagraphStyles() []string {
	const accent, muted = `fo:color="#` + colourAccent + `"`, `fo:color="#` + colourMuted + `"`
	bold := `fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"`
	italic := `fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"`
	after := func(cm string) string { return `fo:margin-top="0cm" fo:margin-bottom="` + cm + `"` }
	out := []string{
		odtStyle("Text_20_body", "Text body", "Standard", "", after("0.25cm")+` fo:line-height="115%"`, ""),
		odtStyle("Title", "Title", "Standard", "Text_20_body", after("0.35cm"), bold+` fo:font-size="20pt" `+accent),
		odtStyle("Subtitle", "Subtitle", "Standard", "Title", after("0.1cm"), bold+` fo:font-size="8.5pt" fo:text-transform="uppercase" `+accent),
		odtStyle("Heading", "Heading", "Standard", "Text_20_body", `fo:keep-with-next="always"`, bold),
	}
	for i := range 6 {
		text := `fo:font-size="` + odtHeadingSizes[i] + `" ` + bold
		if i < 2 {
			text += " " + accent
		}
		if i == 4 {
			text += " " + italic
		}
		out = append(out, fmt.Sprintf(`<style:style style:name="Heading_20_%d" style:display-name="Heading %d" style:family="paragraph" `+
			`style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="%d" style:class="text">`+
			`<style:paragraph-properties fo:margin-top="%s" fo:margin-bottom="0.18cm" fo:keep-with-next="always"/><style:text-properties %s/></style:style>`,
			i+1, i+1, i+1, odtHeadingBefore[i], text))
	}
	return append(out,
		odtStyle("Rapporteur_20_List", "Rapporteur List", "Text_20_body", "", after("0.1cm"), ""),
		odtStyle("Quotations", "Quotations", "Text_20_body", "Text_20_body",
			`fo:margin-top="0.18cm" fo:margin-bottom="0.25cm" fo:margin-left="0.8cm" fo:padding-left="0.25cm" fo:border-left="1.5pt solid #`+colourRule+`"`, italic+` fo:color="#`+colourQuote+`"`),
		odtStyle("Preformatted_20_Text", "Preformatted Text", "Standard", "Text_20_body",
			after("0.25cm")+` fo:background-color="#`+colourCode+`" fo:padding="0.1cm"`, `style:font-name="`+codeFont+`" fo:font-size="9pt"`),
		`<style:style style:name="Rapporteur_20_Field" style:display-name="Rapporteur Field" style:family="paragraph" style:parent-style-name="Standard">`+
			`<style:paragraph-properties fo:margin-left="4cm" fo:text-indent="-4cm" fo:margin-bottom="0.07cm"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops>`+
			`</style:paragraph-properties><style:text-properties fo:font-size="10pt"/></style:style>`,
		odtStyle("Rapporteur_20_Rule", "Rapporteur Rule", "Standard", "Text_20_body",
			after("0.35cm")+` fo:border-bottom="0.5pt solid #`+colourRule+`" fo:padding-bottom="0.05cm"`, `fo:font-size="4pt"`),
		odtStyle("Rapporteur_20_Note", "Rapporteur Note", "Text_20_body", "Text_20_body", "", italic+" "+muted),
		odtStyle("Table_20_Contents", "Table Contents", "Standard", "", "", `fo:font-size="9.5pt"`),
		odtStyle("Table_20_Heading", "Table Heading", "Table_20_Contents", "", "", bold),
		odtStyle("Footer", "Footer", "Standard", "", "", `fo:font-size="7.5pt" `+muted),
		odtStyle("Rapporteur_20_Page", "Rapporteur Page", "Footer", "", `fo:text-align="end"`, ""),
	)
}
