package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

// Thresholds of the plain-language indicators.
const (
	// PlainSentenceWords is the length above which PlainLanguage counts a sentence as long:
	// over 15 words, the ceiling plain-language guides give for a sentence read easily.
	PlainSentenceWords = 15
	// PlainWordLetters is the length above which PlainLanguage counts a word as long: over 12
	// letters ("réaménagement", "participation" has 13 too), digits and signs not counted.
	PlainWordLetters = 12
)

// PlainIndicators point at what a « version simplifiée » should avoid. They flag; they do not
// grade, and they are no certification of any easy-to-read standard.
type PlainIndicators struct {
	// LongSentences counts sentences over PlainSentenceWords words.
	LongSentences int `json:"long_sentences"`
	// Percentages counts percentages: « 45 % », « 45% », « pour cent », "percent". Plain
	// language prefers « près de la moitié ».
	Percentages int `json:"percentages"`
	// UnexplainedAcronyms lists, once each and in order of first use, the acronyms whose first
	// use is not explained in parentheses.
	UnexplainedAcronyms []string `json:"unexplained_acronyms"`
	// LongWords counts words over PlainWordLetters letters.
	LongWords int `json:"long_words"`
}

// PlainLanguage returns the plain-language indicators of a Markdown text in lang.
//
// An acronym is a word of two capital letters or more and no lower-case letter ("PLU",
// "CO2"); Roman numerals of I, V and X ("XXI") and words of a sentence written in capitals
// (a shouted heading) are not acronyms. Its first use is explained when it is followed by
// parentheses holding a lower-case letter ("PLU (plan local d'urbanisme)") or when it stands
// alone in parentheses after its expansion ("plan local d'urbanisme (PLU)"), in the same
// sentence.
func PlainLanguage(text string, lang model.Language) PlainIndicators {
	return plainParsed(parseText(text, lang))
}

// plainParsed is PlainLanguage on a text already split.
func plainParsed(p parsedText) PlainIndicators {
	in := PlainIndicators{UnexplainedAcronyms: []string{}}
	seen := map[string]bool{}
	for i, plain := range p.plains {
		words := p.words[i]
		if len(words) > PlainSentenceWords {
			in.LongSentences++
		}
		for _, w := range words {
			if letterCount(w) > PlainWordLetters {
				in.LongWords++
			}
		}
		in.Percentages += percentSigns(plain) + percentWords(words)
		if shouted(words) {
			continue
		}
		for _, a := range acronyms(plain) {
			if !seen[a.word] {
				seen[a.word] = true
				if !a.explained {
					in.UnexplainedAcronyms = append(in.UnexplainedAcronyms, a.word)
				}
			}
		}
	}
	return in
}

// percentSigns counts the % signs that follow a number, with or without a space.
func percentSigns(s string) int {
	n := 0
	for i := strings.IndexByte(s, '%'); i >= 0; {
		before := strings.TrimRight(s[:i], " \u00a0\u202f")
		if r, _ := utf8.DecodeLastRuneInString(before); unicode.IsDigit(r) {
			n++
		}
		next := strings.IndexByte(s[i+1:], '%')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return n
}

// percentWords counts « pourcent », "percent", "per cent", and « pour cent » after a number
// (« trente pour cent », not « pour cent euros »).
func percentWords(words []string) int {
	n := 0
	for i, w := range words {
		cent := i+1 < len(words) && strings.EqualFold(words[i+1], "cent")
		switch strings.ToLower(w) {
		case "pourcent", "percent":
			n++
		case "per":
			if cent {
				n++
			}
		case "pour":
			if cent && i > 0 && isNumberWord(words[i-1]) {
				n++
			}
		}
	}
	return n
}

// frenchTens are the last parts of French numbers that can come before « pour cent ».
var frenchTens = wordSet("un une deux trois quatre cinq six sept huit neuf dix onze douze treize " +
	"quatorze quinze seize vingt vingts trente quarante cinquante soixante cent mille")

// isNumberWord reports a number in digits ("45", "12,5") or in French words ("quarante-cinq").
func isNumberWord(w string) bool {
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsDigit(r) {
		return true
	}
	w = strings.ToLower(w)
	return frenchTens[w[strings.LastIndexByte(w, '-')+1:]]
}

// shouted reports a sentence of three words or more written mostly in capitals.
func shouted(words []string) bool {
	caps := 0
	for _, w := range words {
		if isAcronym(w) {
			caps++
		}
	}
	return caps >= 3 && caps*10 >= len(words)*6
}

type acronymUse struct {
	word      string
	explained bool
}

// acronyms returns the acronyms of a plain sentence, in order, and whether each use is
// explained in parentheses.
func acronyms(s string) []acronymUse {
	var out []acronymUse
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		if w := s[i:j]; isAcronym(w) {
			out = append(out, acronymUse{w, explainedAfter(s[j:]) || aloneInParentheses(s[:i], s[j:])})
		}
		i = j
	}
	return out
}

// isAcronym reports a word of two capitals or more, no lower-case letter, not a Roman numeral.
func isAcronym(w string) bool {
	upper := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			upper++
		}
	}
	return upper >= 2 && strings.Trim(w, "IVX") != ""
}

// explainedAfter reports parentheses holding a lower-case letter at the start of rest.
func explainedAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " \u00a0\u202f")
	if !strings.HasPrefix(rest, "(") {
		return false
	}
	end := strings.IndexByte(rest, ')')
	if end < 0 {
		return false
	}
	return strings.IndexFunc(rest[1:end], unicode.IsLower) >= 0
}

// aloneInParentheses reports an acronym written as "(PLU)" after some text.
func aloneInParentheses(before, after string) bool {
	before = strings.TrimRight(before, " \u00a0\u202f")
	after = strings.TrimLeft(after, " \u00a0\u202f")
	inner, ok := strings.CutSuffix(before, "(")
	return ok && strings.HasPrefix(after, ")") && strings.IndexFunc(inner, unicode.IsLetter) >= 0
}
