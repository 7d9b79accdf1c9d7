package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

// Words absent from the source, in context: what « highlight the words not in the source »
// marks, on screen and in the PDF alike.
//
// Words are those of eachDiffToken (words.go's rules, French elisions split off), compared
// normalised: lower case, accents folded (é → e, œ → oe), ’ as ', the middle dot of inclusive
// writing as a dot (participant·es, participant.es) and the Unicode hyphens as -. A variant's text is cut
// into segments at line breaks and at punctuation that closes a clause or frames a block
// (. ! ? ; : … « » " ( ) [ ] | • # > and dashes), not at commas, apostrophes or emphasis
// markers. A word of the variant is present when
//
//   - the pair it forms with the word before it, or with the word after it, in its segment
//     occurs anywhere in the source, in that order;
//   - or the source has the word and none of its neighbours in its segment is a word of the
//     source: a lone word between punctuation or markup (a one-word heading, a list item), or
//     a word whose neighbours are themselves new, which are flagged instead.
//
// The order of sentences and of clauses is free: an extract of source sentences copied word
// for word, in any order, has no absent word, while a word changed in a copied sentence is.
// Markup and punctuation are never words, so never absent. Absent words that follow one
// another, with nothing but spaces and ordinary punctuation between them on the same line,
// form one span.

// absentIndex is what the source needs, built once, to find the words of a variant that the
// source does not contain in that context: the hashes of its normalised words and of its
// pairs of consecutive words.
type absentIndex struct {
	words, bigrams hashSet
}

// newAbsentIndex indexes the source's words.
func newAbsentIndex(source string, _ model.Language) *absentIndex {
	n := len(source) / 5
	ix := &absentIndex{words: newHashSet(n / 2), bigrams: newHashSet(n)}
	var prev uint64
	havePrev := false
	eachAbsentToken(source, func(start, end int, word bool) {
		if !word {
			return
		}
		h := wordHash(source[start:end])
		ix.words.add(h)
		if havePrev {
			ix.bigrams.add(pairHash(prev, h))
		}
		prev, havePrev = h, true
	})
	return ix
}

// absentWord is one word of a variant being checked.
type absentWord struct {
	start, end int
	hash       uint64
	known      bool // the source has the word somewhere
	joined     bool // the word continues the segment of the word before it
}

// absentScan walks a variant's words with a window of three: a word is decided once the word
// after it is known.
type absentScan struct {
	ix         *absentIndex
	variant    string
	win        [3]absentWord // the word before, the word being decided, the word after
	have       int           // how many words of win are filled, from the right
	lastAbsent int           // the count of the last absent word, to merge neighbours
	count      int           // words decided so far
	out        []Span
}

// absent returns the runs of words of variant that the source does not contain in that
// context, as byte offsets in variant, in order. A nil index finds nothing.
func (ix *absentIndex) absent(variant string) []Span {
	if ix == nil || (ix.words.n == 0 && !ix.words.zero) {
		return nil
	}
	sc := absentScan{ix: ix, variant: variant, lastAbsent: -2}
	joined, last := false, 0
	eachAbsentToken(variant, func(start, end int, word bool) {
		if !word {
			if breaksSegment(variant[start:end]) {
				joined = false
			}
			last = end
			return
		}
		if strings.IndexByte(variant[last:start], '\n') >= 0 {
			joined = false
		}
		h := wordHash(variant[start:end])
		sc.push(absentWord{start: start, end: end, hash: h, known: ix.words.has(h), joined: joined})
		joined, last = true, end
	})
	sc.push(absentWord{}) // the end: no word after the last one
	return sc.out
}

// push slides the window by one word, w (the zero word at the end), and decides the word that
// comes to its middle.
func (sc *absentScan) push(w absentWord) {
	sc.win[0], sc.win[1], sc.win[2] = sc.win[1], sc.win[2], w
	if sc.have < 3 {
		sc.have++
	}
	if sc.have < 2 {
		return
	}
	cur := sc.win[1]
	if !sc.ix.present(sc.win, sc.have == 3) {
		if n := len(sc.out); n > 0 && sc.lastAbsent == sc.count-1 && mergeable(sc.variant[sc.out[n-1].End:cur.start]) {
			sc.out[n-1].End = cur.end
		} else {
			sc.out = append(sc.out, Span{Start: cur.start, End: cur.end})
		}
		sc.lastAbsent = sc.count
	}
	sc.count++
}

// present reports whether win[1] is in the source in its context (see above), win[0] being
// the word before it when hasBefore and win[2] the word after it (or the zero word).
func (ix *absentIndex) present(win [3]absentWord, hasBefore bool) bool {
	w := win[1]
	left := hasBefore && w.joined
	right := win[2].joined
	if left && ix.bigrams.has(pairHash(win[0].hash, w.hash)) {
		return true
	}
	if right && ix.bigrams.has(pairHash(w.hash, win[2].hash)) {
		return true
	}
	return w.known && !(left && win[0].known) && !(right && win[2].known)
}

// breaksSegment reports whether a run of punctuation or markup between two words ends the
// context of the first.
func breaksSegment(tok string) bool {
	return strings.ContainsAny(tok, ".!?;:…«»\"“”()[]{}|•#>–—") || tok == "-" || tok == "*" || tok == "+"
}

// mergeable reports whether the gap between two absent words lets them form one span: spaces
// and ordinary punctuation on one line, no markup.
func mergeable(gap string) bool {
	return !strings.ContainsAny(gap, "\n#*_|`~<>[]()")
}

// FNV-1a, over the normalised runes of a word.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// wordHash hashes a word normalised: lower case, accents folded, ’ as ', · as ., ‐ as -.
func wordHash(w string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		f, g := foldRune(unicode.ToLower(r))
		h = (h ^ uint64(f)) * fnvPrime
		if g != 0 {
			h = (h ^ uint64(g)) * fnvPrime
		}
	}
	return h
}

// pairHash combines the hashes of two consecutive words, in order.
func pairHash(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b
	h ^= h >> 31
	return h * 0xBF58476D1CE4E5B9
}

// foldRune returns the lower-case letter r without its accent: one rune, or two (œ → oe)
// with the second not zero.
func foldRune(r rune) (rune, rune) {
	switch r {
	case 'à', 'â', 'ä', 'á', 'ã', 'å':
		return 'a', 0
	case 'é', 'è', 'ê', 'ë':
		return 'e', 0
	case 'î', 'ï', 'í', 'ì':
		return 'i', 0
	case 'ô', 'ö', 'ó', 'ò', 'õ', 'ø':
		return 'o', 0
	case 'ù', 'û', 'ü', 'ú':
		return 'u', 0
	case 'ç':
		return 'c', 0
	case 'ÿ', 'ý':
		return 'y', 0
	case 'ñ':
		return 'n', 0
	case 'œ':
		return 'o', 'e'
	case 'æ':
		return 'a', 'e'
	case '’':
		return '\'', 0
	case '·':
		return '.', 0
	case '‐', '‑':
		return '-', 0
	}
	return r, 0
}
