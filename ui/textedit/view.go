package textedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// view is the editor's text inside its scroll: as tall as all the rows, it holds drawings
// only for the rows in view, and takes the mouse's events for the editor.
type view struct {
	widget.BaseWidget
	e *Editor

	texts []*canvas.Text      // one per row in view, reused as the view scrolls
	sel   []*canvas.Rectangle // the selection's part of each row in view
	caret *canvas.Rectangle
	texL  *fyne.Container
	selL  *fyne.Container
}

func newView(e *Editor) *view {
	v := &view{e: e, caret: canvas.NewRectangle(nil), texL: &fyne.Container{}, selL: &fyne.Container{}}
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer draws the selection under the text and the caret above it.
func (v *view) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{Objects: []fyne.CanvasObject{v.selL, v.texL, v.caret}})
}

// MinSize is the height of every row.
func (v *view) MinSize() fyne.Size {
	m := v.e.m
	return fyne.NewSize(0, float32(v.e.lay.total())*m.rowH+2*m.pad)
}

// Resize wraps the text again when the width changes.
func (v *view) Resize(s fyne.Size) {
	w := s.Width - 2*v.e.m.pad
	if w != v.e.lay.width {
		v.e.lay.width = w
		v.e.lay.rebuild(&v.e.buf)
		s.Height = max(v.MinSize().Height, v.e.scroll.Size().Height)
	}
	v.BaseWidget.Resize(s)
	v.refreshRows()
}

// resizeToRows makes the view as tall as its rows after they changed in number.
func (v *view) resizeToRows() {
	h := max(v.MinSize().Height, v.e.scroll.Size().Height)
	if h != v.Size().Height {
		v.BaseWidget.Resize(fyne.NewSize(v.Size().Width, h))
		v.e.scroll.Refresh()
	}
}

// visibleRows returns the first row in view and the one after the last.
func (v *view) visibleRows() (first, end int) {
	m := v.e.m
	if m.rowH <= 0 {
		return 0, 0
	}
	top := v.e.scroll.Offset.Y - m.pad
	first = max(0, int(top/m.rowH))
	end = min(v.e.lay.total(), int((top+v.e.scroll.Size().Height)/m.rowH)+1)
	return first, max(first, end)
}

// pageRows is how many rows PgUp and PgDn move: a screen, less one row kept in view.
func (v *view) pageRows() int {
	if v.e.m.rowH <= 0 {
		return 1
	}
	return max(1, int(v.e.scroll.Size().Height/v.e.m.rowH)-1)
}

// rowY is the top of row n in the view.
func (v *view) rowY(n int) float32 { return v.e.m.pad + float32(n)*v.e.m.rowH }

// scrollToRow scrolls the least that brings row n into view.
func (v *view) scrollToRow(n int) {
	top, h := v.rowY(n), v.e.scroll.Size().Height
	off := v.e.scroll.Offset.Y
	switch {
	case top-v.e.m.pad < off:
		off = top - v.e.m.pad
	case top+v.e.m.rowH+v.e.m.pad > off+h:
		off = top + v.e.m.rowH + v.e.m.pad - h
	}
	v.scrollTo(off)
}

// scrollBy scrolls the text by dy (positive: down).
func (v *view) scrollBy(dy float32) { v.scrollTo(v.e.scroll.Offset.Y + dy) }

func (v *view) scrollTo(off float32) {
	off = max(0, min(off, v.MinSize().Height-v.e.scroll.Size().Height))
	if off != v.e.scroll.Offset.Y {
		v.e.scroll.ScrollToOffset(fyne.NewPos(0, off))
	}
}

// caretX is the x of the caret at off within its row, from the row's left edge.
func (v *view) caretX(off int) float32 {
	start, _ := v.e.lay.rowBounds(&v.e.buf, v.e.lay.rowOf(&v.e.buf, off))
	return v.e.adv.measure(v.e.buf.text[start:off])
}

