package office

import (
	"archive/zip"
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// hostile is a text with what breaks XML and word processors: markup characters, control
// characters, a byte order mark, bidirectional overrides, characters outside the Basic
// Multilingual Plane, a script link and a very long word.
const hostile = "# <Titre> & \"guillemets\" 'simples'\n\nTexte\x00 avec\x01 des\x1b contrôles\u0085 et \ufeff une marque, " +
	"\u202eà l’envers\u202c, des émojis 🚲🌳, 𝐦𝐚𝐭𝐡, ]]> et <![CDATA[ x ]]>.\n\n[clic](javascript:alert(1)) " +
	"[fichier](file:///etc/passwd) [partage](smb://serveur/partage) [ok](https://exemple.org/a?b=1&c=2)\n\n" +
	"<script>alert(1)</script>\n\n" + "mot" + "ooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooo\n"

func TestHostileTextStaysWellFormed(t *testing.T) {
	r := bodyOnly(hostile)
	r.Meta.Title = "Titre <&> \x07 \"x\""
	r.Meta.Place = "Salle \x0b des fêtes"
	r.Disclosure = "IA <mistral> & co \x01"
	for _, f := range formats {
		data := render(t, f, r)
		wellFormed(t, data)
		got := reimport(t, f, data)
		for _, want := range []string{"<Titre> & \"guillemets\"", "émojis 🚲🌳", "𝐦𝐚𝐭𝐡", "]]> et <![CDATA[ x ]]>", "clic fichier partage [ok](https://exemple.org/a?b=1&c=2)"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: the text lost %q:\n%s", f, want, got)
			}
		}
		for _, bad := range []string{"\x00", "\x01", "\x1b", "\u202e", "\ufeff"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s: the document kept the control character %q", f, bad)
			}
		}
		ps, _ := parts(t, data)
		all := strings.Join([]string{ps["word/_rels/document.xml.rels"], ps["content.xml"]}, "")
		for _, bad := range []string{"javascript:", "file:", "smb:"} {
			if strings.Contains(all, bad) {
				t.Errorf("%s: a %s link became a hyperlink", f, bad)
			}
		}
		if !strings.Contains(all, "https://exemple.org/a?b=1&amp;c=2") {
			t.Errorf("%s: the https link is not a hyperlink", f)
		}
	}
}

// TestODTPackage: the mimetype is the first entry, stored uncompressed, as OpenDocument
// requires for a file to be recognised; the manifest lists the parts.
func TestODTPackage(t *testing.T) {
	data := render(t, ODT, frenchReport(t))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	first := zr.File[0]
	if first.Name != "mimetype" || first.Method != zip.Store || len(first.Extra) != 0 {
		t.Fatalf("first entry %q, method %d, extra %d bytes: want mimetype, stored, no extra field", first.Name, first.Method, len(first.Extra))
	}
	if !bytes.Contains(data[:80], []byte("mimetypeapplication/vnd.oasis.opendocument.text")) {
		t.Error("the mimetype is not readable at its fixed offset")
	}
	ps, _ := parts(t, data)
	for _, p := range []string{"content.xml", "styles.xml", "meta.xml"} {
		if !strings.Contains(ps["META-INF/manifest.xml"], `manifest:full-path="`+p+`"`) {
			t.Errorf("the manifest does not list %s", p)
		}
	}
}

func TestPropertiesAndLanguage(t *testing.T) {
	fr, en := frenchReport(t), englishReport(t)
	for _, c := range []struct {
		f    Format
		part string
		want []string
		data []byte
	}{
		{DOCX, "docProps/core.xml", []string{"<dc:title>Atelier « Mobilités douces » — Quartier des Tanneurs</dc:title>",
			"<dc:creator>Rapporteur 1.4.0</dc:creator>", "<cp:keywords>Atelier, Maison de quartier des Tanneurs, Habitant·es du quartier</cp:keywords>",
			"<dc:subject>Atelier — 12 mars 2026</dc:subject>", "<dc:language>fr-FR</dc:language>", "2026-03-14T09:30:00Z"}, render(t, DOCX, fr)},
		{DOCX, "word/styles.xml", []string{`<w:lang w:val="fr-FR"`}, render(t, DOCX, fr)},
		{DOCX, "word/styles.xml", []string{`<w:lang w:val="en-GB"`}, render(t, DOCX, en)},
		{DOCX, "docProps/app.xml", []string{"<Application>Rapporteur 1.4.0</Application>"}, render(t, DOCX, fr)},
		{ODT, "meta.xml", []string{"<dc:title>Participatory budget webinar — North Ward</dc:title>",
			"<meta:initial-creator>Rapporteur 1.4.0</meta:initial-creator>", "<meta:generator>Rapporteur/1.4.0</meta:generator>",
			"<meta:keyword>Webinar</meta:keyword>", "<dc:subject>Webinar — 3 February 2026</dc:subject>", "<dc:language>en-GB</dc:language>"}, render(t, ODT, en)},
		{ODT, "styles.xml", []string{`fo:language="fr" fo:country="FR"`}, render(t, ODT, fr)},
		{ODT, "styles.xml", []string{`fo:language="en" fo:country="GB"`}, render(t, ODT, en)},
	} {
		ps, _ := parts(t, c.data)
		for _, w := range c.want {
			if !strings.Contains(ps[c.part], w) {
				t.Errorf("%s %s lacks %s:\n%s", c.f, c.part, w, ps[c.part])
			}
		}
	}
}

