package imports

import "testing"

const odtHead = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0">
<office:automatic-styles>
 <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="T3" style:family="text"><style:text-properties fo:font-weight="700"/></style:style>
 <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>
 <text:list-style style:name="L2"><text:list-level-style-number text:level="1"/></text:list-style>
</office:automatic-styles>
<office:body><office:text><text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>`

const odtTail = `</office:text></office:body></office:document-content>`

const odtManifestPlain = `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`

// odtOf builds an .odt whose office:text holds body.
func odtOf(t testing.TB, body string) []byte {
	t.Helper()
	return zipOf(t,
		part{"mimetype", "application/vnd.oasis.opendocument.text"},
		part{"META-INF/manifest.xml", odtManifestPlain},
		part{"content.xml", odtHead + body + odtTail},
		part{"styles.xml", `<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:master-styles>EN-TÊTE</office:master-styles></office:document-styles>`},
	)
}

func ocell(text string) string {
	return `<table:table-cell office:value-type="string"><text:p>` + text + `</text:p></table:table-cell>`
}

const sampleOdtBody = `<text:p text:style-name="P1">Atelier « Place du marché »</text:p>
<text:h text:outline-level="1">Déroulé de la séance</text:h>
<text:p>Réunion publique à l’école,<text:s/><text:span text:style-name="T1">38 participants</text:span> dont <text:span text:style-name="T2">douze commerçants</text:span>.<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Note secrète</text:p></text:note-body></text:note></text:p>
<text:p/>
<text:h text:outline-level="2">Propositions</text:h>
<text:list text:style-name="L1"><text:list-item><text:p>Végétaliser la place</text:p><text:list><text:list-item><text:p>Planter des tilleuls</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>Créer des bancs</text:p></text:list-item></text:list>
<text:list text:style-name="L2"><text:list-item><text:p>Consulter les riverains</text:p></text:list-item><text:list-item><text:p>Voter en conseil</text:p></text:list-item></text:list>
<table:table table:name="Tableau1"><table:table-column table:number-columns-repeated="2"/>
<table:table-header-rows><table:table-row>` + `<table:table-cell><text:p>Thème</text:p></table:table-cell>` + `<table:table-cell><text:p>Avis</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:p>Stationnement</text:p></table:table-cell><table:table-cell><text:p>Pour | contre</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Marché</text:p></table:table-cell><table:table-cell><text:p>Déplacer le<text:line-break/>mardi</text:p></table:table-cell></table:table-row>
</table:table>
<text:p>Première ligne<text:line-break/>Seconde ligne<text:tab/>après tabulation<office:annotation><text:p>Commentaire</text:p></office:annotation></text:p>
<text:p><draw:frame><draw:text-box><text:p>Cadre</text:p></draw:text-box></draw:frame></text:p>`

func TestReadOdt(t *testing.T) {
	got, err := Read("compte-rendu.odt", odtOf(t, sampleOdtBody))
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != sampleMarkdown {
		t.Errorf("body:\n%s\nwant:\n%s", got.Body, sampleMarkdown)
	}
	if got.Title != "Atelier « Place du marché »" || got.Encoding != EncodingOdt {
		t.Errorf("title %q, encoding %q", got.Title, got.Encoding)
	}
}

func TestReadOdtDetails(t *testing.T) {
	tests := []struct {
		name, body, title, want string
	}{
		{"title from first heading", `<text:h text:outline-level="3">Bilan</text:h><text:p>Fin.</text:p>`, "Bilan", "### Bilan\n\nFin."},
		{"heading without level", `<text:h>Bilan</text:h>`, "Bilan", "# Bilan"},
		{"title from file name", `<text:p>Texte seul.</text:p>`, "bilan atelier", "Texte seul."},
		{"spaces", `<text:p>a<text:s text:c="3"/>b   c` + "\n" + `d</text:p>`, "bilan atelier", "a   b c d"},
		{"huge space count capped", `<text:p>a<text:s text:c="99999999"/>b</text:p>`, "bilan atelier", "a" + spaces(maxSpaces) + "b"},
		{"numeric weight and nested spans", `<text:p><text:span text:style-name="T3">gras <text:span text:style-name="T2">et italique</text:span></text:span></text:p>`, "bilan atelier", "**gras** ***et italique***"},
		{"named emphasis styles", `<text:p><text:span text:style-name="Emphasis">mis en avant</text:span></text:p>`, "bilan atelier", "*mis en avant*"},
		{"second paragraph of an item", `<text:list><text:list-item><text:p>Point</text:p><text:p>suite</text:p></text:list-item></text:list>`, "bilan atelier", "- Point\n  suite"},
		{"list header", `<text:list><text:list-header><text:p>Sans puce</text:p></text:list-header></text:list>`, "bilan atelier", "  Sans puce"},
		{"covered cell", `<table:table><table:table-row>` + ocell("A") + `<table:covered-table-cell/>` + ocell("B") + `</table:table-row></table:table>`, "bilan atelier", "| A |  | B |\n| --- | --- | --- |"},
		{"table of contents skipped", `<text:table-of-content><text:index-body><text:p>Bilan 1</text:p></text:index-body></text:table-of-content><text:p>Corps</text:p>`, "bilan atelier", "Corps"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read("bilan_atelier.odt", odtOf(t, tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if got.Body != tc.want || got.Title != tc.title {
				t.Errorf("got %q (title %q), want %q (title %q)", got.Body, got.Title, tc.want, tc.title)
			}
		})
	}
}

func spaces(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}
