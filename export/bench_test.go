package export

import (
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
