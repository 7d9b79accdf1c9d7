package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
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

// wordEnd returns the end of the word starting at i: letters and marks, joined by hyphens.
func wordEnd(text string, i int) int {
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
// followed by a space, at a line start, after a colon, an opening quote or a table pipe) and
// heading on every token of an ATX heading line.
func markStarts(text string, toks []token) {
	start, heading := true, false
	for k := range toks {
		t := &toks[k]
		if t.gap == gapLine || k == 0 {
			start, heading = true, text[t.s] == '#'
		}
		t.heading = heading
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
	case strings.ContainsRune(":«“\"|", r):
		return true
	case strings.ContainsRune("*_[#>-+»”)]'’`~", r):
		return start
	}
	return false
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
	return strings.ToLower(p.tok(k))
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
