package analysis

import "github.com/rapporteur/rapporteur/model"

// Span is a byte range of a text: text[Start:End].
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// SentenceSupport says how well the source supports one sentence of a variant.
type SentenceSupport struct {
	// Text is the sentence as written in the variant.
	Text string `json:"text"`
	// Start and End are the sentence's byte offsets in the variant.
	Start int `json:"start"`
	End   int `json:"end"`
	// Support is from 0 (nothing in the source says this) to 1 (the source says it all).
	Support float64 `json:"support"`
	// Unsupported flags a sentence the source does not really support.
	Unsupported bool `json:"unsupported"`
	// Source are the passages of the source that support the sentence, as byte offsets in the
	// source text, best first.
	Source []Span `json:"source"`
}

// supportIndex is what the source needs, built once, to find the support of variant sentences.
type supportIndex struct{}

// newSupportIndex indexes the source's sentences.
func newSupportIndex(source string, lang model.Language) *supportIndex { return &supportIndex{} }

// sentences scores every sentence of variant against the source.
func (ix *supportIndex) sentences(variant string) []SentenceSupport { return nil }
