package imports

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// part is one entry of a test archive.
type part struct{ name, body string }

// zipOf builds a ZIP archive in memory.
func zipOf(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>`

const docxTail = `<w:sectPr><w:headerReference w:type="default"/></w:sectPr></w:body></w:document>`

// docxOf builds a .docx whose body holds the WordprocessingML body, with an optional
// numbering part.
func docxOf(t testing.TB, body, numbering string) []byte {
	t.Helper()
	parts := []part{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"word/document.xml", docxHead + body + docxTail},
		{"word/header1.xml", `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>EN-TÊTE</w:t></w:r></w:p></w:hdr>`},
		{"word/comments.xml", `<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment><w:p><w:r><w:t>COMMENTAIRE</w:t></w:r></w:p></w:comment></w:comments>`},
	}
	if numbering != "" {
		parts = append(parts, part{"word/numbering.xml", numbering})
	}
	return zipOf(t, parts...)
}

// wp is a Word paragraph of style with the given runs' XML.
func wp(style string, runs ...string) string {
	p := "<w:p>"
	if style != "" {
		p += `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return p + strings.Join(runs, "") + "</w:p>"
}

// wr is a Word run of text, with w:b or w:i when props says "b", "i" or "bi".
func wr(props, text string) string {
	r := "<w:r>"
	if props != "" {
		r += "<w:rPr>"
		if strings.Contains(props, "b") {
			r += "<w:b/>"
		}
		if strings.Contains(props, "i") {
			r += "<w:i/>"
		}
		r += "</w:rPr>"
	}
	return r + `<w:t xml:space="preserve">` + text + "</w:t></w:r>"
}

// wli is a list paragraph of list numID at level ilvl.
func wli(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="` + ilvl +
		`"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>` + wr("", text) + "</w:p>"
}

func wtc(text string) string { return "<w:tc><w:tcPr/>" + wp("", wr("", text)) + "</w:tc>" }

const docxNumbering = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`

// sampleDocxBody is a report of a fictional session, in WordprocessingML.
var sampleDocxBody = wp("Title", wr("", "Atelier « Place du marché »")) +
	wp("Titre1", wr("", "Déroulé de la séance")) +
	wp("", wr("", "Réunion publique à l’école, "), wr("b", "38 participants"), wr("", " dont "),
		wr("i", "douze commerçants"), wr("", "."),
		`<w:del><w:r><w:delText>texte supprimé</w:delText></w:r></w:del>`,
		`<w:r><w:instrText> PAGE </w:instrText></w:r>`,
		`<w:r><mc:AlternateContent><mc:Choice/><mc:Fallback><w:pict><w:p><w:r><w:t>DOUBLON</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r>`) +
	wp("", "") + // empty paragraphs are dropped
	wp("Heading2", wr("", "Propositions")) +
	wli("1", "0", "Végétaliser la place") + wli("1", "1", "Planter des tilleuls") + wli("1", "0", "Créer des bancs") +
	wli("2", "0", "Consulter les riverains") + wli("2", "0", "Voter en conseil") +
	"<w:tbl><w:tblPr/><w:tr>" + wtc("Thème") + wtc("Avis") + "</w:tr>" +
	"<w:tr>" + wtc("Stationnement") + wtc("Pour | contre") + "</w:tr>" +
	"<w:tr>" + wtc("Marché") + `<w:tc><w:p><w:r><w:t>Déplacer le</w:t><w:br/><w:t>mardi</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
	wp("", `<w:r><w:t>Première ligne</w:t><w:br/><w:t>Seconde ligne</w:t><w:tab/><w:t>après tabulation</w:t></w:r>`)

// sampleMarkdown is the Markdown both the .docx and the .odt sample import to.
const sampleMarkdown = `# Atelier « Place du marché »

# Déroulé de la séance

Réunion publique à l’école, **38 participants** dont *douze commerçants*.

## Propositions

- Végétaliser la place
    - Planter des tilleuls
- Créer des bancs
1. Consulter les riverains
2. Voter en conseil

| Thème | Avis |
| --- | --- |
| Stationnement | Pour \| contre |
| Marché | Déplacer le mardi |

Première ligne\
Seconde ligne	après tabulation`

