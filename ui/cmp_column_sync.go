package ui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/analysis"
)

// newSyncCheck is the option « Scroll the source with the variant », off at first.
func (c *comparison) newSyncCheck() *widget.Check {
	return widget.NewCheck(lang.L("Scroll the source with the variant"), func(on bool) {
		if on && len(c.shown) > 0 {
			c.followVariant(c.shown[0])
		}
	})
}

// followVariant scrolls the source column, when the option is on, to the passage that
// supports the first sentence in view of variant i's column (or, when that one has no
// support, of the next sentence in view that has), at the same height in the view. Without
// such a sentence, or before the analysis, the source goes to the same relative position.
func (c *comparison) followVariant(i int) {
	col, ok := c.cols[i]
	if c.syncCheck == nil || !c.syncCheck.Checked || c.srcCol == nil || !ok || i >= len(c.variants) {
		return
	}
	if va, ok := c.variantAnalysis(c.variants[i]); ok {
		if at, fromTop, ok := col.supportInView(va.Sentences); ok && c.srcCol.revealByte(at, fromTop) {
			return
		}
	}
	c.srcCol.scrollToFraction(col.scrollFraction())
}

// supportInView returns the byte of the source that supports the first sentence in view
// that has support, and how far below the top of the view that sentence starts.
func (col *column) supportInView(sentences []analysis.SentenceSupport) (int, float32, bool) {
	top, view := col.scroll.Offset.Y, col.scroll.Size().Height
	first := col.byteAt(top)
	i := sort.Search(len(sentences), func(i int) bool { return sentences[i].End > first })
	for ; i < len(sentences); i++ {
		s := sentences[i]
		y, ok := col.yOfByte(max(s.Start, first))
		if !ok || y >= top+view {
			break
		}
		if len(s.Source) > 0 {
			return inPassage(s, first), max(y-top, 0), true
		}
	}
	return 0, 0, false
}

// inPassage returns the byte of s's first passage that matches byte at of s, by their
// places in the sentence and in the passage: a sentence begun above the view has its passage
// begun above the view as much.
func inPassage(s analysis.SentenceSupport, at int) int {
	p := s.Source[0]
	if at <= s.Start || s.End <= s.Start {
		return p.Start
	}
	f := min(float64(at-s.Start)/float64(s.End-s.Start), 1)
	return p.Start + int(f*float64(p.End-p.Start))
}

// scrollFraction is how far down its text the column is scrolled, from 0 to 1.
func (col *column) scrollFraction() float32 {
	room := col.scroll.Content.Size().Height - col.scroll.Size().Height
	if room <= 0 {
		return 0
	}
	return min(max(col.scroll.Offset.Y/room, 0), 1)
}

// scrollToFraction scrolls the column to fraction f of its text, from 0 to 1.
func (col *column) scrollToFraction(f float32) {
	room := col.scroll.Content.Size().Height - col.scroll.Size().Height
	col.scroll.ScrollToOffset(fyne.NewPos(0, max(room*f, 0)))
	col.text.place(-1)
}

// revealByte scrolls the column so that the line showing byte at of its Markdown is fromTop
// below the top of the view.
func (col *column) revealByte(at int, fromTop float32) bool {
	b, y, ok := col.blockOfByte(at)
	if ok {
		col.text.reveal(b, y, fromTop)
	}
	return ok
}

// byteAt returns the byte of the Markdown shown at y of the text, by its place in its block.
func (col *column) byteAt(y float32) int {
	spans := col.blockSpans()
	bt := col.text
	if len(spans) == 0 || len(bt.tops) != len(spans) {
		return 0
	}
	b := bt.blockAt(y)
	h := bt.height(bt.metricsNow(), b, bt.Size().Width)
	f := min(max((y-bt.tops[b])/h, 0), 1)
	return spans[b].Start + int(f*float32(spans[b].End-spans[b].Start))
}

// yOfByte returns where the line showing byte at of the Markdown is in the text.
func (col *column) yOfByte(at int) (float32, bool) {
	b, y, ok := col.blockOfByte(at)
	if !ok || b >= len(col.text.tops) {
		return 0, false
	}
	return col.text.tops[b] + y, true
}

// blockOfByte returns the block showing byte at of the Markdown, and how far below the top
// of the block's text its line is, measuring the block at the column's width.
func (col *column) blockOfByte(at int) (int, float32, bool) {
	spans := col.blockSpans()
	bt := col.text
	width := bt.Size().Width
	if len(spans) == 0 || width <= 0 {
		return 0, 0, false
	}
	b := max(sort.Search(len(spans), func(i int) bool { return spans[i].Start > at })-1, 0)
	if !bt.isMeasured(b, width) {
		bt.measure(b, width)
		bt.layTops(width)
	}
	f := float32(0)
	if n := spans[b].End - spans[b].Start; n > 0 {
		f = min(max(float32(at-spans[b].Start)/float32(n), 0), 1)
	}
	return b, f * bt.height(bt.metricsNow(), b, width), true
}

// blockSpans returns, for every block of the text, the bytes of the Markdown it shows: from
// its first word found in the Markdown to the end of its last one. A block with no word found
// is empty, where the block before it ends.
func (col *column) blockSpans() []analysis.Span {
	if col.spans != nil || len(col.text.blocks) == 0 {
		return col.spans
	}
	a := &aligner{raw: col.markdown}
	spans := make([]analysis.Span, len(col.text.blocks))
	end := 0
	for i, b := range col.text.blocks {
		spans[i] = analysis.Span{Start: end, End: end}
		found := false
		walkTexts(b.segs, func(seg widget.RichTextSegment) {
			for _, p := range a.align(seg.Textual()) {
				if p < 0 {
					continue
				}
				if !found {
					spans[i].Start, found = p, true
				}
				spans[i].End = max(spans[i].End, p+1)
			}
		})
		end = spans[i].End
	}
	col.spans = spans
	return spans
}
