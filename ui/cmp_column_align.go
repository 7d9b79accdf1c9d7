package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/widget"
)

// Byte positions of rendered text that are not in the raw Markdown.
const (
	posSpace  = -1 // whitespace between words: it takes the marks its two neighbours share
	posUnknow = -2 // a word that could not be found in the Markdown: it never takes a mark
)

// alignWindow is how far past the cursor a rendered word is looked for in the Markdown.
const alignWindow = 4096

// alignedText is one text segment of a rendered column and, for each byte of its text, the
// byte of the raw Markdown it shows (or posSpace, posUnknow).
type alignedText struct {
	seg *widget.TextSegment // nil for a segment shown as a widget (a link): it is never split
	pos []int
}

// aligner walks the raw Markdown with a cursor while the rendered texts are read in order.
// A rendered word is the same bytes as in the Markdown; what lies between two words is markup
// (emphasis marks, heading hashes, list markers, link targets, tags) that rendering removed.
type aligner struct {
	raw    string
	cursor int
	owed   int // bytes of rendered words not found since the last one found
}

// align maps every byte of text onto the Markdown.
func (a *aligner) align(text string) []int {
	pos := make([]int, len(text))
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isGap(r) {
			for k := range n {
				pos[i+k] = posSpace
			}
			i += n
			continue
		}
		end := wordEnd(text, i)
		at, ok := a.find(text[i:end])
		for k := i; k < end; k++ {
			if ok {
				pos[k] = at + k - i
			} else {
				pos[k] = posUnknow
			}
		}
		if ok {
			a.cursor, a.owed = at+end-i, 0
		} else {
			a.owed += end - i
		}
		i = end
	}
	return pos
}

// isGap reports whether r separates words: a space, or the zero-width space that starts a
// piece of text following another on its line (see uikit.WrapGuard).
func isGap(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' }

// wordEnd returns where the run of non-space characters starting at i ends.
func wordEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isGap(r) {
			break
		}
		i += n
	}
	return i
}

// find looks for word after the cursor and accepts it only if what it skips is markup, or no
// more text than the words not found just before it: a word found further on would mark the
// wrong place, so it is left unmarked instead.
func (a *aligner) find(word string) (int, bool) {
	limit := min(len(a.raw), a.cursor+alignWindow+len(word))
	i := strings.Index(a.raw[a.cursor:limit], word)
	if i < 0 {
		return 0, false
	}
	allowed := 0
	if a.owed > 0 {
		allowed = 2*a.owed + 8
	}
	return a.cursor + i, hiddenText(a.raw[a.cursor:a.cursor+i]) <= allowed
}

// markupBytes are the characters Markdown uses for its marks, which rendering removes.
const markupBytes = "*_#>[]!`-+|~=\\.():0123456789"

// hiddenText counts the bytes of gap that rendering would have shown: not whitespace, not
// markup, not a link target « ](…) », an image's « ![…](…) », a tag « <…> » or a code fence's
// language.
func hiddenText(gap string) int {
	n := 0
	for i := 0; i < len(gap); {
		c := gap[i]
		switch {
		case strings.HasPrefix(gap[i:], "]("):
			i = skipPast(gap, i, ')')
		case strings.HasPrefix(gap[i:], "!["):
			i = skipPast(gap, skipPast(gap, i, ']'), ')')
		case c == '<':
			i = skipPast(gap, i, '>')
		case strings.HasPrefix(gap[i:], "```"):
			i = skipPast(gap, i, '\n')
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || strings.IndexByte(markupBytes, c) >= 0:
			i++
		default:
			r, size := utf8.DecodeRuneInString(gap[i:])
			if !unicode.IsSpace(r) {
				n += size
			}
			i += size
		}
	}
	return n
}

// skipPast returns the index after the first c at or after i on the same line, or i+1 when
// the line has none.
func skipPast(s string, i int, c byte) int {
	line := s[i:]
	if nl := strings.IndexByte(line, '\n'); nl >= 0 && c != '\n' {
		line = line[:nl]
	}
	if j := strings.IndexByte(line, c); j >= 0 {
		return i + j + 1
	}
	return i + 1
}

// alignSegments maps the text of every rendered segment, in reading order, onto raw.
func alignSegments(raw string, segs []widget.RichTextSegment) []alignedText {
	a := &aligner{raw: raw}
	var out []alignedText
	walkTexts(segs, func(seg widget.RichTextSegment) {
		switch s := seg.(type) {
		case *widget.TextSegment:
			out = append(out, alignedText{seg: s, pos: a.align(s.Text)})
		case *widget.HyperlinkSegment:
			out = append(out, alignedText{pos: a.align(s.Text)})
		}
	})
	return out
}

// walkTexts calls f on every leaf segment in reading order, inside lists and paragraphs too.
func walkTexts(segs []widget.RichTextSegment, f func(widget.RichTextSegment)) {
	for _, seg := range segs {
		switch s := seg.(type) {
		case *widget.ListSegment:
			walkTexts(s.Items, f)
		case *widget.ParagraphSegment:
			walkTexts(s.Texts, f)
		default:
			f(seg)
		}
	}
}
