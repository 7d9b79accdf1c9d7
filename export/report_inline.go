package export

import (
	"strings"
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
	n := 0
	for _, sp := range spans {
		n += strings.Count(sp.text, " ") + 1
	}
	pool := make([]span, 0, n) // the spans of every word, one after the other
	words := make([]rword, 0, n)
	var cur rword
	start, space, brk := 0, 0.0, false
	closeWord := func() {
		if len(pool) > start {
			cur.spans = pool[start:len(pool):len(pool)]
			cur.space, cur.brk = space, brk
			words = append(words, cur)
			brk = false
		}
		cur, start = rword{}, len(pool)
	}
	for _, sp := range spans {
		if sp.text == hardBreak {
			closeWord()
			brk = true
			continue
		}
		spaceW, i := -1.0, 0
		for part := range strings.SplitSeq(sp.text, " ") {
			if i++; i > 1 {
				closeWord()
				if spaceW < 0 {
					spaceW = m.width(sp.st, " ")
				}
				space = spaceW
			}
			if part != "" {
				piece := sp
				piece.text = part
				pool = append(pool, piece)
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
