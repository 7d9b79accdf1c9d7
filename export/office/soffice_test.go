package office

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/export/internal/pdftest"
	"github.com/rapporteur/rapporteur/model"
)

// longReport is the Tanneurs workshop followed by enough text to fill three pages, so that the
// footer is seen on more than one.
func longReport(t testing.TB) export.Report {
	r := frenchReport(t)
	var b strings.Builder
	b.WriteString(r.Markdown + "\n\n## Annexe : verbatims\n\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&b, "Verbatim %d : « La rue Pasteur est dangereuse aux heures de sortie d’école, il faut un aménagement "+
			"avant la rentrée ; les commerçant·es demandent des places de livraison. »\n\n", i)
	}
	r.Markdown = b.String()
	return r
}

// officeDoc is a document LibreOffice converts, and what its PDF must show.
type officeDoc struct {
	name      string
	data      []byte
	footer    string   // on every page
	page      string   // "Page %d sur %d"
	outline   []string // the PDF's bookmarks, from the headings
	text      []string // in the text, spaces normalised
	lang      string   // the PDF's language, from the document's
	minPages  int
	landscape bool
}

// TestLibreOfficeOpensThem converts the final report and the comparison, in both formats, to
// PDF with LibreOffice (one start for all) and checks what a reader of Word or Writer sees:
// the text, the headings as the document's outline, lists numbered by the word processor,
// tables, the language, and the disclosure and the page number in the footer of every page.
// With RAPPORTEUR_OFFICE_LOOK set to a folder, the PDFs and a PNG of every page are left
// there to be looked at.
func TestLibreOfficeOpensThem(t *testing.T) {
	soffice := needTool(t, "soffice", "libreoffice-writer-nogui")
	needTool(t, "pdftotext", "poppler-utils")
	dir := t.TempDir()
	if look := os.Getenv("RAPPORTEUR_OFFICE_LOOK"); look != "" {
		dir = look
	}
	frOutline := []string{"Participant·es et organisation", "Déroulé", "Ce qui a été dit", "  Chiffres clés", "Annexe : verbatims"}
	frText := []string{"1. Accueil et tour de table", "– groupe A : pistes cyclables", "◦ arceaux vélo", "5. Prochaine étape",
		"• un double-sens cyclable rue Pasteur", "Date 12 mars 2026", "Double-sens cyclable 24 haute", "Salle : maison de quartier"}
	frFooter := "Texte rédigé avec l’aide de l’IA (mistral:7b), relu par Claire Martin le 13/03/2026."
	cmpOutline := []string{"Variants", "Use of artificial intelligence", "Summary of the measures", "Source text — revision 3",
		"  Atelier « Mobilités douces » — Quartier des Tanneurs", "    Participant·es et organisation", "    Déroulé",
		"    Ce qui a été dit", "      Chiffres clés", "Variant 1 — Short summary (built-in engine)",
		"Variant 2 — Key points (mistral:7b)", "  Points clés", "Variant 3 — decisions (qwen3:8b)", "  Décisions"}
	docs := []officeDoc{
		{name: "report-fr-docx.docx", data: render(t, DOCX, longReport(t)), footer: frFooter, page: "Page %d sur %d",
			outline: frOutline, text: frText, lang: "fr-FR", minPages: 3},
		{name: "report-fr-odt.odt", data: render(t, ODT, longReport(t)), footer: frFooter, page: "Page %d sur %d",
			outline: frOutline, text: frText, lang: "fr-FR", minPages: 3},
		{name: "comparison-en-docx.docx", data: renderComparison(t, DOCX, comparison(t, model.English)), lang: "fr-FR",
			footer: "AI-generated variants — review before publication", page: "Page %d of %d", outline: cmpOutline,
			text: []string{"Variant 2 mistral:7b Key points done", "• Double-sens cyclable rue Pasteur : 24 votes"}, minPages: 2, landscape: true},
		{name: "comparison-en-odt.odt", data: renderComparison(t, ODT, comparison(t, model.English)), lang: "fr-FR",
			footer: "AI-generated variants — review before publication", page: "Page %d of %d", outline: cmpOutline,
			text: []string{"Variant 2 mistral:7b Key points done", "• Double-sens cyclable rue Pasteur : 24 votes"}, minPages: 2, landscape: true},
		{name: "report-en-odt.odt", data: render(t, ODT, englishReport(t)), lang: "en-GB", page: "Page %d of %d",
			footer:  "Text written with the help of AI (llama3.1:8b) from the report of the session. Not reviewed yet.",
			outline: []string{"Speakers", "What residents asked for"},
			text:    []string{"2. More benches in Alder Park", "1. shaded ones, by the playground", "Crossings 48,000 27"}, minPages: 1},
	}
	args := []string{"-env:UserInstallation=file://" + filepath.Join(t.TempDir(), "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir}
	for _, d := range docs {
		args = append(args, writeFile(t, dir, d.name, d.data))
	}
	runTool(t, 3*time.Minute, soffice, args...)
	for _, d := range docs {
		t.Run(d.name, func(t *testing.T) {
			checkConverted(t, filepath.Join(dir, strings.TrimSuffix(d.name, filepath.Ext(d.name))+".pdf"), d)
		})
	}
}

// checkConverted checks one PDF LibreOffice wrote.
func checkConverted(t *testing.T, path string, d officeDoc) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("LibreOffice did not convert %s: %v", d.name, err)
	}
	pages := strings.Count(runTool(t, time.Minute, "pdftotext", path, "-"), "\f")
	if pages < d.minPages {
		t.Errorf("%d pages, want at least %d", pages, d.minPages)
	}
	for p := 1; p <= pages; p++ {
		text := normalise(runTool(t, time.Minute, "pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), path, "-"))
		for _, want := range []string{d.footer, fmt.Sprintf(d.page, p, pages)} {
			if !strings.Contains(text, want) {
				t.Errorf("page %d lacks %q in its footer:\n%s", p, want, text)
			}
		}
	}
	text := normalise(runTool(t, time.Minute, "pdftotext", "-layout", path, "-"))
	for _, want := range d.text {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if got, want := strings.Join(pdftest.Bookmarks(t, data), "\n"), strings.Join(d.outline, "\n"); !strings.Contains(got, want) {
		t.Errorf("the outline:\n%s\nwant it to hold:\n%s", got, want)
	}
	if !bytes.Contains(data, []byte("/Lang("+d.lang+")")) {
		t.Errorf("the PDF is not marked as written in %s", d.lang)
	}
	if landscape := bytes.Contains(data, []byte("/MediaBox[0 0 841.8")); landscape != d.landscape {
		t.Errorf("landscape %v, want %v", landscape, d.landscape)
	}
	if look := os.Getenv("RAPPORTEUR_OFFICE_LOOK"); look != "" {
		out, err := exec.Command("pdftoppm", "-png", "-r", "60", path, strings.TrimSuffix(path, ".pdf")).CombinedOutput()
		if err != nil {
			t.Errorf("pdftoppm: %v\n%s", err, out)
		}
	}
}

var spaces = regexp.MustCompile(`[\s\x{00A0}\x{202F}\x{2009}]+`)

// normalise collapses every run of spaces, no-break spaces and newlines into one space.
func normalise(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }
