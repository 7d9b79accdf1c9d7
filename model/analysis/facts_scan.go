package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// The fact extractors work on tokens rather than on regular expressions: one pass over the
// text cuts it into words, digit runs and single other characters, each knowing the white
// space before it, so that matchers can tell "10h00" from "10 h 00" and "1 250" from "1,250".

type tokKind uint8

const (
	tkWord   tokKind = iota + 1 // letters and combining marks, with inner hyphens
	tkDigits                    // ASCII digits
	tkPunct                     // any other single character
)

// gapKind is the white space before a token.
type gapKind uint8

const (
	gapNone  gapKind = iota // glued to the token before
	gapSpace                // spaces, tabs or no-break spaces
	gapLine                 // a line break
)

// token is one token of a text; text[s:e] is what it holds.
type token struct {
	s, e      int
	kind      tokKind
	gap       gapKind
	sentStart bool // the first word or number of a sentence, list item, heading or cell
	heading   bool // on a Markdown heading line
	caps      bool // on a line written in capitals: a heading (« PROPOS LIMINAIRES »)
}

// tokenize cuts text into tokens and marks sentence starts and heading lines.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/4+1)
	gap := gapLine
	for i := 0; i < len(text); {
		kind, j := tokenAt(text, i)
		if kind == 0 {
			if text[i] == '\n' {
				gap = gapLine
			} else {
				gap = max(gap, gapSpace)
			}
			i = j
			continue
		}
		toks = append(toks, token{s: i, e: j, kind: kind, gap: gap})
		gap = gapNone
		i = j
	}
	markStarts(text, toks)
	return toks
}

// tokenAt returns the kind and end of the token at text[i:], or kind 0 for white space.
func tokenAt(text string, i int) (tokKind, int) {
	if text[i] < utf8.RuneSelf {
		return asciiTokenAt(text, i)
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	switch {
	case unicode.IsSpace(r) || r == '\u200b':
		return 0, i + size
	case unicode.IsLetter(r):
		return tkWord, wordEnd(text, i)
	}
	return tkPunct, i + size
}

// asciiTokenAt is tokenAt for an ASCII character.
func asciiTokenAt(text string, i int) (tokKind, int) {
	c := text[i]
	switch {
	case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v':
		return 0, i + 1
	case c >= '0' && c <= '9':
		j := i + 1
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		return tkDigits, j
	case (c|0x20) >= 'a' && (c|0x20) <= 'z':
		return tkWord, wordEnd(text, i)
	}
	return tkPunct, i + 1
}

// wordEnd returns the end of the word starting at i: letters and marks, joined by hyphens, and
// the inclusive endings and inner colons that keep a word whole (see joinedEnd).
func wordEnd(text string, i int) int {
	start := i
	i = lettersEnd(text, i)
	if i-start >= 3 && i < len(text) {
		return joinedEnd(text, i)
	}
	return i
}

// joinedEnd extends the word ending at i over inclusive endings glued with a dot or a middle
// dot (« participant·e·s », « inscrit.e.s », « PARTICIPANT.E.S ») and over a colon between
// letters (« Compar:IA »).
func joinedEnd(text string, i int) int {
	for i < len(text) {
		var sep int
		switch {
		case text[i] == '.':
			sep = 1
		case strings.HasPrefix(text[i:], "·"):
			sep = len("·")
		case text[i] == ':' && i+1 < len(text) && isUpperStart(text[i+1:]):
			j := lettersEnd(text, i+1)
			if j < len(text) && text[j] == ':' {
				return i
			}
			return j
		default:
			return i
		}
		j := lettersEnd(text, i+sep)
		if n := utf8.RuneCountInString(text[i+sep : j]); n == 0 || n > 3 || (j < len(text) && text[j] >= '0' && text[j] <= '9') {
			return i
		}
		i = j
	}
	return i
}

// lettersEnd returns the end of the letters and marks starting at i, joined by hyphens.
func lettersEnd(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r < utf8.RuneSelf && ((r|0x20) >= 'a' && (r|0x20) <= 'z'):
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)):
		case r == '-' || r == '‐':
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if i+size >= len(text) || !unicode.IsLetter(next) {
				return i
			}
		default:
			return i
		}
		i += size
	}
	return i
}

// markStarts sets sentStart on the first word or number of every sentence (after . ! ? …
// followed by a space, at a line start, after a colon, an opening quote, a table pipe, a bullet
// or a spaced dash), heading on every token of an ATX heading line, and caps on every token of
// a line written in capitals.
func markStarts(text string, toks []token) {
	start, heading, caps := true, false, false
	for k := range toks {
		t := &toks[k]
		if t.gap == gapLine || k == 0 {
			start, heading, caps = true, text[t.s] == '#', capsLine(text, toks[k:])
		}
		t.heading, t.caps = heading, caps
		if t.kind != tkPunct {
			t.sentStart = start
			// a list number ("1. ", "2) ") leaves the item's first word at a sentence start
			start = start && t.kind == tkDigits && k+1 < len(toks) && toks[k+1].gap == gapNone &&
				(text[toks[k+1].s] == '.' || text[toks[k+1].s] == ')')
			continue
		}
		start = punctStarts(text, toks, k, start)
	}
}

// punctStarts tells whether a sentence starts after the punctuation toks[k], given whether one
// started before it.
func punctStarts(text string, toks []token, k int, start bool) bool {
	r, _ := utf8.DecodeRuneInString(text[toks[k].s:])
	switch {
	case r == '.' || r == '!' || r == '?' || r == '…':
		return k+1 == len(toks) || toks[k+1].gap != gapNone || isCloser(text, toks[k+1])
	case strings.ContainsRune(":«“\"|•◦▪‣", r):
		return true
	case (r == '–' || r == '—') && toks[k].gap != gapNone:
		return true // a clause after a spaced dash: « Jean LEROY – Adjoint »
	case strings.ContainsRune("*_[#>-+»”)]'’`~", r):
		return start
	}
	return false
}

// capsLine reports whether the line starting at toks[0] is written in capitals: words without
// lower case, two of them at least, or one of four letters or more.
func capsLine(text string, toks []token) bool {
	words, long := 0, false
	for k, t := range toks {
		if k > 0 && t.gap == gapLine {
			break
		}
		if t.kind != tkWord {
			continue
		}
		w := text[t.s:t.e]
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
		}
		words++
		long = long || utf8.RuneCountInString(w) >= 4
	}
	return words >= 2 || long
}

func isCloser(text string, t token) bool {
	r, _ := utf8.DecodeRuneInString(text[t.s:])
	return strings.ContainsRune("»”\")]*_'’", r)
}

// tok returns the text of token k, or "" past the end.
func (p *factParser) tok(k int) string {
	if k < 0 || k >= len(p.toks) {
		return ""
	}
	return p.text[p.toks[k].s:p.toks[k].e]
}

// is reports whether token k exists, has the kind and is separated from the one before by
// one of the allowed gaps (gapNone, gapSpace, or both when loose).
func (p *factParser) is(k int, kind tokKind, loose bool, gap gapKind) bool {
	if k < 0 || k >= len(p.toks) || p.toks[k].kind != kind {
		return false
	}
	g := p.toks[k].gap
	return g == gap || (loose && g != gapLine)
}

// punctAt reports whether token k is the single character c, glued or after a space as allowed.
func (p *factParser) punctAt(k int, c string, loose bool) bool {
	return p.is(k, tkPunct, loose, gapNone) && p.tok(k) == c
}

// lower returns token k in lower case ("" when it is not a word).
func (p *factParser) lower(k int) string {
	if k < 0 || k >= len(p.toks) || p.toks[k].kind != tkWord {
		return ""
	}
	return p.low[p.toks[k].s:p.toks[k].e]
}

// lowerLatin returns text with the capitals of ASCII and of Latin-1 (À to Þ, and Œ) in lower
// case, byte for byte at the same offsets, so that every word's lower case is a slice of it: what
// the matchers look up (months, number words, units, titles) is written in these letters.
func lowerLatin(text string) string {
	b := []byte(text)
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c >= 'A' && c <= 'Z':
			b[i] = c + 0x20
		case c == 0xC3 && i+1 < len(b) && b[i+1] >= 0x80 && b[i+1] <= 0x9E && b[i+1] != 0x97:
			b[i+1] += 0x20 // À–Þ but ×
			i++
		case c == 0xC5 && i+1 < len(b) && b[i+1] == 0x92:
			b[i+1] = 0x93 // Œ
			i++
		}
	}
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is not written again: no second copy
}

// wordAt returns token k in lower case when it is a word after a space (or glued when glued is
// allowed), else "".
func (p *factParser) wordAt(k int, glued bool) string {
	if !p.is(k, tkWord, glued, gapSpace) {
		return ""
	}
	return p.lower(k)
}

// after returns the index of the first token that starts at or after byte offset end.
func (p *factParser) after(k, end int) int {
	for k < len(p.toks) && p.toks[k].s < end {
		k++
	}
	return k
}

// prevWord returns the word before token k in lower case, skipping an apostrophe ("jusqu'à").
func (p *factParser) prevWord(k int) string {
	k--
	if k >= 0 && p.toks[k].kind == tkPunct && (p.tok(k) == "'" || p.tok(k) == "’") {
		k--
	}
	return p.lower(k)
}
