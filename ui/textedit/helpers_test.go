package textedit

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// newTestEditor shows an editor holding text in a window of the given size on Fyne's test
// driver, with the keyboard on it.
func newTestEditor(t testing.TB, text string, w, h float32) (*Editor, fyne.Canvas) {
	t.Helper()
	test.NewTempApp(t)
	e := New()
	e.SetText(text)
	win := test.NewTempWindow(t, e)
	win.Resize(fyne.NewSize(w, h))
	win.Canvas().Focus(e)
	return e, win.Canvas()
}

// press sends keys to the focused object, as the driver does.
func press(c fyne.Canvas, keys ...fyne.KeyName) {
	for _, k := range keys {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: k})
	}
}

// shiftPress sends keys with Shift held down.
func shiftPress(c fyne.Canvas, keys ...fyne.KeyName) {
	k := c.Focused().(desktop.Keyable)
	k.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	press(c, keys...)
	k.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// ctrl sends Ctrl+key (Ctrl+Shift+key with shift), as the driver does: a shortcut.
func ctrl(c fyne.Canvas, key fyne.KeyName, shift bool) {
	mod := fyne.KeyModifierShortcutDefault
	if shift {
		mod |= fyne.KeyModifierShift
	}
	c.Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod})
}

// typeText types s one character at a time.
func typeText(c fyne.Canvas, s string) {
	for _, r := range s {
		c.Focused().TypedRune(r)
	}
}

// longText is n numbered paragraphs of a fictional report, some long enough to wrap.
func longText(n int) string {
	var b strings.Builder
	for i := range n {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "## POINT %d – ÉCHANGES AVEC LA SALLE\n", i)
		case 1:
			fmt.Fprintf(&b, "Paragraphe %d : les participant·es demandent que le compte-rendu soit publié sous quinze jours\u202f; l'adjointe répond que « ce sera fait » et rappelle le budget de %d 000 €.\n", i, 400+i)
		case 2:
			b.WriteString("\n")
		default:
			fmt.Fprintf(&b, "- point %d, voir https://www.tanneurs.example.org/point/%d\n", i, i)
		}
	}
	return b.String()
}

// visibleRows returns the texts the view draws, top to bottom.
func visibleRows(e *Editor) []string {
	var rows []string
	for _, t := range e.view.texts {
		if t.Visible() {
			rows = append(rows, t.Text)
		}
	}
	return rows
}
