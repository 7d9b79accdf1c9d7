package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model/imports"
)

func TestRender(t *testing.T) {
	dir := t.TempDir()
	pdf, md := filepath.Join(dir, "cr.pdf"), filepath.Join(dir, "cr.md")
	code, _, stderr := run(t, "render", samplePath, "--pdf", pdf, "--md", md, "--disclosure", "Texte relu par Claire Martin")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("pdf: %v", err)
	}
	if text, err := os.ReadFile(md); err != nil || !strings.Contains(string(text), "Saint-Aubin-sur-Lys") {
		t.Fatalf("markdown: %v", err)
	}
	out, err := exec.Command(pdftotext(t), pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Contexte et objectifs", "45,5", "Texte relu par Claire Martin"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if code, _, _ := run(t, "render", samplePath); code != 2 {
		t.Errorf("render without an output: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "render", filepath.Join(dir, "absent.md"), "--pdf", pdf); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}

// TestRenderWordAndOpenDocument writes the report as .docx and .odt beside the PDF: both hold
// the report's headings and the disclosure, and Rapporteur imports them back.
func TestRenderWordAndOpenDocument(t *testing.T) {
	dir := t.TempDir()
	docx, odt := filepath.Join(dir, "cr.docx"), filepath.Join(dir, "cr.odt")
	code, _, stderr := run(t, "render", samplePath, "--docx", docx, "--odt", odt, "--disclosure", "Texte relu par Claire Martin")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, path := range []string{docx, odt} {
		got, err := imports.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !strings.Contains(got.Body, "## Contexte et objectifs") || !strings.Contains(got.Body, "45,5") {
			t.Errorf("%s lacks the report's text:\n%s", path, got.Body)
		}
		data, err := os.ReadFile(path)
		if err != nil || !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			t.Fatalf("%s: %v", path, err)
		}
	}
	if code, _, _ := run(t, "render", samplePath, "--docx", docx, "--odt", docx); code != 2 {
		t.Errorf("two formats to one file: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "render", samplePath, "--odt", filepath.Join(dir, "absent", "cr.odt")); code != 1 {
		t.Errorf("a folder that does not exist: exit %d, want 1", code)
	}
}
