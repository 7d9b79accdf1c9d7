package ui

import (
	"sort"
	"unicode/utf8"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/analysis"

	"github.com/rapporteur/rapporteur/ui/uikit"
)

// markKind is what a stretch of a column's text is marked as; a byte can be several at once.
type markKind uint8

const (
	markFact        markKind = 1 << iota // a fact the source does not state
	markAbsent                           // words the source does not contain in that context
	markUnsupported                      // a sentence the source does not support
	markActive                           // the sentence whose support is shown in the source
	markPassage                          // the source passage supporting the chosen sentence
)

// spanMark marks a byte span of a column's raw Markdown.
type spanMark struct {
	span analysis.Span
	kind markKind
}

// sentenceMarker is a small tappable sign put after a sentence of a variant.
type sentenceMarker struct {
	start, end int // the sentence's byte offsets in the Markdown
	text       string
	onTap      func()
}

// markedStyle is style with the look of kind: facts in bold red; the chosen sentence and the
// passage supporting it in green; words not in the source in bold blue; sentences without
// support in orange italics (italics kept under the other colours).
func markedStyle(style widget.RichTextStyle, kind markKind) widget.RichTextStyle {
	switch {
	case kind&markFact != 0:
		style.ColorName, style.TextStyle.Bold = theme.ColorNameError, true
	case kind&(markActive|markPassage) != 0:
		style.ColorName = theme.ColorNameSuccess
	case kind&markAbsent != 0:
		style.ColorName, style.TextStyle.Bold = theme.ColorNamePrimary, true
	case kind&markUnsupported != 0:
		style.ColorName = theme.ColorNameWarning
	}
	if kind&markUnsupported != 0 {
		style.TextStyle.Italic = true
	}
	return style
}

// markSegments returns segs, rendered from raw, with the spans of marks standing out and the
// markers put after their sentences, and the first piece of text of each kind of mark. Text
// that cannot be matched with raw is left as it is.
func markSegments(raw string, segs []widget.RichTextSegment, marks []spanMark, markers []sentenceMarker) ([]widget.RichTextSegment, map[markKind]*widget.TextSegment) {
	first := map[markKind]*widget.TextSegment{}
	if len(marks) == 0 && len(markers) == 0 {
		return segs, first
	}
	texts := alignSegments(raw, segs)
	kinds := byteKinds(raw, texts, marks)
	after := markerPlaces(texts, markers)
	i := 0
	out := rebuild(segs, func(ts *widget.TextSegment) []widget.RichTextSegment {
		for texts[i].seg != ts {
			i++
		}
		pieces := splitMarked(ts, kinds[i], after[i], first)
		i++
		return pieces
	})
	return out, first
}

// byteKinds gives the marks of every byte of the rendered texts. A space takes the marks its
// neighbouring words share, so that « M. Jean Dupont » stands out as one run.
func byteKinds(raw string, texts []alignedText, marks []spanMark) [][]markKind {
	rawKinds := make([]markKind, len(raw))
	for _, m := range marks {
		for p := max(m.span.Start, 0); p < min(m.span.End, len(raw)); p++ {
			rawKinds[p] |= m.kind
		}
	}
	out := make([][]markKind, len(texts))
	type at struct{ t, b int }
	var spaces []at
	prev := markKind(0)
	for t, tx := range texts {
		out[t] = make([]markKind, len(tx.pos))
		for b, p := range tx.pos {
			switch {
			case p == posSpace:
				spaces = append(spaces, at{t, b})
				continue
			case p >= 0 && p < len(raw):
				out[t][b] = rawKinds[p]
			}
			for _, s := range spaces {
				out[s.t][s.b] = prev & out[t][b]
			}
			spaces, prev = spaces[:0], out[t][b]
		}
	}
	return out
}

