package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// frontMatter parses the front matter of a Markdown file written by WriteReportMarkdown.
func frontMatter(t *testing.T, s string) (map[string]string, string) {
	t.Helper()
	if !strings.HasPrefix(s, "---\n") {
		t.Fatalf("no front matter: %q", s)
	}
	head, body, ok := strings.Cut(s[4:], "\n---\n")
	if !ok {
		t.Fatalf("front matter not closed: %q", s)
	}
	fields := map[string]string{}
	for line := range strings.SplitSeq(head, "\n") {
		key, raw, _ := strings.Cut(line, ": ")
		var v string
		if err := json.Unmarshal([]byte(raw), &v); err != nil {
			t.Fatalf("field %s: %v", key, err)
		}
		fields[key] = v
	}
	return fields, body
}

func TestWriteReportMarkdown(t *testing.T) {
	r := frenchReport(t)
	r.Meta.Title = "Atelier « berges » : \"guillemets\", deux-points\net retour"
	var buf bytes.Buffer
	if err := WriteReportMarkdown(&buf, r); err != nil {
		t.Fatal(err)
	}
	fields, body := frontMatter(t, buf.String())
	want := map[string]string{
		"title":      "Atelier « berges » : \"guillemets\", deux-points et retour",
		"kind":       "workshop",
		"date":       "2025-06-17",
		"language":   "fr",
		"disclosure": r.Disclosure,
		"generator":  "Rapporteur 0.1.0",
		"organisers": r.Meta.Organisers,
		"exported":   "2026-11-27T14:30:00Z",
	}
	for k, v := range want {
		if fields[k] != v {
			t.Errorf("%s = %q, want %q", k, fields[k], v)
		}
	}
	if !strings.Contains(body, "# Synthèse de l’atelier") || !strings.HasSuffix(body, "\n") {
		t.Errorf("body not kept: %q", body[:min(80, len(body))])
	}
}

func TestWriteReportMarkdownEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteReportMarkdown(&buf, Report{}); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "---\ngenerator: \"Rapporteur\"\n---\n" {
		t.Errorf("got %q", got)
	}
	englishNoDisclosure, _ := frontMatter(t, mdString(t, englishReport(t)))
	if _, ok := englishNoDisclosure["disclosure"]; ok {
		t.Error("an empty disclosure is written")
	}
}

// mdString writes r as Markdown and returns it.
func mdString(t *testing.T, r Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteReportMarkdown(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestSaveReportMarkdown(t *testing.T) {
	path := filepath.Join(t.TempDir(), "compte-rendu.md")
	if err := SaveReportMarkdown(path, frenchReport(t)); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != mdString(t, frenchReport(t)) {
		t.Error("the saved file differs from WriteReportMarkdown's output")
	}
	if err := SaveReportMarkdown(filepath.Join(t.TempDir(), "missing", "x.md"), frenchReport(t)); err == nil {
		t.Error("no error for a missing folder")
	}
}