func TestReadDocx(t *testing.T) {
	got, err := Read("compte-rendu.docx", docxOf(t, sampleDocxBody, docxNumbering))
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != sampleMarkdown {
		t.Errorf("body:\n%s\nwant:\n%s", got.Body, sampleMarkdown)
	}
	if got.Title != "Atelier « Place du marché »" || got.Encoding != EncodingDocx {
		t.Errorf("title %q, encoding %q", got.Title, got.Encoding)
	}
}

func TestReadDocxDetails(t *testing.T) {
	tests := []struct {
		name, body, numbering, title, want string
	}{
		{"title from first heading", wp("Heading3", wr("", "Bilan")) + wp("", wr("", "Fin.")), "", "Bilan", "### Bilan\n\nFin."},
		{"title from file name", wp("", wr("", "Texte seul.")), "", "bilan atelier", "Texte seul."},
		{"list without numbering part", wli("7", "0", "Point") + wli("7", "3", "Sous-point"), "", "bilan atelier", "- Point\n    - Sous-point"},
		{"word list styles", wp("ListNumber", wr("", "Un")) + wp("ListBullet2", wr("", "Deux")), "", "bilan atelier", "1. Un\n    - Deux"},
		{"bold off, italic and bold", wp("", wr("bi", "Tout"), `<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>rien</w:t></w:r>`), "", "bilan atelier", "***Tout***rien"},
		{"character styles", wp("", `<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>fort</w:t></w:r>`), "", "bilan atelier", "**fort**"},
		{"markdown characters escaped", wp("", wr("", "# 1. *non* _pas_ `code`")), "", "bilan atelier", "\\# 1. \\*non\\* \\_pas\\_ \\`code\\`"},
		{"line starts after breaks escaped", wp("", `<w:r><w:t>Ordre du jour</w:t><w:br/><w:t xml:space="preserve">  - voirie</w:t><w:br/><w:t># 2</w:t></w:r>`), "", "bilan atelier", "Ordre du jour\\\n\\- voirie\\\n\\# 2"},
		{"list item escaped", wli("7", "0", "+ plus") + wli("7", "0", "a\n1) b"), "", "bilan atelier", "- \\+ plus\n- a\\\n  1\\) b"},
		{"numbered line start escaped", wp("", wr("", "12. rue")), "", "bilan atelier", "12\\. rue"},
		{"ragged table", "<w:tbl><w:tr>" + wtc("A") + "</w:tr><w:tr>" + wtc("B") + wtc("C") + "</w:tr></w:tbl>", "", "bilan atelier", "| A |  |\n| --- | --- |\n| B | C |"},
		{"nested table flattened", "<w:tbl><w:tr><w:tc><w:tbl><w:tr>" + wtc("X") + wtc("Y") + "</w:tr></w:tbl></w:tc></w:tr></w:tbl>", "", "bilan atelier", "| X Y |\n| --- |"},
		{"text outside any cell", "<w:tbl><w:tbl>" + wp("", wr("", "X")) + "</w:tbl></w:tbl>", "", "bilan atelier", "| X |\n| --- |"},
		{"table of contents dropped", wp("TM1", wr("", "Déroulé\t3")) + wp("TOC2", wr("", "Propositions\t4")) + wp("", wr("", "Corps")), "", "bilan atelier", "Corps"},
		{"page break ignored", wp("", `<w:r><w:t>Avant</w:t><w:br w:type="page"/><w:t>après</w:t></w:r>`), "", "bilan atelier", "Avantaprès"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read("bilan_atelier.docx", docxOf(t, tc.body, tc.numbering))
			if err != nil {
				t.Fatal(err)
			}
			if got.Body != tc.want || got.Title != tc.title {
				t.Errorf("got %q (title %q), want %q (title %q)", got.Body, got.Title, tc.want, tc.title)
			}
		})
	}
}
