package textedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// CreateRenderer draws the editor as an input field: a bordered background, the scrolled
// text, and the placeholder while the text is empty.
func (e *Editor) CreateRenderer() fyne.WidgetRenderer {
	r := &editorRenderer{e: e, bg: canvas.NewRectangle(nil), placeholder: widget.NewRichText()}
	r.placeholder.Wrapping = fyne.TextWrapWord
	r.Refresh()
	return r
}

type editorRenderer struct {
	e           *Editor
	bg          *canvas.Rectangle
	placeholder *widget.RichText
	shownHolder string
}

func (r *editorRenderer) Destroy() {}

func (r *editorRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.e.scroll, r.placeholder}
}

func (r *editorRenderer) MinSize() fyne.Size {
	m := r.e.m
	return fyne.NewSize(m.size*12+2*m.pad, 3*m.rowH+2*m.pad)
}

func (r *editorRenderer) Layout(size fyne.Size) {
	border := r.e.Theme().Size(theme.SizeNameInputBorder)
	r.bg.Resize(size)
	inner := fyne.NewSize(size.Width-2*border, size.Height-2*border)
	r.e.scroll.Move(fyne.NewPos(border, border))
	r.e.scroll.Resize(inner)
	r.placeholder.Move(fyne.NewPos(border, border))
	r.placeholder.Resize(fyne.NewSize(inner.Width, r.placeholder.MinSize().Height))
}

// Refresh follows the theme (colours, text size), the focus and the disabled state.
func (r *editorRenderer) Refresh() {
	e := r.e
	th := e.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	if m := readMetrics(th); m != e.m {
		e.m = m
		if m.size != e.adv.size {
			e.adv.reset(m.size)
			e.lay.rebuild(&e.buf)
		}
		e.view.resizeToRows()
	}
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	if e.focused {
		r.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	}
	r.bg.StrokeWidth = th.Size(theme.SizeNameInputBorder)
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.bg.Refresh()
	if e.Text == "" && e.PlaceHolder != "" {
		if r.shownHolder != e.PlaceHolder {
			r.shownHolder = e.PlaceHolder
			style := widget.RichTextStyleInline
			style.ColorName = theme.ColorNamePlaceHolder
			r.placeholder.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: style, Text: e.PlaceHolder}}
			r.placeholder.Refresh()
		}
		r.placeholder.Show()
	} else {
		r.placeholder.Hide()
	}
	r.Layout(e.Size())
	e.view.refreshRows()
}
