package export

import (
	"strings"
	"testing"
)

// convertedHTML is a variant as a .docx conversion leaves it, with inline HTML.
const convertedHTML = "<u>Ordre du jour</u><br>Rénovation de la halle<br/>\n\n" +
	"La <b>Mairie</b> a présenté le <i>calendrier</i>&nbsp;: travaux au 1<sup>er</sup> trimestre.<br />\n" +
	"<span style=\"color:#c00\">Point sensible</span> : le stationnement.\n\n" +
	"- rappel : si a < b, la règle s'applique\n"

func TestInlineHTMLNotPrinted(t *testing.T) {
	c := frenchComparison(t)
	c.Variants[0].Text = convertedHTML
	c.Source.Body += "\n\nAnnexe<br>fin de la <strong>source</strong>.\n"
	c.Options.SourceFacts = false
	text := normalise(pdfText(t, render(t, c)))
	for _, raw := range []string{"<u>", "</u>", "<br", "&nbsp;", "<sup>", "<span", "<b>", "<i>", "<strong>"} {
		if strings.Contains(text, raw) {
			t.Errorf("the PDF prints %q", raw)
		}
	}
	for _, want := range []string{"Ordre du jour", "Mairie", "calendrier : travaux au 1er trimestre",
		"Point sensible", "si a < b"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}

	r := frenchReport(t)
	r.Markdown = convertedHTML
	data := renderReport(t, r)
	rtext := normSpaces(reportText(t, data, false))
	for _, raw := range []string{"<u>", "<br", "&nbsp;", "<span", "<b>"} {
		if strings.Contains(rtext, raw) {
			t.Errorf("the report prints %q", raw)
		}
	}
	if !strings.Contains(rtext, normSpaces("calendrier : travaux au 1er trimestre")) {
		t.Errorf("the report lacks its text:\n%s", rtext)
	}
}