// markerPlaces says, for every rendered text, after which of its bytes a marker goes: after
// the last byte of its sentence that could be found. The markers are in the order of the text.
func markerPlaces(texts []alignedText, markers []sentenceMarker) []map[int][]sentenceMarker {
	out := make([]map[int][]sentenceMarker, len(texts))
	type at struct{ t, b int }
	last := make([]at, len(markers))
	for i := range last {
		last[i] = at{-1, -1}
	}
	for t, tx := range texts {
		for b, p := range tx.pos {
			i := sort.Search(len(markers), func(i int) bool { return markers[i].end > p })
			if p >= 0 && i < len(markers) && p >= markers[i].start {
				last[i] = at{t, b}
			}
		}
	}
	for i, l := range last {
		if l.t < 0 || texts[l.t].seg == nil {
			continue // not found, or inside a link: left without a marker
		}
		if out[l.t] == nil {
			out[l.t] = map[int][]sentenceMarker{}
		}
		out[l.t][l.b+1] = append(out[l.t][l.b+1], markers[i])
	}
	return out
}

// splitMarked cuts one text segment where its marks change and where markers go. Every piece
// but the last stays on the line (Inline); the last keeps the segment's own line ending.
// The first piece of each kind of mark in first, when there is none yet.
func splitMarked(ts *widget.TextSegment, kinds []markKind, after map[int][]sentenceMarker, first map[markKind]*widget.TextSegment) []widget.RichTextSegment {
	text := ts.Text
	if text == "" {
		return []widget.RichTextSegment{ts}
	}
	var out []widget.RichTextSegment
	start := 0
	for i := 1; i <= len(text); i++ {
		cut := i == len(text) || (utf8.RuneStart(text[i]) && looksApart(ts.Style, kinds[i], kinds[start])) || after[i] != nil
		if !cut {
			continue
		}
		piece := uikit.InlinePiece(text[start:i], markedStyle(ts.Style, kinds[start]))
		if start > 0 {
			piece.Text = uikit.Guarded(piece.Text)
		}
		noteFirst(first, kinds[start], piece)
		out = append(out, piece)
		for _, m := range after[i] {
			out = append(out, markerSegment(m), uikit.InlinePiece(uikit.WrapGuard+uikit.WrapGuard, ts.Style))
		}
		start = i
	}
	if len(out) == 1 && kinds[0] == 0 {
		return []widget.RichTextSegment{ts}
	}
	last, ok := out[len(out)-1].(*widget.TextSegment)
	if ok {
		last.Style.Inline = ts.Style.Inline
	} else if !ts.Style.Inline {
		out = append(out, &widget.TextSegment{Style: ts.Style}) // ends the line after the marker
	}
	return out
}

// noteFirst keeps piece as the first of the passage or of the sentence shown, if it is.
func noteFirst(first map[markKind]*widget.TextSegment, kind markKind, piece *widget.TextSegment) {
	for _, k := range []markKind{markPassage, markActive} {
		if kind&k != 0 && first[k] == nil {
			first[k] = piece
		}
	}
}

// looksApart reports whether text marked a and text marked b must be separate pieces: they
// look different, or one is the start of the passage or sentence shown.
func looksApart(style widget.RichTextStyle, a, b markKind) bool {
	return a != b && (markedStyle(style, a) != markedStyle(style, b) || (a^b)&(markPassage|markActive) != 0)
}

// markerSegment is the tappable sign of a sentence.
func markerSegment(m sentenceMarker) widget.RichTextSegment {
	return &widget.HyperlinkSegment{Text: m.text, OnTapped: m.onTap}
}

// rebuild returns segs with every text segment replaced by what f returns, inside lists and
// paragraphs too.
func rebuild(segs []widget.RichTextSegment, f func(*widget.TextSegment) []widget.RichTextSegment) []widget.RichTextSegment {
	out := make([]widget.RichTextSegment, 0, len(segs))
	for _, seg := range segs {
		switch s := seg.(type) {
		case *widget.TextSegment:
			out = append(out, f(s)...)
		case *widget.ListSegment:
			s.Items = rebuild(s.Items, f) // freshly parsed: changed in place, keeping its numbering
			out = append(out, s)
		case *widget.ParagraphSegment:
			s.Texts = rebuild(s.Texts, f)
			out = append(out, s)
		default:
			out = append(out, seg)
		}
	}
	return out
}
