package export

import (
	"strings"
	"unicode/utf8"
)

// style is a face ("", "B" or "I") of the embedded family at a size in points.
type style struct {
	face string
	size float64
}

// measurer gives the width of a string set in a style, in the document's unit (mm).
type measurer interface {
	width(st style, s string) float64
}

// wrapText breaks plain text in one style into lines no wider than avail, as breakLines
// does.
func wrapText(m measurer, st style, text string, avail float64) []string {
	lines := breakLines(m, toWords(m, []span{{text: text, st: st}}), avail)
	if len(lines) == 0 {
		return nil
	}
	out := make([]string, len(lines))
	for i, ln := range lines {
		out[i] = ln.String()
	}
	return out
}

// String is the text of the line.
func (ln rline) String() string {
	if len(ln.words) == 1 && len(ln.words[0].spans) == 1 {
		return ln.words[0].spans[0].text
	}
	n := len(ln.words)
	for _, w := range ln.words {
		for _, sp := range w.spans {
			n += len(sp.text)
		}
	}
	var b strings.Builder
	b.Grow(n)
	for i, w := range ln.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, sp := range w.spans {
			b.WriteString(sp.text)
		}
	}
	return b.String()
}

// breakLines fills lines no wider than avail, greedily, with words cut by toWords: the one
// line breaker of the package, for the columns, the cover and the report alike. It breaks
// only between words (so at ordinary spaces, never at the no-break spaces U+00A0 and U+202F
// nor around the French marks toWords glues), before a hard line break, and after a hyphen
// inside a compound word when that helps. A word wider than a line is cut wherever it must.
func breakLines(m measurer, words []rword, avail float64) []rline {
	b := lineBreaker{m: m, avail: avail, pool: make([]rword, 0, len(words)+4)}
	for _, w := range words {
		if w.brk {
			b.flush()
		}
		b.add(w)
	}
	b.flush()
	return b.lines
}

// startsClosing reports whether a word begins with a mark French sets after a space but
// that must never begin a line.
func startsClosing(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	switch r {
	case ':', ';', '!', '?', '»', '%', '€', nbsp, nnbsp:
		return true
	}
	return false
}

// lineBreaker fills lines greedily, one word (with its glue) at a time.
type lineBreaker struct {
	m     measurer
	avail float64
	lines []rline
	pool  []rword // the words of every line, one line after the other
	start int     // where the current line begins in pool
	curW  float64 // the width of the current line
}

func (b *lineBreaker) add(w rword) {
	has := b.hasCur()
	switch {
	case has && b.curW+w.space+w.w <= b.avail:
		b.put(w)
	case has && b.splitAtHyphen(w):
	case w.w <= b.avail:
		b.flush()
		b.put(w)
	default:
		b.flush()
		if !b.splitAtHyphen(w) {
			b.hardBreak(w)
		}
	}
}

// hasCur reports whether the current line has a word.
func (b *lineBreaker) hasCur() bool { return len(b.pool) > b.start }

// put adds w to the current line.
func (b *lineBreaker) put(w rword) {
	if b.hasCur() {
		b.curW += w.space
	}
	b.pool = append(b.pool, w)
	b.curW += w.w
}

// flush ends the current line.
func (b *lineBreaker) flush() {
	if n := len(b.pool); n > b.start {
		b.lines = append(b.lines, rline{words: b.pool[b.start:n:n], w: b.curW})
	}
	b.start, b.curW = len(b.pool), 0
}

// splitAtHyphen puts on the current line the longest part of a compound word, up to one of
// its hyphens, that fits; the rest starts the next line. It reports whether it did.
func (b *lineBreaker) splitAtHyphen(w rword) bool {
	room := b.avail
	if b.hasCur() {
		room -= b.curW + w.space
	}
	at, ok := hyphenCut(b.m, w, room)
	if !ok {
		return false
	}
	head, tail := cutWord(b.m, w, at)
	b.put(head)
	b.flush()
	b.add(tail)
	return true
}

