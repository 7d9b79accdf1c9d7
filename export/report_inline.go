package export

import (
	"strings"
	"unicode/utf8"
)

// span is a piece of inline text set in one style: a word or part of a word in bold, a
// link, a code span.
type span struct {
	text   string
	st     style
	c      rgb
	link   string // the URL the text points to, or empty
	code   bool   // set on a light grey background
	strike bool   // struck through (~~text~~)
}

// rword is what a line never breaks inside: a word, made of one or more spans (a bold word
// and the comma after it), or several words glued by French punctuation.
type rword struct {
	spans []span
	w     float64
	space float64 // width of the ordinary space before it
	brk   bool    // a hard line break comes before it
}

// rline is one line of inline text, as laid out.
type rline struct {
	words []rword
	w     float64
}

// hardBreak is the text of a span that stands for a hard line break.
const hardBreak = "\n"

// toWords cuts spans into words at ordinary spaces only, so that the no-break spaces
// U+00A0 and U+202F stay inside words, then glues to its neighbour a word that must not
// begin or end a line (« : », « ; », « ? », « ! », « » », « « »).
func toWords(m measurer, spans []span) []rword {
	var words []rword
	var cur rword
	space, brk := 0.0, false
	closeWord := func() {
		if len(cur.spans) > 0 {
			cur.space, cur.brk = space, brk
			words = append(words, cur)
			brk = false
		}
		cur = rword{}
	}
	for _, sp := range spans {
		if sp.text == hardBreak {
			closeWord()
			brk = true
			continue
		}
		for i, part := range strings.Split(sp.text, " ") {
			if i > 0 {
				closeWord()
				space = m.width(sp.st, " ")
			}
			if part != "" {
				piece := sp
				piece.text = part
				cur.spans = append(cur.spans, piece)
				cur.w += m.width(sp.st, part)
			}
		}
	}
	closeWord()
	return glueWords(words)
}

// glueWords joins a word to the one before when the line must not break between them.
func glueWords(words []rword) []rword {
	out := words[:0]
	for _, w := range words {
		if n := len(out); n > 0 && !w.brk && mustGlue(out[n-1], w) {
			prev := &out[n-1]
			last := prev.spans[len(prev.spans)-1]
			glue := last
			glue.text = " "
			glue.link = ""
			prev.spans = append(prev.spans, glue)
			prev.spans = append(prev.spans, w.spans...)
			prev.w += w.space + w.w
			continue
		}
		out = append(out, w)
	}
	return out
}

// mustGlue reports whether no line break may come between a and b.
func mustGlue(a, b rword) bool {
	first := b.spans[0].text
	last := a.spans[len(a.spans)-1].text
	return startsClosing(first) || strings.HasSuffix(last, "«")
}

// breakLines fills lines no wider than avail, greedily; a word wider than a line is cut.
func breakLines(m measurer, words []rword, avail float64) []rline {
	var lines []rline
	var cur rline
	flush := func() {
		if len(cur.words) > 0 {
			lines = append(lines, cur)
		}
		cur = rline{}
	}
	for _, w := range words {
		if w.brk {
			flush()
		}
		switch {
		case len(cur.words) > 0 && cur.w+w.space+w.w <= avail:
			cur.words = append(cur.words, w)
			cur.w += w.space + w.w
		case w.w <= avail:
			flush()
			cur = rline{words: []rword{w}, w: w.w}
		default:
			flush()
			pieces := splitWord(m, w, avail)
			for _, p := range pieces[:len(pieces)-1] {
				lines = append(lines, rline{words: []rword{p}, w: p.w})
			}
			last := pieces[len(pieces)-1]
			cur = rline{words: []rword{last}, w: last.w}
		}
	}
	flush()
	return lines
}

// splitWord cuts a word wider than avail into pieces that fit, character by character,
// keeping the style of every span; a piece never begins with a closing mark when it can
// be avoided.
func splitWord(m measurer, w rword, avail float64) []rword {
	var pieces []rword
	cur := rword{space: w.space}
	for _, sp := range w.spans {
		rest := sp.text
		for rest != "" {
			_, size := utf8.DecodeRuneInString(rest)
			ch := rest[:size]
			cw := m.width(sp.st, ch)
			if cur.w+cw > avail && cur.w > 0 && !startsClosing(ch) {
				pieces = append(pieces, cur)
				cur = rword{}
			}
			cur = appendRune(cur, sp, ch, cw)
			rest = rest[size:]
		}
	}
	return append(pieces, cur)
}

// appendRune adds the character ch of span sp to word w, merging it with the last span
// when the style is the same.
func appendRune(w rword, sp span, ch string, cw float64) rword {
	if n := len(w.spans); n > 0 && sameLook(w.spans[n-1], sp) {
		w.spans[n-1].text += ch
	} else {
		piece := sp
		piece.text = ch
		w.spans = append(w.spans, piece)
	}
	w.w += cw
	return w
}

// sameLook reports whether two spans are set alike.
func sameLook(a, b span) bool {
	return a.st == b.st && a.c == b.c && a.link == b.link && a.code == b.code && a.strike == b.strike
}

// drawLine draws a line of inline text with its baseline at y, from x.
func (d *reportDoc) drawLine(x, y float64, ln rline) {
	var prev *span
	for i := range ln.words {
		w := &ln.words[i]
		if i > 0 {
			d.joinSpace(x, y, w.space, prev, &w.spans[0])
			x += w.space
		}
		for j := range w.spans {
			sp := &w.spans[j]
			x += d.drawSpan(x, y, sp)
			prev = sp
		}
	}
}

// joinSpace continues a code background or a link underline across the space between
// two spans that share it.
func (d *reportDoc) joinSpace(x, y, w float64, a, b *span) {
	if a.code && b.code {
		d.codeBackground(x, y, w, a.st)
	}
	if a.strike && b.strike {
		d.rule(x, x+w, y-a.st.size*ptToMM*0.28, 0.2, a.c)
	}
	if a.link != "" && a.link == b.link {
		d.rule(x, x+w, y+0.6, 0.15, a.c)
	}
}

// drawSpan draws one span at baseline y and returns its width.
func (d *reportDoc) drawSpan(x, y float64, sp *span) float64 {
	sw := d.width(sp.st, sp.text)
	if sp.code {
		d.codeBackground(x, y, sw, sp.st)
	}
	d.text(x, y, sp.st, sp.c, sp.text)
	if sp.strike {
		d.rule(x, x+sw, y-sp.st.size*ptToMM*0.28, 0.2, sp.c)
	}
	if sp.link != "" {
		h := sp.st.size * ptToMM
		d.pdf.LinkString(x, y-h*0.8, sw, h, sp.link)
		d.rule(x, x+sw, y+0.6, 0.15, sp.c)
	}
	return sw
}

// codeBackground fills the light grey box behind w millimetres of code at baseline y.
func (d *reportDoc) codeBackground(x, y, w float64, st style) {
	h := st.size * ptToMM
	d.fill(x, y-h*0.82, w, h*1.08, repCodeBg)
}

// ptToMM converts points to millimetres.
const ptToMM = 25.4 / 72
