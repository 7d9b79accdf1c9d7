package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

const samplePath = "../../assets/samples/atelier-place-du-marche.md"

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, "test", &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestPresets(t *testing.T) {
	code, out, _ := run(t, "presets")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(model.BuiltinPresets()) {
		t.Fatalf("%d lines for %d presets", len(lines), len(model.BuiltinPresets()))
	}
	for _, line := range lines {
		id, name, ok := strings.Cut(line, "\t")
		if !ok || id == "" || strings.ContainsAny(id, " \t") || name == "" {
			t.Errorf("bad line %q", line)
		}
	}
	if code, _, _ := run(t, "presets", "extra"); code != 2 {
		t.Errorf("presets with an argument: exit %d, want 2", code)
	}
}

func TestCompareWritesJSONAndPDF(t *testing.T) {
	dir := t.TempDir()
	js, pdf := filepath.Join(dir, "out.json"), filepath.Join(dir, "out.pdf")
	code, _, stderr := run(t, "compare", "--source", samplePath, "--json", js, "--pdf", pdf)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkJSON(t, js)
	checkPDF(t, pdf)
}

// checkJSON checks the document has the documented shape: source, then variants with their
// id, engine, model, preset, status, text, error and stats.
func checkJSON(t *testing.T, path string) {
	t.Helper()
	var doc struct {
		Source struct {
			Title, Text string
		} `json:"source"`
		Variants []map[string]any `json:"variants"`
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Source.Title, "place du Marché") || !strings.Contains(doc.Source.Text, "Saint-Aubin") {
		t.Errorf("source = %q", doc.Source.Title)
	}
	if len(doc.Variants) != len(model.BuiltinEnginePresets()) {
		t.Fatalf("%d variants", len(doc.Variants))
	}
	for _, v := range doc.Variants {
		for _, field := range []string{"id", "engine", "preset", "status", "text", "error", "stats"} {
			if _, ok := v[field]; !ok {
				t.Errorf("variant lacks %q: %v", field, v)
			}
		}
		if v["status"] != "done" || v["engine"] != "builtin" || v["text"] == "" {
			t.Errorf("variant %v", v)
		}
	}
}

// pdftotext is the path of poppler's pdftotext; the test fails without it (make test installs
// poppler-utils), so that the PDF's text is always checked.
func pdftotext(t *testing.T) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils, installed by make test) is needed to read the PDF: %v", err)
	}
	return tool
}

// checkPDF checks the file is a PDF whose text holds the report.
func checkPDF(t *testing.T, path string) {
	t.Helper()
	head, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(head, []byte("%PDF-")) {
		t.Fatalf("pdf: %v", err)
	}
	txt, err := exec.Command(pdftotext(t), path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(txt), "Saint-Aubin-sur-Lys") {
		t.Error("the PDF text does not contain the report")
	}
}

// TestCompareFailedVariantStillWrites asks for a preset the built-in engine cannot write:
// exit status 1, and the JSON still holds the variants that succeeded.
func TestCompareFailedVariantStillWrites(t *testing.T) {
	js := filepath.Join(t.TempDir(), "out.json")
	code, _, stderr := run(t, "compare", "--source", samplePath, "--presets", "points-cles,compte-rendu-detaille", "--json", js)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, stderr)
	}
	var doc Document
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Variants) != 2 || doc.Variants[0].Status != model.StatusDone || doc.Variants[1].Status != model.StatusFailed {
		t.Fatalf("variants %+v", doc.Variants)
	}
	if doc.Variants[1].Error == "" || doc.Variants[1].ErrorCode != "unsupported-preset" {
		t.Errorf("failure not explained: %q %q", doc.Variants[1].Error, doc.Variants[1].ErrorCode)
	}
}

func TestCompareBadUsageAndFiles(t *testing.T) {
	dir := t.TempDir()
	binary := filepath.Join(dir, "image.txt")
	if err := os.WriteFile(binary, []byte("%PDF-1.7\n\x00\x01"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no source", []string{"compare"}, 2, "--source"},
		{"unknown flag", []string{"compare", "--colour", "red"}, 2, "colour"},
		{"unknown engine", []string{"compare", "--source", samplePath, "--engine", "cloud"}, 2, "cloud"},
		{"unknown preset", []string{"compare", "--source", samplePath, "--presets", "haiku"}, 2, "haiku"},
		{"bad lang", []string{"compare", "--source", samplePath, "--lang", "de"}, 2, "--lang"},
		{"stray argument", []string{"compare", "--source", samplePath, "extra"}, 2, "extra"},
		{"missing file", []string{"compare", "--source", filepath.Join(dir, "absent.md")}, 1, "absent.md"},
		{"binary file", []string{"compare", "--source", binary}, 1, "image.txt"},
		{"unwritable output", []string{"compare", "--source", samplePath, "--json", filepath.Join(dir, "no", "such", "dir.json")}, 1, "dir.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (%s)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.msg) {
				t.Errorf("stderr %q does not mention %q", stderr, tt.msg)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "en")
	for _, args := range [][]string{{"help"}, {"--help"}, {}} {
		code, out, _ := run(t, args...)
		if code != 0 || !strings.Contains(out, "rapporteur compare") || !strings.Contains(out, "Exit status: 0 when everything asked was done; 1 when something failed") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
	if !IsCommand("compare") || !IsCommand("-h") || IsCommand("--workspace") {
		t.Error("IsCommand")
	}
}
