package textedit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxUndo is how many edits the history keeps; older ones are forgotten, so a long session
// does not grow memory without end.
const maxUndo = 500

// edit is one change of the text: removed was at offset at, and inserted took its place.
type edit struct {
	at       int
	removed  string
	inserted string
	sealed   bool // a step of its own (paste, cut, Return…): nothing merges into it
}

// history is the undo and redo stack. Typing a word, or deleting one key after key, is one
// step: consecutive edits merge until a space starts a new word.
type history struct {
	edits []edit
	done  int // edits[:done] can be undone, edits[done:] redone
}

func (h *history) clear() { h.edits, h.done = h.edits[:0], 0 }

// add records e, merged with the previous edit when it continues it.
func (h *history) add(e edit) {
	h.edits = h.edits[:h.done]
	if h.done > 0 && h.edits[h.done-1].merge(e) {
		return
	}
	h.append(e)
}

// push records e as a step of its own.
func (h *history) push(e edit) {
	e.sealed = true
	h.append(e)
}

func (h *history) append(e edit) {
	h.edits = h.edits[:h.done]
	if len(h.edits) == maxUndo {
		h.edits = append(h.edits[:0], h.edits[1:]...)
	}
	h.edits = append(h.edits, e)
	h.done = len(h.edits)
}

// undo returns the edit to revert, if any.
func (h *history) undo() (edit, bool) {
	if h.done == 0 {
		return edit{}, false
	}
	h.done--
	return h.edits[h.done], true
}

// redo returns the edit to apply again, if any.
func (h *history) redo() (edit, bool) {
	if h.done == len(h.edits) {
		return edit{}, false
	}
	h.done++
	return h.edits[h.done-1], true
}

// merge extends e with next when next continues it: typing on after e's insertion, or
// deleting on before (Backspace) or at (Delete) e's deletion, within one word.
func (e *edit) merge(next edit) bool {
	switch {
	case e.sealed:
		return false
	case e.removed == "" && next.removed == "" && next.at == e.at+len(e.inserted):
		if endsWord(e.inserted, next.inserted) {
			return false
		}
		e.inserted += next.inserted
	case e.inserted == "" && next.inserted == "" && next.at+len(next.removed) == e.at:
		if endsWord(next.removed, e.removed) {
			return false
		}
		e.at, e.removed = next.at, next.removed+e.removed
	case e.inserted == "" && next.inserted == "" && next.at == e.at:
		if endsWord(e.removed, next.removed) {
			return false
		}
		e.removed += next.removed
	default:
		return false
	}
	return true
}

// endsWord says whether text b, coming after a, starts a new undo step: a is a single word
// and its spaces, and b starts the next word (or a line).
func endsWord(a, b string) bool {
	if strings.ContainsRune(b, '\n') || strings.ContainsRune(a, '\n') {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	return unicode.IsSpace(last) && !unicode.IsSpace(first)
}
