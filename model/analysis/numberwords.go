package analysis

import (
	"strings"

	"github.com/rapporteur/rapporteur/model"
)

// Number words. French and English cardinals are read up to the hundreds of millions:
// « trois », « quarante-deux », « vingt et un », « soixante-dix-sept », « quatre-vingt-dix »,
// « deux mille vingt-cinq » (and the Belgian and Swiss septante, huitante, octante, nonante);
// "three", "forty-two", "one hundred and five", "two thousand and twenty-five". Words may be
// joined by hyphens or spaces, in any case. A sequence stops where the next word cannot continue
// the number ("deux trois" is two numbers). French ordinals in -ième (« troisième ») and
// English ones ("third", "twentieth") are read too, except premier/first and second, which
// are too often not counts.

var frenchNumbers = map[string]int{
	"zéro": 0, "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
	"six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
	"quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
	"quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80,
	"octante": 80, "nonante": 90, "cent": 100, "cents": 100, "mille": 1000,
	"million": 1_000_000, "millions": 1_000_000, "milliard": 1_000_000_000, "milliards": 1_000_000_000,
}

var englishNumbers = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
	"ninety": 90, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
}

var englishOrdinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fifth": 5, "eighth": 8, "ninth": 9, "twelfth": 12,
}

// numberWord returns the value of one number word (lower case, no hyphen) in lang.
func numberWord(w string, lang model.Language) (int, bool) {
	if lang == model.English {
		v, ok := englishNumbers[w]
		return v, ok
	}
	v, ok := frenchNumbers[w]
	return v, ok
}

// ordinalWord returns the value of an ordinal word such as « troisième » or "twentieth".
func ordinalWord(w string, lang model.Language) (int, bool) {
	if lang == model.English {
		if v, ok := englishOrdinals[w]; ok {
			return v, true
		}
		stem, ok := strings.CutSuffix(w, "th")
		if !ok {
			return 0, false
		}
		if s, ok := strings.CutSuffix(stem, "ie"); ok {
			stem = s + "y"
		}
		return numberWord(stem, lang)
	}
	stem, ok := strings.CutSuffix(w, "ième")
	if !ok || stem == "" {
		return 0, false
	}
	for _, s := range []string{stem, stem + "e", strings.TrimSuffix(stem, "u"), strings.TrimSuffix(stem, "v") + "f"} {
		if v, ok := numberWord(s, lang); ok && v != 1 {
			return v, true
		}
	}
	if strings.HasSuffix(stem, "un") { // vingt et unième
		return numberWord(stem, lang)
	}
	return 0, false
}

// numberState accumulates a cardinal read word by word.
type numberState struct {
	total, current int // completed thousands/millions, and the group being read
	last           int // the last value added to the group, 0 after a multiplier
	words          int
}

// add takes the next word's value and reports whether it continues the number.
func (st *numberState) add(v int) bool {
	switch {
	case v >= 1000:
		return st.multiply(v)
	case v == 100:
		if st.current >= 100 || (st.last != 0 && st.last < 10 && st.current != st.last) {
			return false
		}
		st.current = max(st.current, 1) * 100
		st.last = 0
	case v == 20 && st.last == 4 && st.current%100 == 4: // quatre-vingt(s)
		st.current += 76
		st.last = 80
	default:
		if !st.fits(v) {
			return false
		}
		st.current += v
		st.last = v
	}
	st.words++
	return true
}

// fits reports whether a value under 100 can follow the group read so far.
func (st *numberState) fits(v int) bool {
	r := st.current % 100
	switch {
	case st.words == 0 || st.last == 0:
		return r+v < 100
	case st.last >= 20 && st.last%10 == 0: // a ten: units, or 10–19 after 60 and 80
		return v < 10 || (v < 20 && (st.last == 60 || st.last == 80))
	case st.last == 10: // dix-sept, dix-huit, dix-neuf after soixante, quatre-vingt
		return v >= 7 && v <= 9
	}
	return false
}

func (st *numberState) multiply(v int) bool {
	if (st.words > 0 && st.current == 0) || (st.total != 0 && st.total < v) {
		return false
	}
	st.total += max(st.current, 1) * v
	st.current, st.last = 0, 0
	st.words++
	return true
}

func (st *numberState) value() int { return st.total + st.current }

// connector reports a word that may join two number words: « et » in « vingt et un », "and"
// in "one hundred and five".
func (st *numberState) connector(w string, next int, lang model.Language) bool {
	if lang == model.English {
		return w == "and" && st.last == 0 && st.words > 0 && next < 100
	}
	return w == "et" && st.last >= 20 && st.last <= 70 && st.last%10 == 0 && (next == 1 || next == 11)
}

// numberWords reads number words from token i on. It returns the value, the token index
// after the last word used, and whether the number is an ordinal.
func (p *factParser) numberWords(i int) (value, end int, ordinal, ok bool) {
	var st numberState
	end = i
	for k := i; k < len(p.toks); k++ {
		if k > i && !p.is(k, tkWord, false, gapSpace) {
			break
		}
		w := p.lower(k)
		if w == "" {
			break
		}
		if k > i && st.words > 0 && p.is(k+1, tkWord, false, gapSpace) {
			next, _, _ := strings.Cut(p.lower(k+1), "-")
			if st.connector(w, nextValue(next, p.lang), p.lang) {
				continue
			}
		}
		saved := st
		done, ord := st.addToken(w, p.lang)
		if !done {
			st = saved
			break
		}
		end = k + 1
		if ord {
			return st.value(), end, true, true
		}
	}
	return st.value(), end, false, st.words > 0
}

// addToken adds every part of a hyphenated word; an ordinal may only be the last part.
// It returns false, leaving st partly changed, when the word does not continue the number.
func (st *numberState) addToken(w string, lang model.Language) (ok, ordinal bool) {
	for j := 0; w != ""; j++ {
		part, rest, more := strings.Cut(w, "-")
		v, isNum := numberWord(part, lang)
		if !isNum && !more {
			if v, ordinal = ordinalWord(part, lang); ordinal {
				isNum = true
			}
		}
		next, _, _ := strings.Cut(rest, "-")
		switch {
		case isNum && st.add(v):
		case j > 0 && more && st.connector(part, nextValue(next, lang), lang):
		default:
			return false, false
		}
		w = rest
	}
	return true, ordinal
}

// numberStart reports whether the word l, in lower case, may start a number in words: a number
// word, the first part of a hyphenated one, or an ordinal. It spares the readers of numbers the
// other words.
func (p *factParser) numberStart(l string) bool {
	first, _, _ := strings.Cut(l, "-")
	if _, ok := numberWord(first, p.lang); ok {
		return true
	}
	_, ok := ordinalWord(l, p.lang)
	return ok
}

// nextValue returns the value of the word after a connector, or 1000 when it is none.
func nextValue(w string, lang model.Language) int {
	if v, ok := numberWord(w, lang); ok {
		return v
	}
	if v, ok := ordinalWord(w, lang); ok {
		return v
	}
	return 1000
}
