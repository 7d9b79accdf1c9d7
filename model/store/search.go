package store

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// ligatures and typographic marks that a person types differently from how they are written.
var ligatures = strings.NewReplacer("œ", "oe", "æ", "ae", "ß", "ss", "’", "'", "ʼ", "'")

// fold returns s in lower case without accents, for comparing titles with a search.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return ligatures.Replace(strings.ToLower(out))
}

// searchWords splits a search into folded words.
func searchWords(query string) []string {
	return strings.Fields(fold(query))
}

// matches reports whether text contains every one of words.
func matches(title string, words []string) bool {
	if len(words) == 0 {
		return true
	}
	t := fold(title)
	for _, w := range words {
		if !strings.Contains(t, w) {
			return false
		}
	}
	return true
}
