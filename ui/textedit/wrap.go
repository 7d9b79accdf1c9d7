package textedit

import (
	"slices"
	"sort"
	"unicode/utf8"
)

// layout is where each paragraph's visual rows begin once the text is wrapped to a width.
// Rows are kept per paragraph, relative to its start, so an edit re-wraps only the paragraphs
// it touched and the others stay valid whatever their offset becomes.
type layout struct {
	width float32
	adv   func(rune) float32 // the width of one character
	rows  [][]int            // rows[p]: byte offsets in paragraph p where its rows begin; rows[p][0] is 0
	first []int              // first[p]: index of paragraph p's first row; first[len(rows)] counts all rows
}

// rebuild wraps every paragraph again (new text, or new width).
func (l *layout) rebuild(b *buffer) {
	l.rows = l.rows[:0]
	for p := range b.paras() {
		l.rows = append(l.rows, l.wrap(b, p, nil))
	}
	l.count()
}

// update re-wraps the paragraphs an edit changed: before paragraphs from p0 on became after.
func (l *layout) update(b *buffer, p0, before, after int) {
	fresh := make([][]int, after)
	for i := range fresh {
		var reuse []int
		if i < before {
			reuse = l.rows[p0+i]
		}
		fresh[i] = l.wrap(b, p0+i, reuse)
	}
	l.rows = slices.Replace(l.rows, p0, p0+before, fresh...)
	l.count()
}

func (l *layout) count() {
	l.first = slices.Grow(l.first[:0], len(l.rows)+1)
	n := 0
	for _, r := range l.rows {
		l.first = append(l.first, n)
		n += len(r)
	}
	l.first = append(l.first, n)
}

// total is the number of visual rows.
func (l *layout) total() int { return l.first[len(l.rows)] }

// wrap breaks paragraph p into rows no wider than the layout's width, after a space where it
// can (spaces at the end of a row may overhang it), inside a word too long for a row. The
// no-break spaces of French typography (U+00A0, U+202F) do not break.
func (l *layout) wrap(b *buffer, p int, dst []int) []int {
	dst = append(dst[:0], 0)
	start, end := b.paraBounds(p)
	text := b.text[start:end]
	if l.width <= 0 {
		return dst
	}
	var x float32
	row, brk := 0, -1
	for i, r := range text {
		a := l.adv(r)
		if x+a > l.width && i > row && r != ' ' && r != '\t' {
			row = i
			if brk > dst[len(dst)-1] {
				row = brk
			}
			dst = append(dst, row)
			brk = -1
			x = 0
			for _, c := range text[row:i] {
				x += l.adv(c)
			}
		}
		x += a
		if r == ' ' || r == '\t' {
			brk = i + utf8.RuneLen(r)
		}
	}
	return dst
}

// paraOfRow is the paragraph holding visual row n.
func (l *layout) paraOfRow(n int) int {
	return sort.Search(len(l.rows), func(p int) bool { return l.first[p+1] > n })
}

// rowBounds returns the byte offsets where visual row n begins and ends (its '\n' excluded).
func (l *layout) rowBounds(b *buffer, n int) (start, end int) {
	p := l.paraOfRow(n)
	k := n - l.first[p]
	ps, pe := b.paraBounds(p)
	start, end = ps+l.rows[p][k], pe
	if k+1 < len(l.rows[p]) {
		end = ps + l.rows[p][k+1]
	}
	return start, end
}

// rowOf is the visual row showing the caret at offset off: at the boundary of two rows of a
// paragraph, the caret is at the start of the second.
func (l *layout) rowOf(b *buffer, off int) int {
	p := b.paraAt(off)
	rel := off - b.starts[p]
	rows := l.rows[p]
	k := sort.Search(len(rows), func(i int) bool { return rows[i] > rel }) - 1
	return l.first[p] + k
}