// wordCut is a place inside a word: before byte at of its span number span.
type wordCut struct{ span, at int }

// hyphenCut finds the last hyphen between two letters of w after which the part of w up to
// it is no wider than room. The address of a link is never cut at a hyphen, which a reader
// would take for part of it; it is cut like any long word.
func hyphenCut(m measurer, w rword, room float64) (wordCut, bool) {
	best, ok := wordCut{}, false
	before := 0.0
	for j, sp := range w.spans {
		t := sp.text
		for i := 1; i < len(t)-1 && sp.link == ""; i++ {
			if t[i] != '-' || !isLetterByte(t[i-1]) || !isLetterByte(t[i+1]) {
				continue
			}
			if before+m.width(sp.st, t[:i+1]) > room {
				return best, ok
			}
			best, ok = wordCut{j, i + 1}, true
		}
		if j < len(w.spans)-1 {
			before += m.width(sp.st, t)
		}
	}
	return best, ok
}

// cutWord cuts w in two at c, measuring each part.
func cutWord(m measurer, w rword, c wordCut) (head, tail rword) {
	left, right := w.spans[c.span], w.spans[c.span]
	left.text, right.text = left.text[:c.at], right.text[c.at:]
	head = rword{space: w.space, brk: w.brk}
	head.spans = append(append(head.spans, w.spans[:c.span]...), left)
	tail.spans = append(append(tail.spans, right), w.spans[c.span+1:]...)
	for _, sp := range head.spans {
		head.w += m.width(sp.st, sp.text)
	}
	for _, sp := range tail.spans {
		tail.w += m.width(sp.st, sp.text)
	}
	return head, tail
}

// isLetterByte reports whether b can end or begin a letter: an ASCII letter or a byte of a
// multi-byte character (accented letters).
func isLetterByte(b byte) bool {
	return b >= 0x80 || (b|0x20 >= 'a' && b|0x20 <= 'z')
}

// wchar is one character of a word: its span, where it begins in the span's text, its
// length in bytes and its width.
type wchar struct {
	span, at, size int
	w              float64
}

// hardBreak cuts a word wider than a line into pieces that fit; the last piece starts the
// next line. A piece never begins with a mark that must not open a line, nor with a space:
// the cut moves back a character or two instead.
func (b *lineBreaker) hardBreak(w rword) {
	var chars []wchar
	for j, sp := range w.spans {
		for i := 0; i < len(sp.text); {
			_, size := utf8.DecodeRuneInString(sp.text[i:])
			chars = append(chars, wchar{j, i, size, b.m.width(sp.st, sp.text[i:i+size])})
			i += size
		}
	}
	start, width := 0, 0.0
	for i, c := range chars {
		if width+c.w > b.avail && i > start {
			cut := backOff(w, chars, start, i)
			b.put(piece(w, chars[start:cut]))
			b.flush()
			width = 0
			for _, k := range chars[cut:i] {
				width += k.w
			}
			start = cut
		}
		width += c.w
	}
	b.put(piece(w, chars[start:]))
	b.curW = width
}

// backOff moves a cut before character i back while the character there must not begin a
// line, keeping at least two characters before it after start; it gives i when it cannot.
func backOff(w rword, chars []wchar, start, i int) int {
	cut := i
	for k := i - 1; k > start; k-- {
		c := chars[cut]
		ch := w.spans[c.span].text[c.at : c.at+c.size]
		if !startsClosing(ch) && ch != " " {
			return cut
		}
		cut = k
	}
	return i
}

// piece is the part of w made of chars, each run of characters of one span kept as one span.
func piece(w rword, chars []wchar) rword {
	var p rword
	for n := 0; n < len(chars); {
		first := chars[n]
		end := n + 1
		for end < len(chars) && chars[end].span == first.span {
			end++
		}
		last := chars[end-1]
		sp := w.spans[first.span]
		sp.text = sp.text[first.at : last.at+last.size]
		p.spans = append(p.spans, sp)
		for _, c := range chars[n:end] {
			p.w += c.w
		}
		n = end
	}
	return p
}
