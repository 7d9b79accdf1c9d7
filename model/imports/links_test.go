package imports

import (
	"fmt"
	"strings"
	"testing"
)

const relsHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`

// rel is a hyperlink relationship to target, opening outside the document unless internal.
func rel(id, target string, external bool) string {
	mode := ` TargetMode="External"`
	if !external {
		mode = ""
	}
	return `<Relationship Id="` + id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="` +
		target + `"` + mode + `/>`
}

// sampleRels are the hyperlinks of the fictional Place du marché documents.
var sampleRels = relsHead +
	rel("rId7", "https://lyse.example.fr/marche/plan.pdf", true) +
	rel("rId8", "mailto:concertation@lyse.example.fr", true) +
	rel("rId9", "https://lyse.example.fr/marche", true) +
	rel("rId10", "javascript:alert(1)", true) +
	rel("rId11", `\\serveur\partage\plan.docx`, true) +
	rel("rId12", "https://lyse.example.fr/interne", false) +
	rel("rId13", "https://fr.example.org/wiki/Place_(Lyse)?a=1&amp;copy;=2", true) +
	rel("rId14", "https://lyse.example.fr/réunion publique", true) +
	`</Relationships>`

// docxLinked builds a .docx whose body holds the WordprocessingML body and whose document
// relationships are rels.
func docxLinked(t testing.TB, body, rels string) []byte {
	t.Helper()
	return zipOf(t, part{"word/document.xml", docxHead + body + docxTail}, part{"word/_rels/document.xml.rels", rels})
}

// whl is a w:hyperlink with the relationship id (none when "") around runs.
func whl(id string, runs ...string) string {
	if id == "" {
		return `<w:hyperlink w:anchor="_Toc1">` + strings.Join(runs, "") + `</w:hyperlink>`
	}
	return `<w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="` + id + `">` +
		strings.Join(runs, "") + `</w:hyperlink>`
}

