package imports

import (
	"strings"
	"testing"
)

// numberingStarting is a numbering part whose decimal list 3 starts at 4, list 4 shares its
// definition with an override to 10, and list 5 overrides its second level with a w:lvl.
const numberingStarting = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="7"/></w:lvl></w:lvlOverride></w:num>
</w:numbering>`

func TestReadDocxBlocks(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"list starting at its definition's start", wli("3", "0", "Quatrième") + wli("3", "0", "Cinquième"),
			"4. Quatrième\n5. Cinquième"},
		{"start override", wli("4", "0", "Dixième") + wli("4", "0", "Onzième"), "10. Dixième\n11. Onzième"},
		{"numbering goes on after a paragraph", wli("3", "0", "Quatrième") + wp("", wr("", "Entre-temps.")) + wli("3", "0", "Cinquième"),
			"4. Quatrième\n\nEntre-temps.\n\n5. Cinquième"},
		{"deeper level starts again", wli("3", "0", "A") + wli("3", "1", "a") + wli("3", "1", "b") + wli("3", "0", "B") + wli("3", "1", "a"),
			"4. A\n    1. a\n    2. b\n5. B\n    1. a"},
		{"nested list starting elsewhere set apart", wli("5", "0", "Puce") + wli("5", "1", "Septième") + wli("5", "1", "Huitième"),
			"- Puce\n\n    7. Septième\n    8. Huitième"},
		{"quote", wp("Quote", wr("", "« On veut des bancs. »")) + wp("Quote", wr("i", "une habitante")) + wp("", wr("", "Fin.")),
			"> « On veut des bancs. »\n>\n> *une habitante*\n\nFin."},
		{"french and intense quote styles", wp("Citation", wr("", "Un")) + wp("", wr("", "Deux")) + wp("IntenseQuote", wr("", "Trois")) + wp("BlockText", wr("", "Quatre")),
			"> Un\n\nDeux\n\n> Trois\n>\n> Quatre"},
		{"quote with line breaks and a marker", wp("Quote", `<w:r><w:t>- premier</w:t><w:br/><w:t>&gt; second</w:t></w:r>`),
			"> \\- premier\\\n> \\> second"},
		{"inline code style", wp("", wr("", "Lancer "), `<w:r><w:rPr><w:rStyle w:val="VerbatimChar"/></w:rPr><w:t>make *check*</w:t></w:r>`, wr("", " puis")),
			"Lancer `make *check*` puis"},
		{"fixed-pitch font", wp("", `<w:r><w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/></w:rPr><w:t xml:space="preserve"> rapporteur help </w:t></w:r>`),
			"`rapporteur help`"},
		{"backticks in code", wp("", "<w:r><w:rPr><w:rStyle w:val=\"CodeHTML\"/></w:rPr><w:t>a``b`</w:t></w:r>"),
			"``` a``b` ```"},
		{"bold code", wp("", `<w:r><w:rPr><w:rStyle w:val="SourceText"/><w:b/></w:rPr><w:t>x_y</w:t></w:r>`), "**`x_y`**"},
		{"paragraph font is not code", `<w:p><w:pPr><w:rPr><w:rFonts w:ascii="Courier New"/></w:rPr></w:pPr>` + wr("", "Texte") + `</w:p>`, "Texte"},
		{"proportional font is not code", wp("", `<w:r><w:rPr><w:rFonts w:ascii="Monotype Corsiva"/></w:rPr><w:t>Texte</w:t></w:r>`), "Texte"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read("bilan.docx", docxOf(t, tc.body, numberingStarting))
			if err != nil {
				t.Fatal(err)
			}
			if got.Body != tc.want {
				t.Errorf("got  %q\nwant %q", got.Body, tc.want)
			}
		})
	}
}

// odtBlocksOf builds an .odt whose office:text holds body, with fonts and automatic styles
// for the blocks: a list style starting at 3, one numbered at its second level, a quote paragraph style of LibreOffice's, and
// code in a fixed-pitch font or LibreOffice's style.
func odtBlocksOf(t testing.TB, body string) []byte {
	t.Helper()
	head := strings.Replace(odtHead, "<office:automatic-styles>", odtFontsMore+"<office:automatic-styles>"+odtStylesMore, 1)
	return zipOf(t, part{"META-INF/manifest.xml", odtManifestPlain}, part{"content.xml", head + body + odtTail})
}

const odtFontsMore = `<office:font-face-decls><style:font-face style:name="Liberation Mono1" svg:font-family="'Liberation Mono'" style:font-pitch="fixed"/>` +
	`<style:font-face style:name="Mono1" style:font-pitch="fixed"/></office:font-face-decls>`

