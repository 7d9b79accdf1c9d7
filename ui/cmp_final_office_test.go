package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model/imports"
)

// TestFinalReportAsWordAndOpenDocument exports a reviewed variant alone as the dialog does
// when Word or OpenDocument is chosen: the file gets its extension, holds the variant's text,
// and no Markdown is written beside it.
func TestFinalReportAsWordAndOpenDocument(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.OpenExample()
	runWithVariants(t, env, "## Synthèse\n\n- "+inventedText+"\n- Prochaine réunion le 4 juin.")
	v := u.cmp.variants[0]
	r := export.Report{Meta: u.cmp.source.Meta, Markdown: v.Text, Disclosure: u.cmp.disclosure(v), AppVersion: "test"}
	for _, f := range []docFormat{formatDOCX, formatODT} {
		path := filepath.Join(env.dir, "final-"+string(f))
		done := false
		var werr error
		u.writeFinalAs(dialogWriter(t, path), r, f, func(err error) { werr, done = err, true })
		env.q.pumpUntil(t, "final report", func() bool { return done })
		if werr != nil {
			t.Fatal(werr)
		}
		got, err := imports.ReadFile(path + f.extension())
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !strings.Contains(got.Body, "## Synthèse") || !strings.Contains(got.Body, "- Prochaine réunion le 4 juin.") {
			t.Errorf("%s: the final report lacks the variant's text:\n%s", f, got.Body)
		}
		for _, other := range []string{path, path + ".md", path + ".pdf"} {
			if _, err := os.Stat(other); err == nil {
				t.Errorf("%s: %s was written too", f, filepath.Base(other))
			}
		}
	}
}

// TestExportComparisonAsWordAndOpenDocument exports the comparison as the dialog does when
// Word or OpenDocument is chosen: the source and every variant are in the file.
func TestExportComparisonAsWordAndOpenDocument(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	env.u.lib.OpenExample()
	runWithVariants(t, env, inventedText, "## Décisions\n\n1. Étudier un double-sens cyclable.")
	for _, f := range []docFormat{formatDOCX, formatODT} {
		path := filepath.Join(env.dir, "comparaison")
		done := false
		var werr error
		env.u.cmp.exportAs(dialogWriter(t, path), f, func(err error) { werr, done = err, true })
		env.q.pumpUntil(t, "export", func() bool { return done })
		if werr != nil {
			t.Fatal(werr)
		}
		got, err := imports.ReadFile(path + f.extension())
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, want := range []string{"# Texte source", "# Variante 1", "54,5 % des répondant·es", "# Variante 2", "1. Étudier un double-sens cyclable."} {
			if !strings.Contains(got.Body, want) {
				t.Errorf("%s: the comparison lacks %q:\n%s", f, want, got.Body)
			}
		}
	}
}

// TestExportFormatChoice: the choice offers PDF first and selected, then Word and OpenDocument.
func TestExportFormatChoice(t *testing.T) {
	newTestEnv(t, LanguageFrench)
	var picked []docFormat
	c := newFormatChoice("PDF", func(f docFormat) { picked = append(picked, f) })
	if f, ok := c.Value(); !ok || f != formatPDF {
		t.Errorf("selected %q, want pdf", f)
	}
	if got := strings.Join(c.Select.Options, " | "); got != "PDF | Word (.docx) | OpenDocument (.odt, LibreOffice)" {
		t.Errorf("options %s", got)
	}
	c.Set(formatODT)
	if len(picked) != 2 || picked[1] != formatODT {
		t.Errorf("picked %v", picked)
	}
}
