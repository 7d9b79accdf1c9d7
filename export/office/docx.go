package office

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"
)

// The namespaces of WordprocessingML and its package.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relNS = "http://schemas.openxmlformats.org/package/2006/relationships"
	relOD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	xmlPI = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// Page geometry in twentieths of a point: A4, 2 cm margins at the top, 2.2 cm at the sides.
const (
	a4Short    = 11906
	a4Long     = 16838
	marginSide = 1247
	marginTop  = 1134
	marginLow  = 1418
)

// textWidth is the width of the text on the page, in twentieths of a point.
func (d *document) textWidth() int {
	if d.landscape {
		return a4Long - 2*marginSide
	}
	return a4Short - 2*marginSide
}

// writeDOCX writes d as a Word document.
func writeDOCX(w io.Writer, d *document) error {
	body := &docxBody{links: map[string]string{}}
	body.document(d)
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRootRels},
		{"docProps/core.xml", docxCore(d)},
		{"docProps/app.xml", docxApp(d)},
		{"word/document.xml", body.b.String()},
		{"word/_rels/document.xml.rels", body.rels()},
		{"word/styles.xml", docxStyles(d)},
		{"word/numbering.xml", docxNumbering(d)},
		{"word/settings.xml", docxSettings(d)},
		{"word/footer1.xml", docxFooter(d)},
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime(d)})
		if err == nil {
			_, err = io.WriteString(f, p.data)
		}
		if err != nil {
			return fmt.Errorf("office: write docx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("office: write docx: %w", err)
	}
	return nil
}

// zipTime is the date of the archive's entries: the moment of export, or a fixed date.
func zipTime(d *document) time.Time {
	if d.props.Created.IsZero() {
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return d.props.Created
}

const docxContentTypes = xmlPI + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const docxRootRels = xmlPI + `<Relationships xmlns="` + relNS + `">` +
	`<Relationship Id="rId1" Type="` + relOD + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relOD + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

// docxCore is the document's core properties: title, subject, creator, keywords, language
// and dates.
func docxCore(d *document) string {
	p := d.props
	lang, country := langTag(p)
	var b strings.Builder
	b.WriteString(xmlPI + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	fmt.Fprintf(&b, "<dc:title>%s</dc:title>", esc(oneLine(p.Title)))
	if s := oneLine(p.Subject); s != "" {
		fmt.Fprintf(&b, "<dc:subject>%s</dc:subject>", esc(s))
	}
	fmt.Fprintf(&b, "<dc:creator>%s</dc:creator>", esc(oneLine(p.Generator)))
	if k := keywords(p.Keywords); k != "" {
		fmt.Fprintf(&b, "<cp:keywords>%s</cp:keywords>", esc(k))
	}
	fmt.Fprintf(&b, "<dc:language>%s-%s</dc:language>", lang, country)
	if !p.Created.IsZero() {
		t := p.Created.UTC().Format(time.RFC3339)
		fmt.Fprintf(&b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>`, t)
		fmt.Fprintf(&b, `<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, t)
	}
	b.WriteString("</cp:coreProperties>")
	return b.String()
}

// keywords joins the keywords with commas.
func keywords(ks []string) string {
	var out []string
	for _, k := range ks {
		if k = oneLine(k); k != "" {
			out = append(out, k)
		}
	}
	return strings.Join(out, ", ")
}

// docxApp names the application that wrote the document, and the organisers as its company.
func docxApp(d *document) string {
	company := ""
	if a := oneLine(d.props.Author); a != "" {
		company = "<Company>" + esc(a) + "</Company>"
	}
	return xmlPI + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		"<Application>" + esc(oneLine(d.props.Generator)) + "</Application>" + company + "</Properties>"
}

// docxSettings sets the language of the text and Word's current compatibility mode.
func docxSettings(d *document) string {
	lang, country := langTag(d.props)
	return xmlPI + `<w:settings xmlns:w="` + nsW + `">` +
		`<w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="` + lang + "-" + country + `"/>` +
		`</w:settings>`
}

// docxFooter is the footer of every page: the notice, then « Page N sur M » on the right.
func docxFooter(d *document) string {
	var b strings.Builder
	b.WriteString(xmlPI + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">`)
	if d.footer != "" {
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` + docxText(d.footer) + `</w:p>`)
	}
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/></w:pPr>`)
	b.WriteString(docxText(d.page.Before))
	b.WriteString(`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
	b.WriteString(docxText(d.page.Between))
	b.WriteString(`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
	b.WriteString(docxText(d.page.After))
	b.WriteString(`</w:p></w:ftr>`)
	return b.String()
}

// docxText is a run of plain text, or nothing for an empty one.
func docxText(s string) string {
	if s == "" {
		return ""
	}
	return `<w:r><w:t xml:space="preserve">` + esc(clean(s)) + `</w:t></w:r>`
}
