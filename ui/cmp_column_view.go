package ui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxWidthsKept is how many column widths keep the heights measured at them.
const maxWidthsKept = 4

// blockText shows a column's text, however long, laying out and drawing only the blocks
// (paragraphs, headings, list items) in view of the scroll that holds it. The other blocks
// only have a height: measured once at a width and kept for it, or estimated until they come
// into view. When blocks above the view get measured, the view moves with its text, so that
// what the reader sees does not jump.
type blockText struct {
	widget.BaseWidget
	// Segments are the whole text, as one RichText would show it.
	Segments []widget.RichTextSegment

	blocks   []textBlock
	measured map[float32][]float32 // heights of the blocks' text by width; 0 when not measured
	seeds    map[float32][]float32 // heights measured before the text last changed, as estimates
	tops     []float32             // where the text of each block starts, at the current width
	total    float32               // the height of the whole text, padding included
	shown    map[int]*widget.RichText
	objects  []fyne.CanvasObject // the blocks shown, for the renderer
	metrics  *blockMetrics
	textSize float32 // the theme's text size the heights were measured with
	placing  bool

	// viewport is the part of the text in view: its top and its height.
	viewport func() (top, height float32)
	// scrollTo brings y of the text to the top of the view.
	scrollTo func(y float32)
	// grown is called when the height of the text changed, for the scroll to take it in.
	grown func()
}

func newBlockText() *blockText {
	bt := &blockText{shown: map[int]*widget.RichText{}}
	bt.viewport = func() (float32, float32) { return 0, bt.Size().Height }
	bt.scrollTo = func(float32) {}
	bt.grown = func() {}
	bt.ExtendBaseWidget(bt)
	return bt
}

// CreateRenderer draws the blocks in view.
func (bt *blockText) CreateRenderer() fyne.WidgetRenderer { return &blockTextRenderer{bt: bt} }

// setSegments shows segs, keeping the place in view. The heights measured so far serve as
// estimates for the blocks at the same places: a new analysis marks the same text, a variant
// being written grows at its end.
func (bt *blockText) setSegments(segs []widget.RichTextSegment) {
	bt.Segments, bt.blocks = segs, splitBlocks(segs)
	seeds := map[float32][]float32{}
	for w, hs := range bt.measured {
		prev := bt.seeds[w]
		for i := range min(len(prev), len(hs)) {
			if hs[i] == 0 {
				hs[i] = prev[i]
			}
		}
		seeds[w] = hs
	}
	bt.seeds, bt.measured = seeds, map[float32][]float32{}
	bt.shown, bt.objects = map[int]*widget.RichText{}, nil
	if len(bt.blocks) == 0 && bt.total != 0 {
		bt.total = 0
		bt.grown()
	}
	bt.place(-1)
}

// heightsAt returns the heights measured at width, made when there are none.
func (bt *blockText) heightsAt(width float32) []float32 {
	hs, ok := bt.measured[width]
	if !ok {
		if len(bt.measured) >= maxWidthsKept {
			clear(bt.measured)
		}
		hs = make([]float32, len(bt.blocks))
		bt.measured[width] = hs
	}
	return hs
}

// height is block i's height at width: measured, or else estimated.
func (bt *blockText) height(m *blockMetrics, i int, width float32) float32 {
	if bt.isMeasured(i, width) {
		return bt.measured[width][i]
	}
	if seeds := bt.seeds[width]; len(seeds) > i && seeds[i] > 0 {
		return seeds[i]
	}
	return m.estimate(bt.blocks[i], width)
}

// isMeasured reports whether block i has been measured at width.
func (bt *blockText) isMeasured(i int, width float32) bool {
	hs := bt.measured[width]
	return i < len(hs) && hs[i] > 0
}

// metricsNow returns the measures of the theme, read again when its text size changed: the
// heights measured with another size are forgotten then.
func (bt *blockText) metricsNow() *blockMetrics {
	th := bt.Theme()
	if size := th.Size(theme.SizeNameText); bt.metrics == nil || size != bt.textSize {
		bt.metrics, bt.textSize = newBlockMetrics(th), size
		bt.measured, bt.seeds = map[float32][]float32{}, nil
	}
	return bt.metrics
}

// layTops places every block at width, and gives the height of the whole text.
func (bt *blockText) layTops(width float32) {
	m := bt.metricsNow()
	if cap(bt.tops) < len(bt.blocks) {
		bt.tops = make([]float32, len(bt.blocks))
	}
	bt.tops = bt.tops[:len(bt.blocks)]
	y := m.innerPad
	for i, b := range bt.blocks {
		bt.tops[i] = y
		y += bt.height(m, i, width)
		if b.spaced && i < len(bt.blocks)-1 {
			y += m.lineSpace
		}
	}
	bt.total = y + m.innerPad
}

// blockAt returns the block shown at y, the last one when y is past the end.
func (bt *blockText) blockAt(y float32) int {
	i := sort.Search(len(bt.tops), func(i int) bool { return bt.tops[i] > y })
	return max(i-1, 0)
}

