package textedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// offsetAt is the place in the text nearest to pos, a point of the view.
func (v *view) offsetAt(pos fyne.Position) int {
	m := v.e.m
	if m.rowH <= 0 {
		return 0
	}
	n := int((pos.Y - m.pad) / m.rowH)
	if pos.Y < m.pad {
		n = 0
	}
	n = max(0, min(n, v.e.lay.total()-1))
	return v.offsetAtX(n, pos.X-m.pad)
}

// MouseDown puts the caret where the mouse is pressed (Shift extends the selection) and
// gives the editor the keyboard.
func (v *view) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	v.e.requestFocus()
	v.e.moveTo(v.offsetAt(ev.Position), ev.Modifier&fyne.KeyModifierShift != 0 || v.e.shift)
}

// MouseUp ends a press; the drag, if any, has selected already.
func (v *view) MouseUp(*desktop.MouseEvent) {}

// Tapped gives the editor the keyboard and puts the caret there (for drivers that send no
// MouseDown).
func (v *view) Tapped(ev *fyne.PointEvent) {
	v.e.requestFocus()
	if off := v.offsetAt(ev.Position); v.e.caret == v.e.anchor {
		v.e.moveTo(off, false)
	}
}

// DoubleTapped selects the word under the mouse.
func (v *view) DoubleTapped(ev *fyne.PointEvent) {
	start, end := v.e.buf.wordAt(v.offsetAt(ev.Position))
	v.e.anchor, v.e.caret = start, end
	v.e.showCaret()
}

// Dragged extends the selection to the mouse, scrolling when it leaves the view.
func (v *view) Dragged(ev *fyne.DragEvent) {
	v.e.moveTo(v.offsetAt(ev.Position), true)
}

// DragEnd ends a selection by the mouse.
func (v *view) DragEnd() {}

// Cursor is the text cursor.
func (v *view) Cursor() desktop.Cursor { return desktop.TextCursor }

// TappedSecondary opens the editing menu.
func (v *view) TappedSecondary(ev *fyne.PointEvent) {
	v.e.requestFocus()
	d := fyne.CurrentApp().Driver()
	if c := d.CanvasForObject(v); c != nil {
		widget.ShowPopUpMenuAtPosition(v.menu(), c, d.AbsolutePositionForObject(v).Add(ev.Position))
	}
}

// menu is the editing menu: undo, redo, cut, copy, paste, select all (copy and select all
// only, when the editor is disabled).
func (v *view) menu() *fyne.Menu {
	e := v.e
	clip := fyne.CurrentApp().Clipboard()
	items := []*fyne.MenuItem{}
	if !e.Disabled() {
		items = append(items,
			fyne.NewMenuItem(lang.L("Undo"), e.Undo),
			fyne.NewMenuItem(lang.L("Redo"), e.Redo),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Cut"), func() { e.cutTo(clip) }),
		)
	}
	items = append(items, fyne.NewMenuItem(lang.L("Copy"), func() { e.copyTo(clip) }))
	if !e.Disabled() {
		items = append(items, fyne.NewMenuItem(lang.L("Paste"), func() { e.pasteFrom(clip) }))
	}
	items = append(items, fyne.NewMenuItem(lang.L("Select all"), e.selectAll))
	return fyne.NewMenu("", items...)
}
