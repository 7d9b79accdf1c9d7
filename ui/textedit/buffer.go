package textedit

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// buffer is the text being edited and the byte offset where each of its paragraphs (lines
// ended by '\n') begins, so that finding a paragraph is a binary search, not a scan.
type buffer struct {
	text   string
	starts []int // starts[0] is 0; one entry per paragraph
}

// set replaces the whole text.
func (b *buffer) set(s string) {
	b.text = s
	b.starts = append(b.starts[:0], 0)
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return
		}
		i += j + 1
		b.starts = append(b.starts, i)
	}
}

// paras is the number of paragraphs (at least one, empty text included).
func (b *buffer) paras() int { return len(b.starts) }

// paraAt is the paragraph holding the byte offset off; the '\n' ending a paragraph is part
// of it.
func (b *buffer) paraAt(off int) int {
	return sort.Search(len(b.starts), func(i int) bool { return b.starts[i] > off }) - 1
}

// paraBounds returns where paragraph p begins and ends, its '\n' excluded.
func (b *buffer) paraBounds(p int) (start, end int) {
	start, end = b.starts[p], len(b.text)
	if p+1 < len(b.starts) {
		end = b.starts[p+1] - 1
	}
	return start, end
}

// replace puts s in place of text[from:to] and returns the first paragraph it touched, how
// many paragraphs that part held before and how many it holds now.
func (b *buffer) replace(from, to int, s string) (p0, before, after int) {
	p0, p1 := b.paraAt(from), b.paraAt(to)
	b.text = b.text[:from] + s + b.text[to:]
	delta := len(s) - (to - from)
	tail := b.starts[p1+1:]
	for i := range tail {
		tail[i] += delta
	}
	var added []int
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		added = append(added, from+i)
	}
	b.starts = slices.Replace(b.starts, p0+1, p1+1, added...)
	return p0, p1 - p0 + 1, len(added) + 1
}

// prev is the offset of the character before off: one rune back, with the combining marks
// that belong to it (an "e" followed by U+0301 is one character).
func (b *buffer) prev(off int) int {
	for off > 0 {
		r, n := utf8.DecodeLastRuneInString(b.text[:off])
		off -= n
		if !unicode.Is(unicode.Mn, r) {
			break
		}
	}
	return off
}

// next is the offset of the character after off, its combining marks included.
func (b *buffer) next(off int) int {
	if off >= len(b.text) {
		return len(b.text)
	}
	_, n := utf8.DecodeRuneInString(b.text[off:])
	off += n
	for off < len(b.text) {
		r, n := utf8.DecodeRuneInString(b.text[off:])
		if !unicode.Is(unicode.Mn, r) {
			break
		}
		off += n
	}
	return off
}

// isWordRune says whether r belongs to a word: letters, digits, combining marks, and the
// middle dot of inclusive writing (« participant·es » is one word).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '·' || r == '_'
}

// wordLeft is where Ctrl+Left goes from off: the start of the word before it.
func (b *buffer) wordLeft(off int) int {
	for off > 0 {
		r, _ := utf8.DecodeLastRuneInString(b.text[:off])
		if isWordRune(r) {
			break
		}
		off = b.prev(off)
	}
	for off > 0 {
		r, _ := utf8.DecodeLastRuneInString(b.text[:off])
		if !isWordRune(r) {
			break
		}
		off = b.prev(off)
	}
	return off
}

// wordRight is where Ctrl+Right goes from off: the end of the word after it.
func (b *buffer) wordRight(off int) int {
	for off < len(b.text) {
		r, _ := utf8.DecodeRuneInString(b.text[off:])
		if isWordRune(r) {
			break
		}
		off = b.next(off)
	}
	return b.wordEnd(off)
}

// wordEnd is the end of the word that off is in or before; off itself when no word starts there.
func (b *buffer) wordEnd(off int) int {
	for off < len(b.text) {
		r, _ := utf8.DecodeRuneInString(b.text[off:])
		if !isWordRune(r) {
			break
		}
		off = b.next(off)
	}
	return off
}

// wordAt returns the word around off (for a double click); off itself both ways when there is
// no word there.
func (b *buffer) wordAt(off int) (start, end int) {
	start, end = off, off
	for start > 0 {
		r, _ := utf8.DecodeLastRuneInString(b.text[:start])
		if !isWordRune(r) {
			break
		}
		start = b.prev(start)
	}
	return start, b.wordEnd(end)
}
