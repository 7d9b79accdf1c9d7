package ui

import (
	"strings"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/analysis"
)

// flagStyle marks what the reader must check: a fact the source does not state.
func flagStyle(base widget.RichTextStyle) widget.RichTextStyle {
	base.ColorName = theme.ColorNameError
	base.TextStyle.Bold = true
	return base
}

// flagSegments splits the text segments so that every occurrence of one of flags stands out.
func flagSegments(segs []widget.RichTextSegment, flags []string) []widget.RichTextSegment {
	if len(flags) == 0 {
		return segs
	}
	out := make([]widget.RichTextSegment, 0, len(segs))
	for _, seg := range segs {
		ts, ok := seg.(*widget.TextSegment)
		if !ok {
			out = append(out, seg)
			continue
		}
		out = append(out, splitFlags(ts, flags)...)
	}
	return out
}

// splitFlags cuts one segment around the flags it contains. Every piece but the last stays on the
// same line (Inline); the last keeps the segment's own line ending.
func splitFlags(ts *widget.TextSegment, flags []string) []widget.RichTextSegment {
	var pieces []widget.RichTextSegment
	text := ts.Text
	for {
		at, flag := firstFlag(text, flags)
		if at < 0 {
			break
		}
		if at > 0 {
			pieces = append(pieces, inlinePiece(text[:at], ts.Style))
		}
		pieces = append(pieces, inlinePiece(flag, flagStyle(ts.Style)))
		text = text[at+len(flag):]
	}
	if len(pieces) == 0 {
		return []widget.RichTextSegment{ts}
	}
	last := &widget.TextSegment{Text: text, Style: ts.Style}
	return append(pieces, last)
}

func inlinePiece(text string, style widget.RichTextStyle) *widget.TextSegment {
	style.Inline = true
	return &widget.TextSegment{Text: text, Style: style}
}

// firstFlag finds the earliest, then longest, flag in text.
func firstFlag(text string, flags []string) (int, string) {
	best, bestFlag := -1, ""
	for _, f := range flags {
		if f == "" {
			continue
		}
		i := strings.Index(text, f)
		if i >= 0 && (best < 0 || i < best || (i == best && len(f) > len(bestFlag))) {
			best, bestFlag = i, f
		}
	}
	return best, bestFlag
}

// diffSegments shows the variant side of a word diff: the words the source does not have stand
// out; the words it dropped are not repeated (the source column holds them).
func diffSegments(spans []analysis.DiffSpan) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for _, sp := range spans {
		switch sp.Op {
		case analysis.DiffEqual:
			segs = append(segs, inlinePiece(sp.Text, widget.RichTextStyleInline))
		case analysis.DiffInsert:
			style := widget.RichTextStyleInline
			style.ColorName = theme.ColorNamePrimary
			style.TextStyle.Bold = true
			segs = append(segs, inlinePiece(sp.Text, style))
		}
	}
	return segs
}

// wordDiffSegments shows both sides of a word diff: added words in bold, removed words in red
// italics.
func wordDiffSegments(spans []analysis.DiffSpan) []widget.RichTextSegment {
	segs := make([]widget.RichTextSegment, 0, len(spans))
	for _, sp := range spans {
		style := widget.RichTextStyleInline
		switch sp.Op {
		case analysis.DiffInsert:
			style.ColorName, style.TextStyle.Bold = theme.ColorNamePrimary, true
		case analysis.DiffDelete:
			style.ColorName, style.TextStyle.Italic = theme.ColorNameError, true
		}
		segs = append(segs, inlinePiece(sp.Text, style))
	}
	return segs
}
