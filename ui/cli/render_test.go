package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
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
