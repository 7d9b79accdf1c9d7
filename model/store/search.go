package store

import (
	"strings"

	"github.com/rapporteur/rapporteur/model"
)

// fold returns s in lower case without accents, for comparing titles with a search.
func fold(s string) string { return model.Fold(s) }

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
