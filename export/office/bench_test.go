package office

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// tenThousandWords is the Tanneurs workshop repeated, each copy under a heading of its own,
// until it is about 10,000 words long: headings, nested lists, a table, a quote, links and
// code in every section.
func tenThousandWords(b testing.TB) string {
	body := frenchReport(b).Markdown
	var md strings.Builder
	for i := 1; len(strings.Fields(md.String())) < 10_000; i++ {
		fmt.Fprintf(&md, "# Séance %d\n\n%s\n\n", i, body)
	}
	return md.String()
}

// BenchmarkReport writes a report of about 10,000 words in each format.
func BenchmarkReport(b *testing.B) {
	r := frenchReport(b)
	r.Markdown = tenThousandWords(b)
	if n := len(strings.Fields(r.Markdown)); n < 10_000 || n > 10_400 {
		b.Fatalf("%d words, want about 10,000", n)
	}
	for _, f := range formats {
		b.Run(string(f), func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := WriteReport(&buf, f, r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len())/1024, "KiB")
		})
	}
}
