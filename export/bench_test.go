package export

import (
	"bytes"
	"io"
	"testing"
)

// BenchmarkComparisonPDF exports a 10,000-word French source with three variants of about
// 2,000 words each.
func BenchmarkComparisonPDF(b *testing.B) {
	c := frenchComparison(b)
	c.Source.Body = longSource(10000)
	for i := range c.Variants {
		c.Variants[i].Text = longSource(2000 + 100*i)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteComparisonPDF(io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrapText wraps a long French paragraph in a column.
func BenchmarkWrapText(b *testing.B) {
	d := testDocument(b)
	text := longSource(1000)
	b.ReportAllocs()
	for b.Loop() {
		wrapText(d, columnScale.body, text, 62)
	}
}

// BenchmarkComparisonPDFFull exports a comparison of about 50 pages: a 10,000-word source,
// three variants of 3,000 to 5,000 words, with their analyses, energy, votes, critiques, review
// marks and prompts (each holding the whole source) in the appendix.
func BenchmarkComparisonPDFFull(b *testing.B) {
	c := frenchComparison(b)
	c.Source.Body = longSource(10000)
	for i := range c.Variants {
		c.Variants[i].Text = longSource(3000 + 1000*i)
	}
	c = fullComparison(b, c)
	c.Options.DiffColours = true
	var buf bytes.Buffer
	if err := WriteComparisonPDF(&buf, c); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d pages", bytes.Count(buf.Bytes(), []byte("/Type /Page\n")))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := WriteComparisonPDF(io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
}
