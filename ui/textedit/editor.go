package textedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Editor is a multi-line, word-wrapped text editor that stays fast on long texts: it draws
// only the rows in view and re-wraps only the paragraph an edit touched.
type Editor struct {
	widget.DisableableWidget

	// Text is the whole text, up to date after every edit. Replace it with SetText (or set it
	// and call Refresh).
	Text string
	// PlaceHolder is shown, greyed, while the text is empty.
	PlaceHolder string
	// OnChanged is called after every change of the text, typed or set.
	OnChanged func(string)
	// OnCursorChanged is called after the caret moved or the selection changed.
	OnCursorChanged func()
	// OnPaste, when set, converts the clipboard's text before it is pasted.
	OnPaste func(string) string

	buf     buffer
	lay     layout
	adv     advances
	m       metrics
	caret   int     // byte offset of the caret
	anchor  int     // the other end of the selection; equal to caret when nothing is selected
	goalX   float32 // the x that Up, Down, PgUp and PgDn keep; negative when none
	shift   bool    // a Shift key is held down
	focused bool
	hist    history

	view   *view
	scroll *container.Scroll
}

// New returns an empty editor.
func New() *Editor {
	e := &Editor{goalX: -1}
	e.ExtendBaseWidget(e)
	e.view = newView(e)
	e.scroll = container.NewVScroll(e.view)
	e.scroll.OnScrolled = func(fyne.Position) { e.view.refreshRows() }
	e.buf.set("")
	e.lay.adv = e.adv.of
	e.adv.reset(0)
	return e
}

// SetText replaces the text, puts the caret at its start and forgets the undo history.
// OnChanged is called when the text differs.
func (e *Editor) SetText(s string) {
	changed := s != e.buf.text
	e.load(s)
	if changed && e.OnChanged != nil {
		e.OnChanged(s)
	}
}

// load shows s from its start, without calling OnChanged.
func (e *Editor) load(s string) {
	e.Text = s
	e.buf.set(s)
	e.lay.rebuild(&e.buf)
	e.caret, e.anchor, e.goalX = 0, 0, -1
	e.hist.clear()
	e.view.resizeToRows()
	e.scroll.Offset = fyne.Position{}
	e.scroll.Refresh() // moves the view back to the top
	e.Refresh()
}

// Refresh redraws the editor; a Text set directly is taken in first.
func (e *Editor) Refresh() {
	if e.Text != e.buf.text {
		e.load(e.Text)
		return
	}
	e.BaseWidget.Refresh()
}

// SelectedText returns the selected text, empty when nothing is selected.
func (e *Editor) SelectedText() string {
	from, to := e.selection()
	return e.buf.text[from:to]
}

// CursorOffset is the caret's place in Text, in bytes.
func (e *Editor) CursorOffset() int { return e.caret }

// SetCursorOffset puts the caret at off (in bytes, moved back to the start of a character
// when inside one, and into the text when beyond it), without selection, and scrolls to it.
func (e *Editor) SetCursorOffset(off int) {
	off = max(0, min(off, len(e.buf.text)))
	for off > 0 && off < len(e.buf.text) && !isCharStart(e.buf.text[off]) {
		off--
	}
	e.moveTo(off, false)
}

// isCharStart says whether byte c begins a UTF-8 character.
func isCharStart(c byte) bool { return c&0xC0 != 0x80 }

// selection returns the selected bytes, from <= to.
func (e *Editor) selection() (from, to int) {
	return min(e.caret, e.anchor), max(e.caret, e.anchor)
}

// FocusGained shows the caret.
func (e *Editor) FocusGained() {
	e.focused = true
	e.Refresh()
}

// FocusLost hides the caret.
func (e *Editor) FocusLost() {
	e.focused, e.shift = false, false
	e.Refresh()
}

// AcceptsTab says Tab is typed in the text, as in the multi-line entry it replaces.
func (e *Editor) AcceptsTab() bool { return true }

// requestFocus gives the keyboard to the editor.
func (e *Editor) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.Focused() != e {
		c.Focus(e)
	}
}