// wfield is a complex field: its instruction and its result's runs.
func wfield(instr string, runs ...string) string {
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">` + instr +
		`</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + strings.Join(runs, "") +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

func TestReadDocxLinks(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"named link", wp("", wr("", "Voir "), whl("rId7", wr("", "le plan")), wr("", " affiché.")),
			"Voir [le plan](https://lyse.example.fr/marche/plan.pdf) affiché."},
		{"spaces stay outside", wp("", wr("", "Voir"), whl("rId7", wr("", " le plan ")), wr("", "affiché.")),
			"Voir [le plan](https://lyse.example.fr/marche/plan.pdf) affiché."},
		{"e-mail shown as itself", wp("", wr("", "Écrire à "), whl("rId8", wr("", "concertation@lyse.example.fr")), wr("", ".")),
			"Écrire à <concertation@lyse.example.fr>."},
		{"address shown as itself", wp("", whl("rId9", wr("", "https://lyse.example.fr/marche"))),
			"<https://lyse.example.fr/marche>"},
		{"emphasis inside", wp("", whl("rId7", wr("b", "plan"), wr("", " de la place"))),
			"[**plan** de la place](https://lyse.example.fr/marche/plan.pdf)"},
		{"brackets escaped", wp("", whl("rId7", wr("", "plan [version 2]"))),
			`[plan \[version 2\]](https://lyse.example.fr/marche/plan.pdf)`},
		{"text makes no link", wp("", wr("", "[rires](inaudible) puis [note]: annexe")), `[rires\](inaudible) puis [note\]: annexe`},
		{"not an image", wp("", wr("", "Enfin !"), whl("rId9", wr("", "le site"))),
			`Enfin \![le site](https://lyse.example.fr/marche)`},
		{"parentheses and references escaped", wp("", whl("rId13", wr("", "la place"))),
			`[la place](https://fr.example.org/wiki/Place_\(Lyse\)?a=1\&copy;=2)`},
		{"non-ASCII target encoded", wp("", whl("rId14", wr("", "la réunion"))),
			"[la réunion](https://lyse.example.fr/r%C3%A9union%20publique)"},
		{"script keeps its text", wp("", whl("rId10", wr("", "cliquer"))), "cliquer"},
		{"network share keeps its text", wp("", whl("rId11", wr("", "le partage"))), "le partage"},
		{"internal relationship keeps its text", wp("", whl("rId12", wr("", "ici"))), "ici"},
		{"bookmark keeps its text", wp("", whl("", wr("", "Déroulé"))), "Déroulé"},
		{"unknown relationship keeps its text", wp("", whl("rId99", wr("", "ailleurs"))), "ailleurs"},
		{"link in a heading", wp("Heading2", whl("rId9", wr("", "Le projet"))), "## [Le projet](https://lyse.example.fr/marche)"},
		{"link in a table", "<w:tbl><w:tr><w:tc>" + wp("", whl("rId7", wr("", "Plan"))) + "</w:tc></w:tr></w:tbl>",
			"| [Plan](https://lyse.example.fr/marche/plan.pdf) |\n| --- |"},
		{"link cut by its paragraph's end", wp("", whl("rId9", wr("", "un"))) + wp("", wr("", "deux")),
			"[un](https://lyse.example.fr/marche)\n\ndeux"},
		{"simple field", wp("", wr("", "Voir "), `<w:fldSimple w:instr=" HYPERLINK &quot;https://lyse.example.fr/marche&quot; ">`+wr("", "le projet")+`</w:fldSimple>`),
			"Voir [le projet](https://lyse.example.fr/marche)"},
		{"complex field", wp("", wfield(` HYPERLINK "https://lyse.example.fr/marche" \o "Infobulle" `, wr("i", "le projet")), wr("", " et la suite")),
			"[*le projet*](https://lyse.example.fr/marche) et la suite"},
		{"field instruction unquoted", wp("", wfield(`HYPERLINK mailto:concertation@lyse.example.fr`, wr("", "écrire"))),
			"[écrire](mailto:concertation@lyse.example.fr)"},
		{"field to a bookmark", wp("", wfield(`HYPERLINK \l "_Toc1"`, wr("", "Déroulé"))), "Déroulé"},
		{"field to a script", wp("", wfield(`HYPERLINK "javascript:alert(1)"`, wr("", "cliquer"))), "cliquer"},
		{"page field kept as text", wp("", wr("", "Page "), wfield(`PAGE`, wr("", "3"))), "Page 3"},
		{"field in a field", wp("", wfield(`HYPERLINK "https://lyse.example.fr/marche"`, wr("", "le "), wfield(`PAGE`, wr("", "3")), wr("", " projet"))),
			"[le 3 projet](https://lyse.example.fr/marche)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read("bilan.docx", docxLinked(t, tc.body, sampleRels))
			if err != nil {
				t.Fatal(err)
			}
			if got.Body != tc.want {
				t.Errorf("got  %q\nwant %q", got.Body, tc.want)
			}
		})
	}
}

