package textedit

import (
	"strings"

	"fyne.io/fyne/v2"
)

// replace puts s in place of text[from:to] as the user's edit, records it for undo (merged
// with the edit before when merge is set and it continues it) and leaves the caret after s.
func (e *Editor) replace(from, to int, s string, merge bool) {
	if from == to && s == "" {
		return
	}
	ed := edit{at: from, removed: strings.Clone(e.buf.text[from:to]), inserted: s}
	if merge {
		e.hist.add(ed)
	} else {
		e.hist.push(ed)
	}
	e.apply(from, to, s)
	e.caret, e.anchor, e.goalX = from+len(s), from+len(s), -1
	e.changed()
}

// apply changes the text and re-wraps the paragraphs the change touched.
func (e *Editor) apply(from, to int, s string) {
	p0, before, after := e.buf.replace(from, to, s)
	e.lay.update(&e.buf, p0, before, after)
	e.Text = e.buf.text
}

// changed shows an edit and tells OnChanged.
func (e *Editor) changed() {
	e.view.resizeToRows()
	e.showCaret()
	if e.OnChanged != nil {
		e.OnChanged(e.Text)
	}
}

// insert types s over the selection.
func (e *Editor) insert(s string) {
	if e.Disabled() {
		return
	}
	from, to := e.selection()
	e.replace(from, to, s, from == to)
}

// deleteBack is Backspace: the selection, or the character before the caret (the word before
// it with Ctrl).
func (e *Editor) deleteBack(word bool) { e.deleteChar(false, word) }

// deleteForward is Delete: the selection, or the character after the caret (the word after
// it with Ctrl).
func (e *Editor) deleteForward(word bool) { e.deleteChar(true, word) }

// deleteChar deletes the selection, or the character (the word, with word) after the caret
// when forward, else before it.
func (e *Editor) deleteChar(forward, word bool) {
	from, to := e.selection()
	switch {
	case e.Disabled():
		return
	case from != to:
		e.replace(from, to, "", false)
	case forward && word:
		e.replace(from, e.buf.wordRight(from), "", false)
	case forward:
		e.replace(from, e.buf.next(from), "", true)
	case word:
		e.replace(e.buf.wordLeft(from), from, "", false)
	default:
		e.replace(e.buf.prev(from), from, "", true)
	}
}

// Undo reverts the last edit and selects the text it brings back.
func (e *Editor) Undo() {
	ed, ok := e.hist.undo()
	if !ok || e.Disabled() {
		return
	}
	e.apply(ed.at, ed.at+len(ed.inserted), ed.removed)
	e.anchor, e.caret, e.goalX = ed.at, ed.at+len(ed.removed), -1
	e.changed()
}

// Redo applies again the last edit undone.
func (e *Editor) Redo() {
	ed, ok := e.hist.redo()
	if !ok || e.Disabled() {
		return
	}
	e.apply(ed.at, ed.at+len(ed.removed), ed.inserted)
	e.caret, e.goalX = ed.at+len(ed.inserted), -1
	e.anchor = e.caret
	e.changed()
}

// copyTo puts the selection on the clipboard.
func (e *Editor) copyTo(c fyne.Clipboard) {
	if sel := e.SelectedText(); sel != "" && c != nil {
		c.SetContent(sel)
	}
}

// cutTo moves the selection to the clipboard.
func (e *Editor) cutTo(c fyne.Clipboard) {
	if e.Disabled() || c == nil {
		return
	}
	if from, to := e.selection(); from != to {
		e.copyTo(c)
		e.replace(from, to, "", false)
	}
}

// pasteFrom types the clipboard's text over the selection, converted by OnPaste.
func (e *Editor) pasteFrom(c fyne.Clipboard) {
	if e.Disabled() || c == nil {
		return
	}
	s := c.Content()
	if e.OnPaste != nil && s != "" {
		s = e.OnPaste(s)
	}
	if s == "" {
		return
	}
	from, to := e.selection()
	e.replace(from, to, s, false)
}

// selectAll selects the whole text.
func (e *Editor) selectAll() {
	e.anchor, e.caret = 0, len(e.buf.text)
	e.showCaret()
}
