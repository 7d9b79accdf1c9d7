package analysis

import (
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// BenchmarkSupport measures sentence support apart from the facts, which the analysis finds
// once for every purpose: indexing a 10,000-word source, and scoring one 10,000-word variant.
func BenchmarkSupport(b *testing.B) {
	source := tenThousandWords(b)
	variant := variantOf(source, 7)
	srcFacts, varFacts := Facts(source, model.French), Facts(variant, model.French)
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			newSupportIndexWith(source, model.French, Sentences(source, model.French), srcFacts)
		}
	})
	ix := newSupportIndexWith(source, model.French, Sentences(source, model.French), srcFacts)
	b.Run("variant", func(b *testing.B) {
		for b.Loop() {
			ix.sentencesWith(variant, Sentences(variant, model.French), varFacts)
		}
	})
	b.Run("variant-with-facts", func(b *testing.B) {
		for b.Loop() {
			ix.sentences(variant)
		}
	})
}

// TestSupportNilIndex checks a source analysis built without an index scores nothing.
func TestSupportNilIndex(t *testing.T) {
	var ix *supportIndex
	if got := ix.sentences("Une phrase."); got != nil {
		t.Errorf("nil index: %+v", got)
	}
	if got := ix.sentencesWith("Une phrase.", nil, nil); got != nil {
		t.Errorf("nil index: %+v", got)
	}
}
