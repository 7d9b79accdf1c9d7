package ui

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model/analysis"
)

// BenchmarkMarkSegments marks a 10,000-word variant: its facts, words not in the source and
// sentences, with a marker after each, as the comparison does on every redraw of a column.
func BenchmarkMarkSegments(b *testing.B) {
	para := "## POINT\n\nLes participant·es ont discuté du **budget de 480 000 €** avec Mme Claire Laurent, adjointe. Voir [le site](https://exemple.org) pour la suite. La séance est levée à 20h45.\n\n"
	md := strings.Repeat(para, 10000/len(strings.Fields(para)))
	var marks []spanMark
	var markers []sentenceMarker
	for off := 0; off < len(md); off += len(para) {
		marks = append(marks, spanMark{span: analysis.Span{Start: off + 40, End: off + 70}, kind: markFact},
			spanMark{span: analysis.Span{Start: off + 100, End: off + 130}, kind: markAbsent})
		markers = append(markers, sentenceMarker{start: off + 10, end: off + 140, text: "§"},
			sentenceMarker{start: off + 141, end: off + len(para) - 2, text: "⚠"})
	}
	for b.Loop() {
		markSegments(md, columnSegments(md), marks, markers)
	}
}
