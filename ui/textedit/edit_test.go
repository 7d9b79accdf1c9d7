package textedit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// clip is a clipboard in memory.
type clip struct{ text string }

func (c *clip) Content() string     { return c.text }
func (c *clip) SetContent(s string) { c.text = s }

// TestClipboard copies, cuts and pastes, the paste going through OnPaste.
func TestClipboard(t *testing.T) {
	e, c := newTestEditor(t, "Bonjour le monde", 500, 300)
	e.OnPaste = strings.ToUpper
	cb := &clip{}
	e.SetCursorOffset(len("Bonjour "))
	ctrl(c, fyne.KeyRight, true)
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if cb.text != "le" || e.Text != "Bonjour le monde" {
		t.Fatalf("copy: clipboard %q, text %q", cb.text, e.Text)
	}
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: cb})
	if cb.text != "le" || e.Text != "Bonjour  monde" {
		t.Fatalf("cut: clipboard %q, text %q", cb.text, e.Text)
	}
	ctrl(c, fyne.KeyEnd, false)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if e.Text != "Bonjour  mondeLE" {
		t.Fatalf("paste through OnPaste: %q", e.Text)
	}
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	if e.SelectedText() != e.Text {
		t.Errorf("select all selected %q", e.SelectedText())
	}
}

// TestUndoRedo undoes typing a word at a time, redoes it, undoes a paste in one step, and
// forgets the history when the text is replaced.
func TestUndoRedo(t *testing.T) {
	e, c := newTestEditor(t, "", 500, 300)
	typeText(c, "Bonjour le monde")
	undo := func() { e.TypedShortcut(&fyne.ShortcutUndo{}) }
	redo := func() { e.TypedShortcut(&fyne.ShortcutRedo{}) }
	undo()
	if e.Text != "Bonjour le " {
		t.Fatalf("undo: %q", e.Text)
	}
	undo()
	if e.Text != "Bonjour " {
		t.Fatalf("undo twice: %q", e.Text)
	}
	redo()
	if e.Text != "Bonjour le " || e.CursorOffset() != len("Bonjour le ") {
		t.Fatalf("redo: %q, caret %d", e.Text, e.CursorOffset())
	}
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: &clip{text: "grand monde"}})
	press(c, fyne.KeyBackspace)
	undo()
	undo()
	if e.Text != "Bonjour le " {
		t.Fatalf("undoing a Backspace then a paste: %q", e.Text)
	}
	ctrl(c, fyne.KeyZ, true) // Ctrl+Shift+Z redoes too
	if e.Text != "Bonjour le grand monde" {
		t.Fatalf("Ctrl+Shift+Z: %q", e.Text)
	}
	e.SetText("Autre compte-rendu")
	undo()
	if e.Text != "Autre compte-rendu" {
		t.Errorf("undo crossed SetText: %q", e.Text)
	}
}

// TestTextSetDirectly takes in a Text set as a field, on Refresh, as a Fyne entry does.
func TestTextSetDirectly(t *testing.T) {
	e, c := newTestEditor(t, "ancien", 500, 300)
	e.Text = "nouveau"
	e.Refresh()
	typeText(c, "x")
	if e.Text != "xnouveau" {
		t.Errorf("typed into %q", e.Text)
	}
}

// TestSetTextTellsOnChanged calls OnChanged when the text set differs, and not otherwise.
func TestSetTextTellsOnChanged(t *testing.T) {
	e, _ := newTestEditor(t, "même", 500, 300)
	calls := 0
	e.OnChanged = func(string) { calls++ }
	e.SetText("même")
	e.SetText("autre")
	if calls != 1 {
		t.Errorf("OnChanged called %d times, want once", calls)
	}
}

// TestDisabled refuses edits but still selects and copies.
func TestDisabled(t *testing.T) {
	e, c := newTestEditor(t, "Texte figé", 500, 300)
	e.Disable()
	typeText(c, "x")
	press(c, fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyReturn)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: &clip{text: "collé"}})
	if e.Text != "Texte figé" {
		t.Fatalf("a disabled editor changed: %q", e.Text)
	}
	cb := &clip{}
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if cb.text != "Texte figé" {
		t.Errorf("copy from a disabled editor: %q", cb.text)
	}
}