// offsetAtX is the place in row n nearest to x.
func (v *view) offsetAtX(n int, x float32) int {
	start, _ := v.e.lay.rowBounds(&v.e.buf, n)
	end := v.rowEnd(n)
	var acc float32
	for i, r := range v.e.buf.text[start:end] {
		a := v.e.adv.of(r)
		if x < acc+a/2 {
			return start + i
		}
		acc += a
	}
	return end
}

// rowEnd is where End puts the caret in row n: after its last character, or before the space
// at which a long paragraph wraps (after it, the caret would show on the next row).
func (v *view) rowEnd(n int) int {
	start, end := v.e.lay.rowBounds(&v.e.buf, n)
	if end > start && (end >= len(v.e.buf.text) || v.e.buf.text[end] != '\n') && v.e.lay.rowOf(&v.e.buf, end) != n {
		return v.e.buf.prev(end)
	}
	return end
}

// refreshRows draws the rows in view, the selection and the caret.
func (v *view) refreshRows() {
	e := v.e
	th := e.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, variant)
	if e.Disabled() {
		fg = th.Color(theme.ColorNameDisabled, variant)
	}
	first, end := v.visibleRows()
	for len(v.texts) < end-first {
		t := canvas.NewText("", fg)
		v.texts = append(v.texts, t)
		v.texL.Objects = append(v.texL.Objects, t)
	}
	for i, t := range v.texts {
		n := first + i
		if n >= end {
			t.Hide()
			continue
		}
		start, stop := e.lay.rowBounds(&e.buf, n)
		s := display(e.buf.text[start:stop])
		if t.Text != s || t.Color != fg || t.TextSize != e.m.size || !t.Visible() {
			t.Text, t.Color, t.TextSize = s, fg, e.m.size
			t.Show()
			t.Refresh()
		}
		t.Move(fyne.NewPos(e.m.pad, v.rowY(n)+(e.m.rowH-e.m.textH)/2))
		t.Resize(fyne.NewSize(e.lay.width, e.m.textH))
	}
	v.drawSelection(first, end)
	v.drawCaret(first, end)
	canvas.Refresh(v)
}

// drawCaret places the caret, shown while the editor has the keyboard.
func (v *view) drawCaret(first, end int) {
	e := v.e
	n := e.lay.rowOf(&e.buf, e.caret)
	if !e.focused || e.Disabled() || n < first || n >= end {
		v.caret.Hide()
		return
	}
	v.caret.FillColor = e.Theme().Color(theme.ColorNamePrimary, fyne.CurrentApp().Settings().ThemeVariant())
	v.caret.Move(fyne.NewPos(e.m.pad+v.caretX(e.caret)-e.m.caret/2, v.rowY(n)))
	v.caret.Resize(fyne.NewSize(e.m.caret, e.m.rowH))
	v.caret.Show()
	v.caret.Refresh()
}

// drawSelection paints the selected part of each row in view.
func (v *view) drawSelection(first, end int) {
	e := v.e
	from, to := e.selection()
	col := e.Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant())
	used := 0
	if from != to {
		first = max(first, e.lay.rowOf(&e.buf, from))
		end = min(end, e.lay.rowOf(&e.buf, to)+1)
	}
	for n := first; from != to && n < end; n++ {
		start, stop := e.lay.rowBounds(&e.buf, n)
		a, b := max(from, start), min(to, stop)
		if a > b || (a == b && to <= stop) {
			continue
		}
		x0 := v.e.adv.measure(e.buf.text[start:a])
		x1 := v.e.adv.measure(e.buf.text[start:b])
		if to > stop {
			x1 += e.adv.of(' ') // the row's end is selected too
		}
		if used == len(v.sel) {
			v.sel = append(v.sel, canvas.NewRectangle(col))
			v.selL.Objects = append(v.selL.Objects, v.sel[used])
		}
		r := v.sel[used]
		r.FillColor = col
		r.Move(fyne.NewPos(e.m.pad+x0, v.rowY(n)))
		r.Resize(fyne.NewSize(x1-x0, e.m.rowH))
		r.Show()
		r.Refresh()
		used++
	}
	for _, r := range v.sel[used:] {
		r.Hide()
	}
}
