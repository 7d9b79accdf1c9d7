package office

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/imports"
)

var formats = []Format{DOCX, ODT}

// fixture returns the content of a file under testdata.
func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// exported is the moment of export of every test document.
var exported = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)

// frenchReport is the fictional Tanneurs workshop, with every metadata field.
func frenchReport(t testing.TB) export.Report {
	return export.Report{
		Meta: model.Meta{Title: "Atelier « Mobilités douces » — Quartier des Tanneurs", Kind: model.KindWorkshop,
			Date: "2026-03-12", Place: "Maison de quartier des Tanneurs", Organisers: "Ville de Lyse, service mobilités",
			Audience: "Habitant·es du quartier", Language: model.French},
		Markdown:   fixture(t, "atelier-mobilites.md"),
		Disclosure: "Texte rédigé avec l’aide de l’IA (mistral:7b), relu par Claire Martin le 13/03/2026.",
		Exported:   exported, AppVersion: "1.4.0",
	}
}

// englishReport is the fictional North Ward webinar.
func englishReport(t testing.TB) export.Report {
	return export.Report{
		Meta: model.Meta{Title: "Participatory budget webinar — North Ward", Kind: model.KindWebinar, Date: "2026-02-03",
			Organisers: "North Ward council", Language: model.English},
		Markdown:   fixture(t, "webinar-budget.md"),
		Disclosure: "Text written with the help of AI (llama3.1:8b) from the report of the session. Not reviewed yet.",
		Exported:   exported, AppVersion: "1.4.0",
	}
}

// bodyOnly is a report with nothing but a title and md, whose round trip is "# title" then md.
func bodyOnly(md string) export.Report {
	return export.Report{Meta: model.Meta{Title: "Compte-rendu", Language: model.French}, Markdown: md, AppVersion: "1.4.0"}
}

// render writes r in format f and returns the file's bytes.
func render(t testing.TB, f Format, r export.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteReport(&buf, f, r); err != nil {
		t.Fatalf("WriteReport %s: %v", f, err)
	}
	return buf.Bytes()
}

// renderComparison writes c in format f and returns the file's bytes.
func renderComparison(t testing.TB, f Format, c export.Comparison) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteComparison(&buf, f, c); err != nil {
		t.Fatalf("WriteComparison %s: %v", f, err)
	}
	return buf.Bytes()
}

// reimport reads a written document back with Rapporteur's importer and returns its Markdown.
func reimport(t testing.TB, f Format, data []byte) string {
	t.Helper()
	got, err := imports.Read("doc"+f.Extension(), data)
	if err != nil {
		t.Fatalf("import of the %s: %v", f, err)
	}
	return got.Body
}

// parts returns the files of a zip archive by name, in order.
func parts(t testing.TB, data []byte) (map[string]string, []string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip archive: %v", err)
	}
	out := map[string]string{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(b)
		names = append(names, f.Name)
	}
	return out, names
}

// wellFormed fails the test unless every XML part of the archive is well-formed XML.
func wellFormed(t testing.TB, data []byte) {
	t.Helper()
	ps, names := parts(t, data)
	for _, name := range names {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		d := xml.NewDecoder(strings.NewReader(ps[name]))
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", name, err)
			}
		}
	}
}

var htmlOut = goldmark.New(goldmark.WithExtensions(extension.GFM))

var blanks = regexp.MustCompile(`\s+`)

// html renders Markdown to HTML with white space collapsed: two Markdown texts that give the
// same HTML have the same headings, lists, emphasis, tables and links.
func html(t testing.TB, md string) string {
	t.Helper()
	var b bytes.Buffer
	if err := htmlOut.Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(blanks.ReplaceAllString(b.String(), " "))
}

// sameMarkdown fails the test unless got and want are the same document.
func sameMarkdown(t testing.TB, what string, got, want string) {
	t.Helper()
	if g, w := html(t, got), html(t, want); g != w {
		t.Errorf("%s: the round trip changed the document\ngot Markdown:\n%s\ngot:  %s\nwant: %s", what, got, g, w)
	}
}
