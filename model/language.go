package model

import (
	"strings"
	"unicode"
)

// frenchCues and englishCues are frequent short words that tell the two languages apart.
var (
	frenchCues  = map[string]bool{"le": true, "la": true, "les": true, "des": true, "est": true, "et": true, "du": true, "une": true, "pour": true, "dans": true, "sur": true, "que": true, "qui": true, "avec": true, "au": true, "aux": true, "sont": true, "ont": true, "nous": true, "été": true}
	englishCues = map[string]bool{"the": true, "and": true, "of": true, "is": true, "to": true, "in": true, "for": true, "with": true, "on": true, "that": true, "was": true, "were": true, "are": true, "have": true, "this": true, "by": true, "we": true, "will": true, "from": true, "be": true}
)

// GuessLanguage tells whether text is French or English by counting frequent words; it returns
// fallback when the text gives no clear sign (too short, or another language).
func GuessLanguage(text string, fallback Language) Language {
	fr, en := 0, 0
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range words {
		if i > 5000 {
			break
		}
		if frenchCues[w] {
			fr++
		}
		if englishCues[w] {
			en++
		}
	}
	switch {
	case fr+en < 5:
		return fallback
	case fr > 2*en:
		return French
	case en > 2*fr:
		return English
	}
	return fallback
}
