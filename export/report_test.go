package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// frenchReport is the fictional workshop on the banks of the Vire.
func frenchReport(t testing.TB) Report {
	return Report{
		Meta: model.Meta{
			Title:      "Atelier citoyen — réaménagement des berges de la Vire",
			Kind:       model.KindWorkshop,
			Date:       "2025-06-17",
			Place:      "Salle polyvalente, Pont-sur-Vire",
			Organisers: "Ville de Pont-sur-Vire, service démocratie participative",
			Audience:   "Habitant·es, associations et commerçant·es du quartier des berges",
			Language:   model.French,
		},
		Markdown: readFixture(t, "report/report-fr.md"),
		Disclosure: "Texte rédigé avec l’aide de l’IA (mistral:7b), relu par Claire Martin " +
			"le 27/11/2026",
		Exported:   time.Date(2026, 11, 27, 14, 30, 0, 0, time.UTC),
		AppVersion: "0.1.0",
	}
}

// englishReport is the fictional public meeting of Little Hampden.
func englishReport(t testing.TB) Report {
	return Report{
		Meta: model.Meta{
			Title:      "Green Lanes public meeting",
			Kind:       model.KindPublicMeeting,
			Date:       "2026-03-04",
			Place:      "Community hall, Little Hampden",
			Organisers: "Little Hampden Parish Council",
			Audience:   "Residents and local businesses",
			Language:   model.English,
		},
		Markdown:   readFixture(t, "report/report-en.md"),
		Exported:   time.Date(2026, 11, 27, 14, 30, 0, 0, time.UTC),
		AppVersion: "0.1.0",
	}
}

// renderReport writes r as a PDF, validates it and returns its bytes.
func renderReport(t testing.TB, r Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteReportPDF(&buf, r); err != nil {
		t.Fatalf("WriteReportPDF: %v", err)
	}
	validatePDF(t, buf.Bytes())
	return buf.Bytes()
}

// reportText extracts the text of a PDF with pdftotext, skipping the test without it.
func reportText(t *testing.T, data []byte, layout bool) string {
	t.Helper()
	needTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"-enc", "UTF-8", path, "-"}
	if layout {
		args = append([]string{"-layout"}, args...)
	}
	out, err := exec.Command("pdftotext", args...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestReportPDFFrench(t *testing.T) {
	data := renderReport(t, frenchReport(t))
	text := reportText(t, data, false)
	for _, want := range []string{
		"Atelier citoyen", "17 juin 2025", "Organisé par", "Public", "«\u00a0Nous voulons",
		"l’œuvre", "45,5\u00a0%", "1\u202f250\u202f000", "Page 1 sur", "relu par Claire Martin",
		"Principales propositions", "Arbres d’alignement", "plan de prévention des risques",
	} {
		if !strings.Contains(normSpaces(text), normSpaces(want)) {
			t.Errorf("text lacks %q", want)
		}
	}
	checkNoBadLineStart(t, text)
	if !bytes.Contains(data, []byte("https://www.example.org/ppri-vire")) {
		t.Error("the link's URL is not in the PDF")
	}
}

// normSpaces turns the no-break spaces into ordinary ones: pdftotext writes them so.
func normSpaces(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
}

// checkNoBadLineStart fails when a line of text starts with a French closing mark.
func checkNoBadLineStart(t *testing.T, text string) {
	t.Helper()
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimLeft(line, " ")
		for _, bad := range []string{":", ";", "?", "!", "»", "%"} {
			if strings.HasPrefix(line, bad) {
				t.Errorf("line starts with %q: %q", bad, line)
			}
		}
	}
}

func TestReportPDFEnglish(t *testing.T) {
	data := renderReport(t, englishReport(t))
	text := reportText(t, data, false)
	for _, want := range []string{"Green Lanes public meeting", "4 March 2026", "Organised by", "Page 1 of", "Show of hands"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.Contains(text, "Texte rédigé") {
		t.Error("a footer disclosure appears though none was given")
	}
}

func TestReportPDFMetadata(t *testing.T) {
	needTool(t, "pdfinfo")
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := SaveReportPDF(path, frenchReport(t)); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	info := string(out)
	for _, want := range []string{"Atelier citoyen", "Ville de Pont-sur-Vire", "Rapporteur 0.1.0", "A4", "Atelier — 17 juin 2025"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want the PDF only", len(entries))
	}
}

func TestSaveReportPDFNoName(t *testing.T) {
	if err := SaveReportPDF("", frenchReport(t)); err == nil {
		t.Error("no error for an empty file name")
	}
}
