package model

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

func trimmed(s string) string { return strings.TrimSpace(s) }

// foldMarks spells out ligatures and typographic marks that a person types differently from
// how they are written.
var foldMarks = strings.NewReplacer("œ", "oe", "æ", "ae", "ß", "ss", "’", "'", "ʼ", "'")

// Fold returns s in lower case without accents or ligatures, for searching and sorting titles
// the way people expect (« Élus » with « elus », « Œuvre » with « oeuvre »).
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return foldMarks.Replace(strings.ToLower(out))
}
