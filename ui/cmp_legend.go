package ui

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/ui/uikit"
)

// refreshLegend says what each colour of the columns means, in the colours themselves; the
// words not in the source only when they are highlighted.
func (c *comparison) refreshLegend() {
	caption := widget.RichTextStyleInline
	caption.SizeName = theme.SizeNameCaptionText
	item := func(text string, kind markKind) *widget.TextSegment {
		return uikit.InlinePiece(text, markedStyle(caption, kind))
	}
	sep := func() *widget.TextSegment { return uikit.InlinePiece(" · ", caption) }
	segs := []widget.RichTextSegment{
		uikit.InlinePiece(lang.L("Legend:")+" ", caption),
		item(lang.L("fact not in the source"), markFact),
	}
	if c.diffCheck.Checked {
		segs = append(segs, sep(), item(lang.L("words not in the source"), markAbsent))
	}
	segs = append(segs, sep(), item(markerUnsupported+" "+lang.L("sentence without support in the source"), markUnsupported),
		sep(), uikit.InlinePiece(lang.L("tap § or ⚠ after a sentence to see its support in the source:")+" ", caption),
		item(lang.L("passage that supports it"), markPassage))
	c.legend.Segments = segs
	c.legend.Refresh()
}
