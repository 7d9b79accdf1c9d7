package uikit

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
)

// WrapGuard works around a flaw of Fyne's RichText (v2.7): a text that starts on a line with
// less room left than its first character is laid out one character per line, and so is every
// text after a link that overflowed its line. A zero-width space fits in any room left: put at
// the start of a text following another on its line, it lets the text wrap as words; twice,
// alone after a marker, it starts a new line when the marker overflowed.
const WrapGuard = "\u200b"

// Guarded returns text starting with a WrapGuard.
func Guarded(text string) string {
	if strings.HasPrefix(text, WrapGuard) {
		return text
	}
	return WrapGuard + text
}

// GuardWraps returns segs with a WrapGuard at the start of every text that follows another
// inline segment in the same block, and two alone after every link.
func GuardWraps(segs []widget.RichTextSegment) []widget.RichTextSegment {
	out := make([]widget.RichTextSegment, 0, len(segs))
	for i, seg := range segs {
		switch s := seg.(type) {
		case *widget.TextSegment:
			if i > 0 && segs[i-1].Inline() && s.Text != "" {
				s.Text = Guarded(s.Text)
			}
		case *widget.HyperlinkSegment:
			out = append(out, s)
			seg = InlinePiece(WrapGuard+WrapGuard, widget.RichTextStyleInline)
		case *widget.ListSegment:
			s.Items = GuardWraps(s.Items)
		case *widget.ParagraphSegment:
			s.Texts = GuardWraps(s.Texts)
		}
		out = append(out, seg)
	}
	return out
}

// InlinePiece is a piece of text that stays on the line of what follows it.
func InlinePiece(text string, style widget.RichTextStyle) *widget.TextSegment {
	style.Inline = true
	return &widget.TextSegment{Text: text, Style: style}
}

// PreviewSegments parses Markdown as the editor's preview shows it: inline HTML rendered, and
// guarded against Fyne laying out a word one letter a line after a bold run or a link.
func PreviewSegments(markdown string) []widget.RichTextSegment {
	return GuardWraps(widget.NewRichTextFromMarkdown(model.InlineHTML(markdown)).Segments)
}
