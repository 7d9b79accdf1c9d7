package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// WriteReportMarkdown writes r's Markdown with a small YAML front matter (title, kind,
// date, place, organisers, audience, language, disclosure, generator) so that the file
// stands alone. Values are written as double-quoted YAML strings; empty fields are left
// out. The text is normalised to NFC and ends with a newline.
func WriteReportMarkdown(w io.Writer, r Report) error {
	bw := bufio.NewWriter(w)
	m := r.Meta
	fields := []struct{ key, value string }{
		{"title", m.Title},
		{"kind", string(m.Kind)},
		{"date", m.Date},
		{"place", m.Place},
		{"organisers", m.Organisers},
		{"audience", m.Audience},
		{"language", string(m.Language)},
		{"disclosure", r.Disclosure},
		{"generator", strings.TrimSpace("Rapporteur " + r.AppVersion)},
	}
	if !r.Exported.IsZero() {
		fields = append(fields, struct{ key, value string }{"exported", r.Exported.Format("2006-01-02T15:04:05Z07:00")})
	}
	fmt.Fprintln(bw, "---")
	for _, f := range fields {
		v := oneLine(f.value)
		if v == "" {
			continue
		}
		fmt.Fprintf(bw, "%s: %s\n", f.key, yamlQuote(v))
	}
	fmt.Fprintln(bw, "---")
	body := strings.TrimSpace(norm.NFC.String(strings.ReplaceAll(r.Markdown, "\r\n", "\n")))
	if body != "" {
		fmt.Fprintf(bw, "\n%s\n", body)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: write markdown: %w", err)
	}
	return nil
}

// SaveReportMarkdown writes r as a Markdown file at path, through a temporary file in the
// same directory renamed over path once complete.
func SaveReportMarkdown(path string, r Report) error {
	return SaveFile(path, func(w io.Writer) error { return WriteReportMarkdown(w, r) })
}

// oneLine joins the lines of a field and trims it.
func oneLine(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// yamlQuote writes s as a YAML double-quoted scalar. A JSON string is one, as long as it
// holds no character YAML forbids unescaped: JSON escapes every control character, and
// HTML escaping is turned off so that « < > & » stay readable.
func yamlQuote(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}
