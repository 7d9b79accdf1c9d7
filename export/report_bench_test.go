package export

import (
	"bytes"
	"strings"
	"testing"
)

// BenchmarkReportPDF writes a report of about 10,000 words with headings, lists and a
// table in every section.
func BenchmarkReportPDF(b *testing.B) {
	r := frenchReport(b)
	r.Markdown = longReportMarkdown(82, true)
	if n := len(strings.Fields(r.Markdown)); n < 9000 || n > 11000 {
		b.Fatalf("%d words, want about 10,000", n)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WriteReportPDF(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB")
}
