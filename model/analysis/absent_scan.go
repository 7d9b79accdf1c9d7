package analysis

import (
	"unicode"
	"unicode/utf8"
)

// eachAbsentToken calls fn with the byte range of each token of text, as eachDiffToken cuts
// them (a word, a French elision split off, or a run of other characters that are not white
// space), and whether it is a word. ASCII text takes a fast path through a table; other
// characters go through the same rules as eachDiffToken's.
func eachAbsentToken(text string, fn func(start, end int, word bool)) {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && asciiClass[c] == classSpace {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		word := isTokenWord(r)
		j, apostrophe := tokenEnd(text, i+size, r, word)
		switch {
		case word && apostrophe:
			splitDiffElisions(text, i, j, func(s, e int) { fn(s, e, true) })
		case word:
			fn(i, j, true)
		default:
			fn(i, j, false)
		}
		i = j
	}
}

// tokenEnd returns the end of the token that began with prev and continues at j, and whether
// an apostrophe joins two of its parts (so that an elision may need splitting off).
func tokenEnd(text string, j int, prev rune, word bool) (int, bool) {
	apostrophe := false
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			switch cl := asciiClass[c]; {
			case cl == classSpace:
				return j, apostrophe
			case (cl == classWord) == word:
			case !word || !joins(prev, rune(c), text[j+1:]):
				return j, apostrophe
			default:
				apostrophe = apostrophe || c == '\''
			}
			prev = rune(c)
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) || (isWordRune(r) != word && !(word && joins(prev, r, text[j+size:]))) {
			return j, apostrophe
		}
		apostrophe = apostrophe || r == '’'
		prev = r
		j += size
	}
	return j, apostrophe
}

// isTokenWord reports whether r is a word character, through the table for ASCII.
func isTokenWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == classWord
	}
	return isWordRune(r)
}

const (
	classOther = iota
	classSpace
	classWord
)

// asciiClass sorts the ASCII characters into white space, word characters and the others.
var asciiClass = func() (t [utf8.RuneSelf]byte) {
	for c := range utf8.RuneSelf {
		switch {
		case unicode.IsSpace(rune(c)):
			t[c] = classSpace
		case isWordRune(rune(c)):
			t[c] = classWord
		}
	}
	return t
}()

// hashSet is a set of 64-bit hashes, open addressing with linear probing. Zero stands for an
// empty slot, so the hash 0 is kept apart.
type hashSet struct {
	slots []uint64
	n     int
	zero  bool
}

// newHashSet returns a set sized for about n hashes.
func newHashSet(n int) hashSet {
	size := 64
	for size < 2*n {
		size *= 2
	}
	return hashSet{slots: make([]uint64, size)}
}

// add puts h in the set, growing it when it is more than half full.
func (s *hashSet) add(h uint64) {
	if h == 0 {
		s.zero = true
		return
	}
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case h:
			return
		case 0:
			s.slots[i] = h
			s.n++
			return
		}
	}
}

// has reports whether h is in the set.
func (s *hashSet) has(h uint64) bool {
	if h == 0 {
		return s.zero
	}
	if len(s.slots) == 0 {
		return false
	}
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

func (s *hashSet) grow() {
	old := s.slots
	s.slots, s.n = make([]uint64, 2*max(len(old), 32)), 0
	for _, h := range old {
		if h != 0 {
			s.add(h)
		}
	}
}
