package textedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// TypedRune types r (IME and dead keys included) over the selection.
func (e *Editor) TypedRune(r rune) { e.insert(string(r)) }

// TypedKey edits or moves the caret; with Shift held, moves extend the selection.
func (e *Editor) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyBackspace:
		e.deleteBack(false)
	case fyne.KeyDelete:
		e.deleteForward(false)
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.Disabled() {
			from, to := e.selection()
			e.replace(from, to, "\n", false)
		}
	case fyne.KeyTab:
		e.insert("\t")
	default:
		e.navigate(k.Name, e.shift, false)
	}
}

// KeyDown notes that Shift is held, for selecting with the arrows.
func (e *Editor) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
}

// KeyUp notes that Shift is released.
func (e *Editor) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
}

// TypedShortcut handles the clipboard, undo, select all, and Ctrl with Home, End, the arrows,
// Backspace and Delete.
func (e *Editor) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		e.copyTo(s.Clipboard)
	case *fyne.ShortcutCut:
		e.cutTo(s.Clipboard)
	case *fyne.ShortcutPaste:
		e.pasteFrom(s.Clipboard)
	case *fyne.ShortcutSelectAll:
		e.selectAll()
	case *fyne.ShortcutUndo:
		e.Undo()
	case *fyne.ShortcutRedo:
		e.Redo()
	case *desktop.CustomShortcut:
		e.ctrlShortcut(s)
	}
}

// ctrlShortcut handles Ctrl (Cmd on macOS) with a key, Shift extending the selection.
func (e *Editor) ctrlShortcut(s *desktop.CustomShortcut) {
	if s.Modifier&fyne.KeyModifierShortcutDefault == 0 || s.Modifier&fyne.KeyModifierAlt != 0 {
		return
	}
	extend := s.Modifier&fyne.KeyModifierShift != 0
	switch s.KeyName {
	case fyne.KeyBackspace:
		e.deleteBack(true)
	case fyne.KeyDelete:
		e.deleteForward(true)
	case fyne.KeyZ:
		if extend {
			e.Redo()
		}
	default:
		e.navigate(s.KeyName, extend, true)
	}
}

// navigate moves the caret for a movement key; extend keeps the selection's anchor, word
// (Ctrl) moves by words and to the ends of the text.
func (e *Editor) navigate(key fyne.KeyName, extend, word bool) {
	from, to := e.selection()
	switch key {
	case fyne.KeyLeft:
		switch {
		case from != to && !extend:
			e.moveTo(from, false)
		case word:
			e.moveTo(e.buf.wordLeft(e.caret), extend)
		default:
			e.moveTo(e.buf.prev(e.caret), extend)
		}
	case fyne.KeyRight:
		switch {
		case from != to && !extend:
			e.moveTo(to, false)
		case word:
			e.moveTo(e.buf.wordRight(e.caret), extend)
		default:
			e.moveTo(e.buf.next(e.caret), extend)
		}
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyPageUp, fyne.KeyPageDown:
		e.moveRows(key, extend)
	case fyne.KeyHome, fyne.KeyEnd:
		e.moveEnds(key == fyne.KeyEnd, extend, word)
	}
}

// moveRows moves the caret one row (Up, Down) or one screen (PgUp, PgDn) keeping its x; the
// text scrolls by as much on PgUp and PgDn.
func (e *Editor) moveRows(key fyne.KeyName, extend bool) {
	n := 1
	if key == fyne.KeyPageUp || key == fyne.KeyPageDown {
		n = e.view.pageRows()
	}
	if key == fyne.KeyUp || key == fyne.KeyPageUp {
		n = -n
	}
	if e.goalX < 0 {
		e.goalX = e.view.caretX(e.caret)
	}
	row := e.lay.rowOf(&e.buf, e.caret) + n
	var off int
	switch {
	case row < 0:
		off = 0
	case row >= e.lay.total():
		off = len(e.buf.text)
	default:
		off = e.view.offsetAtX(row, e.goalX)
	}
	if key == fyne.KeyPageUp || key == fyne.KeyPageDown {
		e.view.scrollBy(float32(n) * e.m.rowH)
	}
	goal := e.goalX
	e.moveTo(off, extend)
	e.goalX = goal
}

// moveEnds is Home and End: to the ends of the row, or of the text with Ctrl.
func (e *Editor) moveEnds(end, extend, whole bool) {
	switch {
	case whole && end:
		e.moveTo(len(e.buf.text), extend)
	case whole:
		e.moveTo(0, extend)
	case end:
		e.moveTo(e.view.rowEnd(e.lay.rowOf(&e.buf, e.caret)), extend)
	default:
		start, _ := e.lay.rowBounds(&e.buf, e.lay.rowOf(&e.buf, e.caret))
		e.moveTo(start, extend)
	}
}

// moveTo puts the caret at off, keeping the anchor when extend, and shows it.
func (e *Editor) moveTo(off int, extend bool) {
	e.caret, e.goalX = off, -1
	if !extend {
		e.anchor = off
	}
	e.showCaret()
}

// showCaret scrolls the caret into view, redraws the visible rows and tells OnCursorChanged.
func (e *Editor) showCaret() {
	e.view.scrollToRow(e.lay.rowOf(&e.buf, e.caret))
	e.view.refreshRows()
	if e.OnCursorChanged != nil {
		e.OnCursorChanged()
	}
}