func TestReadOdtLinks(t *testing.T) {
	a := func(href, inner string) string {
		return `<text:a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:type="simple" xlink:href="` + href + `">` + inner + `</text:a>`
	}
	tests := []struct{ name, body, want string }{
		{"named link", `<text:p>Voir ` + a("https://lyse.example.fr/marche/plan.pdf", "le plan") + ` affiché.</text:p>`,
			"Voir [le plan](https://lyse.example.fr/marche/plan.pdf) affiché."},
		{"e-mail shown as itself", `<text:p>` + a("mailto:concertation@lyse.example.fr", "concertation@lyse.example.fr") + `</text:p>`,
			"<concertation@lyse.example.fr>"},
		{"address Markdown would not read as one", `<text:p>` + a("mailto:equipe@-lyse.example.fr", "equipe@-lyse.example.fr") + `</text:p>`,
			"[equipe@-lyse.example.fr](mailto:equipe@-lyse.example.fr)"},
		{"bold inside", `<text:p>` + a("https://lyse.example.fr/marche", `<text:span text:style-name="T1">le projet</text:span>`) + `</text:p>`,
			"[**le projet**](https://lyse.example.fr/marche)"},
		{"relative target keeps its text", `<text:p>` + a("../plan.odt", "le plan") + `</text:p>`, "le plan"},
		{"bookmark keeps its text", `<text:p>` + a("#Déroulé", "Déroulé") + `</text:p>`, "Déroulé"},
		{"script keeps its text", `<text:p>` + a("javascript:alert(1)", "cliquer") + `</text:p>`, "cliquer"},
		{"link around a frame is not the text's", `<text:p>Avant <draw:a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="https://lyse.example.fr"><draw:frame/></draw:a>après</text:p>`,
			"Avant après"},
		{"link in a list item", `<text:list><text:list-item><text:p>` + a("https://lyse.example.fr/marche", "Projet") + `</text:p></text:list-item></text:list>`,
			"- [Projet](https://lyse.example.fr/marche)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read("bilan.odt", odtOf(t, tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if got.Body != tc.want {
				t.Errorf("got  %q\nwant %q", got.Body, tc.want)
			}
		})
	}
}

// TestLinkTarget: the rule is export.LinkTarget's, with a bound on the length.
func TestLinkTarget(t *testing.T) {
	long := "https://lyse.example.fr/" + strings.Repeat("a", maxLinkLen)
	for raw, want := range map[string]string{
		"https://lyse.example.fr/a b": "https://lyse.example.fr/a%20b",
		" HTTP://lyse.example.fr ":    "HTTP://lyse.example.fr",
		"mailto:equipe@lyse.example":  "mailto:equipe@lyse.example",
		"mailto:":                     "",
		"https:///sans-hote":          "",
		"ftp://lyse.example.fr/x":     "",
		"file:///etc/passwd":          "",
		"data:text/html,<b>x</b>":     "",
		"/relatif":                    "",
		long:                          "",
		long[:maxLinkLen]:             long[:maxLinkLen],
		"https://lyse.example.fr/é":   "https://lyse.example.fr/%C3%A9",
	} {
		if got := linkTarget(raw); got != want {
			t.Errorf("linkTarget(%.40q) = %.40q, want %.40q", raw, got, want)
		}
	}
}

// TestHostileLinks: many relationships, deep fields and long instructions stay bounded.
func TestHostileLinks(t *testing.T) {
	var rels strings.Builder
	rels.WriteString(relsHead)
	for i := range maxRels + 10 {
		rels.WriteString(rel(fmt.Sprintf("r%d", i), "https://lyse.example.fr/", true))
	}
	rels.WriteString(`</Relationships>`)
	var deep strings.Builder
	for range maxFields + 5 {
		deep.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`)
	}
	deep.WriteString(`<w:r><w:instrText>HYPERLINK "https://lyse.example.fr/` + strings.Repeat("x", 2*maxInstr) + `"</w:instrText></w:r>`)
	deep.WriteString(`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + wr("", "profond"))
	for range maxFields + 5 {
		deep.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
	}
	// Word cuts an instruction into runs: one too long is dropped whole, not cut short.
	long := wfield(`HYPERLINK "https://lyse.example.fr/</w:instrText></w:r><w:r><w:instrText>`+strings.Repeat("y", maxInstr)+`"`, wr("", "trop long"))
	body := wp("", long) + wp("", whl("r0", wr("", "premier"))) + wp("", whl(fmt.Sprintf("r%d", maxRels+5), wr("", "au-delà"))) +
		wp("", deep.String()) + wp("", wr("", "fin"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
	got, err := Read("bilan.docx", docxLinked(t, body, rels.String()))
	if err != nil {
		t.Fatal(err)
	}
	want := "trop long\n\n[premier](https://lyse.example.fr/)\n\nau-delà\n\nprofond\n\nfin"
	if got.Body != want {
		t.Errorf("got  %q\nwant %q", got.Body, want)
	}
}