// TestFooterOnEveryPage: the disclosure and the page number are in the page's footer, the one
// footer of the document's one section (Word) or of its default page style (OpenDocument),
// which every page uses.
func TestFooterOnEveryPage(t *testing.T) {
	ps, _ := parts(t, render(t, DOCX, frenchReport(t)))
	footer := ps["word/footer1.xml"]
	for _, want := range []string{"Texte rédigé avec l’aide de l’IA (mistral:7b), relu par Claire Martin le 13/03/2026.",
		`<w:fldSimple w:instr=" PAGE ">`, `<w:fldSimple w:instr=" NUMPAGES ">`, ">Page <", "> sur <"} {
		if !strings.Contains(footer, want) {
			t.Errorf("the Word footer lacks %s:\n%s", want, footer)
		}
	}
	if n := strings.Count(ps["word/document.xml"], "<w:sectPr>"); n != 1 || !strings.Contains(ps["word/document.xml"], `<w:footerReference w:type="default" r:id="rId4"/>`) {
		t.Errorf("want one section using the footer, got %d sections", n)
	}
	ps, _ = parts(t, render(t, ODT, englishReport(t)))
	master := regexp.MustCompile(`(?s)<style:master-page style:name="Standard".*</style:master-page>`).FindString(ps["styles.xml"])
	for _, want := range []string{"Text written with the help of AI (llama3.1:8b)", "<text:page-number", "<text:page-count>", "Page ", " of "} {
		if !strings.Contains(master, want) {
			t.Errorf("the OpenDocument footer lacks %s:\n%s", want, master)
		}
	}
}

// TestStructureIsTheWordProcessors: headings in the heading styles with their outline level,
// lists numbered by the word processor, the table's header row repeated, quotes, code and
// struck text in their styles, the ordered list's first number kept.
func TestStructureIsTheWordProcessors(t *testing.T) {
	ps, _ := parts(t, render(t, DOCX, frenchReport(t)))
	doc, styles, numbering := ps["word/document.xml"], ps["word/styles.xml"], ps["word/numbering.xml"]
	for _, want := range []string{`<w:pStyle w:val="Title"/>`, `<w:pStyle w:val="Heading2"/>`, `<w:pStyle w:val="Heading3"/>`,
		`<w:numPr><w:ilvl w:val="2"/>`, `<w:tblHeader/>`, `<w:pStyle w:val="Quote"/>`, `<w:pStyle w:val="SourceCode"/>`,
		`<w:strike/>`, `<w:rStyle w:val="Hyperlink"/>`, `<w:jc w:val="right"/>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("word/document.xml lacks %s", want)
		}
	}
	for _, want := range []string{`<w:name w:val="heading 2"/>`, `<w:outlineLvl w:val="1"/>`} {
		if !strings.Contains(styles, want) {
			t.Errorf("word/styles.xml lacks %s", want)
		}
	}
	if !strings.Contains(numbering, `<w:startOverride w:val="5"/>`) {
		t.Errorf("the list that starts at 5 does not:\n%s", numbering)
	}
	ps, _ = parts(t, render(t, ODT, frenchReport(t)))
	content := ps["content.xml"]
	for _, want := range []string{`<text:h text:style-name="Heading_20_2" text:outline-level="2">`, `<text:list text:style-name="L`,
		`<table:table-header-rows>`, `text:style-name="Quotations"`, `text:style-name="Preformatted_20_Text"`,
		`<text:list-item text:start-value="5">`, `style:text-line-through-style="solid"`, `xlink:href="https://tanneurs.example.org/diagnostic.pdf"`,
		`Salle <text:s text:c="3"/>: maison de quartier`} {
		if !strings.Contains(content, want) {
			t.Errorf("content.xml lacks %s", want)
		}
	}
}