const odtStylesMore = `<text:list-style style:name="L3"><text:list-level-style-number text:level="1" text:start-value="3"/></text:list-style>` +
	`<text:list-style style:name="L4"><text:list-level-style-bullet text:level="1"/><text:list-level-style-number text:level="2"/></text:list-style>` +
	`<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Quotations"/>` +
	`<style:style style:name="T4" style:family="text"><style:text-properties style:font-name="Mono1"/></style:style>` +
	`<style:style style:name="T5" style:family="text" style:parent-style-name="Source_20_Text"><style:text-properties fo:font-weight="bold"/></style:style>` +
	`<style:style style:name="T6" style:family="text"><style:text-properties fo:font-family="'DejaVu Sans Mono'"/></style:style>`

func TestReadOdtBlocks(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"list style starting at 3", `<text:list text:style-name="L3"><text:list-item><text:p>Trois</text:p></text:list-item><text:list-item><text:p>Quatre</text:p></text:list-item></text:list>`,
			"3. Trois\n4. Quatre"},
		{"item start value", `<text:list text:style-name="L2"><text:list-item text:start-value="12"><text:p>Douze</text:p></text:list-item><text:list-item><text:p>Treize</text:p></text:list-item></text:list>`,
			"12. Douze\n13. Treize"},
		{"numbering continued", `<text:list text:style-name="L2"><text:list-item><text:p>Un</text:p></text:list-item></text:list><text:p>Entre-temps.</text:p>` +
			`<text:list text:style-name="L2" text:continue-numbering="true"><text:list-item><text:p>Deux</text:p></text:list-item></text:list>`,
			"1. Un\n\nEntre-temps.\n\n2. Deux"},
		{"nested list starting elsewhere set apart", `<text:list text:style-name="L1"><text:list-item><text:p>Puce</text:p><text:list text:style-name="L4"><text:list-item text:start-value="5"><text:p>Cinq</text:p></text:list-item></text:list></text:list-item></text:list>`,
			"- Puce\n\n    5. Cinq"},
		{"quote", `<text:p text:style-name="Quotations">« Des bancs. »</text:p><text:p text:style-name="P2">Une habitante</text:p><text:p>Fin.</text:p>`,
			"> « Des bancs. »\n>\n> Une habitante\n\nFin."},
		{"code in a fixed-pitch font", `<text:p>Lancer <text:span text:style-name="T4">make check</text:span> puis <text:span text:style-name="T6">go test</text:span></text:p>`,
			"Lancer `make check` puis `go test`"},
		{"code in LibreOffice's styles", `<text:p><text:span text:style-name="Source_20_Text">a*b</text:span> et <text:span text:style-name="T5">gras</text:span></text:p>`,
			"`a*b` et **`gras`**"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read("bilan.odt", odtBlocksOf(t, tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if got.Body != tc.want {
				t.Errorf("got  %q\nwant %q", got.Body, tc.want)
			}
		})
	}
}

// TestReadOdtFromWord reads what LibreOffice writes for a Word document it converted: list
// styles named in styles.xml, Word's quote and code styles under LibreOffice's names.
func TestReadOdtFromWord(t *testing.T) {
	styles := `<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">` +
		`<office:styles><text:list-style style:name="WWNum1001"><text:list-level-style-number text:level="1" text:start-value="3"/></text:list-style></office:styles>` +
		`<office:automatic-styles><text:list-style style:name="L9"><text:list-level-style-number text:level="1"/></text:list-style></office:automatic-styles>` +
		`<office:master-styles><style:master-page style:name="Standard"/></office:master-styles></office:document-styles>`
	body := `<text:p text:style-name="Block_20_Text">Une citation.</text:p>` +
		`<text:list text:style-name="WWNum1001"><text:list-item><text:p>trois</text:p></text:list-item><text:list-item><text:p>quatre</text:p></text:list-item></text:list>` +
		`<text:p>Lancer <text:span text:style-name="Verbatim_20_Char">make check</text:span> ou <text:span text:style-name="Source_Text">go test</text:span>.</text:p>` +
		`<text:list text:style-name="L9"><text:list-item><text:p>puce</text:p></text:list-item></text:list>`
	data := zipOf(t, part{"META-INF/manifest.xml", odtManifestPlain}, part{"content.xml", odtHead + body + odtTail}, part{"styles.xml", styles})
	got, err := Read("bilan.odt", data)
	if err != nil {
		t.Fatal(err)
	}
	want := "> Une citation.\n\n3. trois\n4. quatre\n\nLancer `make check` ou `go test`.\n\n- puce"
	if got.Body != want {
		t.Errorf("got  %q\nwant %q", got.Body, want)
	}
}
