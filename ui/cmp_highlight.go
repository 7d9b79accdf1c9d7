package ui

import (
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/analysis"

	"github.com/rapporteur/rapporteur/ui/uikit"
)

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
		segs = append(segs, uikit.InlinePiece(sp.Text, style))
	}
	return segs
}
