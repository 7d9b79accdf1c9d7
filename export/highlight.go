package export

import (
	"strings"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model/analysis"
)

// What a byte of a variant's text is marked as, a set of bits: the analysis decides, by byte
// spans of the text it analysed; the columns only carry its marks onto the rendered lines.
const (
	markFact        uint8 = 1 << iota // a fact the variant introduced
	markAbsent                        // a word the source does not contain in that context
	markUnsupported                   // a sentence the source does not support
)

// highlights are the marks of a variant, byte by byte of the text the analysis measured.
type highlights struct {
	text  string
	flags []uint8
}

// newHighlights marks text with what va found in it: its introduced facts, its unsupported
// sentences and, when absent is set, the words the source does not contain. It returns nil
// when nothing is marked.
func newHighlights(text string, va analysis.VariantAnalysis, absent bool) *highlights {
	h := &highlights{text: text, flags: make([]uint8, len(text))}
	n := 0
	for _, f := range va.Facts.Introduced {
		n += h.mark(f.Start, f.End, markFact)
	}
	for _, s := range va.Sentences {
		if s.Unsupported {
			n += h.mark(s.Start, s.End, markUnsupported)
		}
	}
	if absent {
		for _, s := range va.Absent {
			n += h.mark(s.Start, s.End, markAbsent)
		}
	}
	if n == 0 {
		return nil
	}
	return h
}

// mark sets bit on text[start:end], clipped to the text, and returns how many bytes it marked.
func (h *highlights) mark(start, end int, bit uint8) int {
	start, end = max(start, 0), min(end, len(h.flags))
	for i := start; i < end; i++ {
		h.flags[i] |= bit
	}
	return max(end-start, 0)
}

// alignWindow is how far after the last matched character the next word of a rendered line is
// looked for: beyond the longest run of markup a line drops (a link's address, a table rule).
const alignWindow = 2048

// markRows gives each row of a column the marks of the characters it shows. The rows' text is
// the analysed text cleaned and rendered (Markdown markers dropped, lines joined and wrapped,
// personal data masked), in the same order: each word of a row is found in the analysed text
// after the previous one, allowing inline markers (* _ ` ~ \ < >) inside it; the spaces and
// the words that are not found (a masked name) between two found words take the marks that
// cover both of them and all that lies between. Rows of the document's own words are left
// unmarked.
func (h *highlights) markRows(rows []row) {
	if h == nil {
		return
	}
	cursor := 0
	for i := range rows {
		r := &rows[i]
		r.marks = nil
		if r.plain || r.text == "" {
			continue
		}
		marks, next := h.markRow(r.text, cursor)
		cursor = next
		for _, m := range marks {
			if m != 0 {
				r.marks = marks
				break
			}
		}
	}
}

// markRow returns the marks of each byte of one row's text, matching its words from cursor
// on, and the cursor after the last word found.
func (h *highlights) markRow(text string, cursor int) ([]uint8, int) {
	marks := make([]uint8, len(text))
	prevEnd, prevOrigEnd := -1, -1 // the last word found: its end in text and in h.text
	for start := 0; start < len(text); {
		word, end := nextWord(text, start)
		if word < 0 {
			break
		}
		origStart, origEnd, ok := h.find(text[word:end], cursor, marks[word:end])
		if ok {
			if prevEnd >= 0 {
				fill(marks[prevEnd:word], h.common(prevOrigEnd-1, origStart+1))
			}
			prevEnd, prevOrigEnd, cursor = end, origEnd, origEnd
		}
		start = end
	}
	return marks, cursor
}

// common returns the marks every byte of h.text[from:to] carries.
func (h *highlights) common(from, to int) uint8 {
	from, to = max(from, 0), min(to, len(h.flags))
	if from >= to {
		return 0
	}
	m := uint8(0xFF)
	for _, f := range h.flags[from:to] {
		m &= f
	}
	return m
}

// fill sets every mark of marks to m.
func fill(marks []uint8, m uint8) {
	for i := range marks {
		marks[i] = m
	}
}

// nextWord returns the bounds of the first word of text at or after start, words being
// separated by spaces and no-break spaces; word is -1 when none is left.
func nextWord(text string, start int) (word, end int) {
	word = -1
	for i := start; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		space := r == ' ' || r == nbsp || r == nnbsp || r == '\u2009'
		switch {
		case word < 0 && !space:
			word = i
		case word >= 0 && space:
			return word, i
		}
		i += size
	}
	return word, len(text)
}

// find looks for the rendered word w in h.text from cursor on, within alignWindow, and on
// success writes the marks of each of its bytes into marks and returns where it lies.
func (h *highlights) find(w string, cursor int, marks []uint8) (start, end int, ok bool) {
	limit := min(len(h.text), cursor+alignWindow+len(w))
	for q := cursor; q < limit; q++ {
		k := strings.IndexByte(h.text[q:limit], w[0])
		if k < 0 {
			return 0, 0, false
		}
		q += k
		if end, ok := h.matchAt(w, q, marks); ok {
			return q, end, true
		}
	}
	return 0, 0, false
}

// inlineMarkers are the characters that rendering drops from inside a word.
const inlineMarkers = "*_`~\\<>"

// matchAt reports whether the rendered word w is written at byte q of h.text, inline markers
// aside, and returns where it ends there; on success marks gets the marks of w's bytes.
func (h *highlights) matchAt(w string, q int, marks []uint8) (int, bool) {
	i, j := 0, q
	for i < len(w) {
		if j >= len(h.text) {
			return 0, false
		}
		switch {
		case w[i] == h.text[j]:
			i++
			j++
		case i > 0 && strings.IndexByte(inlineMarkers, h.text[j]) >= 0:
			j++
		default:
			return 0, false
		}
	}
	h.copyMarks(w, q, j, marks)
	return j, true
}

// copyMarks writes into marks, for each byte of w matched in h.text[q:end], the marks of the
// byte it matched.
func (h *highlights) copyMarks(w string, q, end int, marks []uint8) {
	i := 0
	for j := q; j < end && i < len(w); j++ {
		if w[i] == h.text[j] {
			marks[i] = h.flags[j]
			i++
		}
	}
}

// markRun is a part of a row's text whose characters carry the same marks.
type markRun struct {
	start, end int
	marks      uint8
}