// measure lays block i out at width, shows it and keeps its height.
func (bt *blockText) measure(i int, width float32) {
	rt := bt.shown[i]
	if rt == nil {
		rt = widget.NewRichText(bt.blocks[i].segs...)
		rt.Wrapping = fyne.TextWrapWord
		bt.shown[i] = rt
	}
	m := bt.metricsNow()
	rt.Resize(fyne.NewSize(width, bt.height(m, i, width)+2*m.innerPad))
	bt.heightsAt(width)[i] = max(rt.MinSize().Height-2*m.innerPad, 1)
}

// place lays out the blocks in view, and keeps the block anchor (or, when it is -1, the first
// block in view already measured) where it is in the view.
func (bt *blockText) place(anchor int) {
	width := bt.Size().Width
	if bt.placing || len(bt.blocks) == 0 || width <= 0 {
		return
	}
	bt.placing = true
	defer func() { bt.placing = false }()
	total := bt.total
	bt.layTops(width)
	top, view := bt.viewport()
	if anchor < 0 {
		anchor = bt.anchorIn(top, view, width)
	}
	for range 3 {
		before := bt.tops[anchor]
		bt.measureView(width, top, view)
		if bt.total != total {
			total = bt.total
			bt.grown()
		}
		shift := bt.tops[anchor] - before
		if shift == 0 {
			break
		}
		bt.scrollTo(max(top+shift, 0))
		top, view = bt.viewport()
	}
	bt.arrange(width, top, view)
}

// measureView measures the blocks in view that are not measured at width yet.
func (bt *blockText) measureView(width, top, view float32) {
	first := bt.blockAt(top)
	for i := first; i < len(bt.blocks) && (i == first || bt.tops[i] < top+view); i++ {
		if !bt.isMeasured(i, width) || bt.shown[i] == nil || bt.shown[i].Size().Width != width {
			bt.measure(i, width)
			bt.layTops(width)
		}
	}
}

// anchorIn returns the first block in view that is already measured, or else the first
// block in view.
func (bt *blockText) anchorIn(top, view, width float32) int {
	first := bt.blockAt(top)
	for i := first; i < len(bt.blocks) && bt.tops[i] < top+view; i++ {
		if bt.isMeasured(i, width) {
			return i
		}
	}
	return first
}

// arrange moves the blocks in view to their places and lets go of the others.
func (bt *blockText) arrange(width, top, view float32) {
	pad := bt.metricsNow().innerPad
	bt.objects = bt.objects[:0]
	from, to := bt.blockAt(top), bt.blockAt(top+view)
	for i := range bt.shown {
		if i < from || i > to {
			delete(bt.shown, i)
		}
	}
	for i := from; i <= to; i++ {
		if bt.shown[i] == nil {
			bt.measure(i, width)
		}
		rt := bt.shown[i]
		rt.Move(fyne.NewPos(0, bt.tops[i]-pad))
		bt.objects = append(bt.objects, rt)
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(bt); c != nil {
		c.Refresh(bt)
	}
}

// blockOf returns the block holding seg, a segment of the text.
func (bt *blockText) blockOf(seg widget.RichTextSegment) (int, bool) {
	for i, b := range bt.blocks {
		found := false
		walkTexts(b.segs, func(s widget.RichTextSegment) { found = found || s == seg })
		if found {
			return i, true
		}
	}
	return 0, false
}

// reveal scrolls so that y, below the top of block i's text, is at fromTop in the view.
func (bt *blockText) reveal(i int, y, fromTop float32) {
	width := bt.Size().Width
	if width <= 0 || i >= len(bt.blocks) {
		return
	}
	bt.layTops(width)
	if !bt.isMeasured(i, width) {
		bt.measure(i, width)
		bt.layTops(width)
		bt.placing = true
		bt.grown()
		bt.placing = false
	}
	bt.scrollTo(max(bt.tops[i]+y-fromTop, 0))
	bt.place(i)
}

// blockTextRenderer draws the blocks in view.
type blockTextRenderer struct{ bt *blockText }

// Layout lays out the blocks in view at the new size.
func (r *blockTextRenderer) Layout(fyne.Size) { r.bt.place(-1) }

// MinSize is the height of the whole text; any width will do, the text wraps.
func (r *blockTextRenderer) MinSize() fyne.Size {
	return fyne.NewSize(2*r.bt.Theme().Size(theme.SizeNameInnerPadding), r.bt.total)
}

// Refresh lays out the blocks in view again. The blocks shown are widgets of the tree, which
// a change of theme refreshes on their own; their heights are measured again when the theme's
// text size changed (see metricsNow).
func (r *blockTextRenderer) Refresh() { r.bt.place(-1) }

// Objects are the blocks in view.
func (r *blockTextRenderer) Objects() []fyne.CanvasObject { return r.bt.objects }

// Destroy does nothing: the blocks hold no resources.
func (r *blockTextRenderer) Destroy() {}
