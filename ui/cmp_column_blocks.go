package ui

import (
	"math"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// textBlock is a piece of a column's text laid out on its own: a paragraph, a heading, one
// item of a list, a separator. Stacked, the blocks look as the whole text in one RichText.
type textBlock struct {
	segs []widget.RichTextSegment
	// spaced says whether a line spacing follows the block: RichText puts one after a row
	// that ends with a segment that is not inline (a paragraph, a heading), none between the
	// items of a list.
	spaced bool
	runes  int                // characters shown, for an estimate of the block's height
	rows   int                // rows the block has at least (its line breaks)
	size   fyne.ThemeSizeName // the size of its largest text
}

// splitBlocks cuts segs, as rendered from Markdown, into blocks: a block ends after a segment
// that is not inline, and every item of a list is a block of its own, numbered as in the list.
func splitBlocks(segs []widget.RichTextSegment) []textBlock {
	var out []textBlock
	var cur []widget.RichTextSegment
	for _, seg := range segs {
		l, isList := seg.(*widget.ListSegment)
		if !isList {
			cur = append(cur, seg)
			if !seg.Inline() {
				out, cur = append(out, newTextBlock(cur)), nil
			}
			continue
		}
		if len(cur) > 0 {
			out, cur = append(out, newTextBlock(cur)), nil
		}
		for k, item := range l.Items {
			one := &widget.ListSegment{Items: []widget.RichTextSegment{item}, Ordered: l.Ordered}
			one.SetStartNumber(l.StartNumber() + k)
			out = append(out, newTextBlock([]widget.RichTextSegment{one}))
		}
	}
	if len(cur) > 0 {
		out = append(out, newTextBlock(cur))
	}
	return out
}

// newTextBlock measures what the estimate of a block's height needs.
func newTextBlock(segs []widget.RichTextSegment) textBlock {
	b := textBlock{segs: segs, size: theme.SizeNameText}
	var last widget.RichTextSegment
	var walk func([]widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, s := range segs {
			if parent, ok := s.(widget.RichTextBlock); ok {
				walk(parent.Segments())
				continue
			}
			last = s
			b.runes += utf8.RuneCountInString(s.Textual())
			if !s.Inline() {
				b.rows++
			}
			if ts, ok := s.(*widget.TextSegment); ok && sizeRank(ts.Style.SizeName) > sizeRank(b.size) {
				b.size = ts.Style.SizeName
			}
		}
	}
	walk(segs)
	b.rows = max(b.rows, 1)
	b.spaced = last != nil && !last.Inline()
	return b
}

// sizeRank orders the sizes of text a column uses.
func sizeRank(n fyne.ThemeSizeName) int {
	switch n {
	case theme.SizeNameHeadingText:
		return 3
	case theme.SizeNameSubHeadingText:
		return 2
	case theme.SizeNameText, "":
		return 1
	}
	return 0
}

// blockMetrics are the measures the estimate of a block's height uses, read from the theme
// once for a size of text.
type blockMetrics struct {
	charWidth map[fyne.ThemeSizeName]float32 // the average width of a character
	rowHeight map[fyne.ThemeSizeName]float32
	lineSpace float32
	innerPad  float32
}

// estimateSample is ordinary French text, for the average width of a character.
const estimateSample = "Les participant·es ont discuté du budget de la place du marché, et Mme Laurent a répondu."

func newBlockMetrics(th fyne.Theme) *blockMetrics {
	m := &blockMetrics{charWidth: map[fyne.ThemeSizeName]float32{}, rowHeight: map[fyne.ThemeSizeName]float32{},
		lineSpace: th.Size(theme.SizeNameLineSpacing), innerPad: th.Size(theme.SizeNameInnerPadding)}
	for _, n := range []fyne.ThemeSizeName{theme.SizeNameText, theme.SizeNameSubHeadingText, theme.SizeNameHeadingText} {
		s := fyne.MeasureText(estimateSample, th.Size(n), fyne.TextStyle{})
		m.charWidth[n] = s.Width / float32(utf8.RuneCountInString(estimateSample))
		m.rowHeight[n] = s.Height
	}
	return m
}

// estimate is about the height of b's text laid out at width, before it is measured.
func (m *blockMetrics) estimate(b textBlock, width float32) float32 {
	size := b.size
	if m.charWidth[size] == 0 {
		size = theme.SizeNameText
	}
	line := max(width-2*m.innerPad, 1)
	rows := max(b.rows, int(math.Ceil(float64(float32(b.runes)*m.charWidth[size]/line))))
	return float32(rows) * m.rowHeight[size]
}
