package editor

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/model"
)

// BenchmarkTyping types in the middle of reports of 389, 10,000 and 50,000 words through the
// window's focused object, as the driver does with the keyboard's events: one op is one keystroke, a letter then a Backspace
// in turn, so the text keeps its length however many times the loop runs. It includes all the
// editor does per key (the widget, the draft, the status line, the save and preview timers).
func BenchmarkTyping(b *testing.B) {
	for _, words := range []int{389, 10_000, 50_000} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			r := model.NewReport("Concertation des Tanneurs", model.French)
			r.ID = 3
			r.Body = messyReport(words)
			e, _ := newTestEditor(b, r)
			c := fyne.CurrentApp().Driver().CanvasForObject(e.body)
			c.Focus(e.body)
			caretToMiddle(e)
			backspace := &fyne.KeyEvent{Name: fyne.KeyBackspace}
			c.Focused().TypedRune('é')
			if len(e.body.Text) != len(r.Body)+len("é") {
				b.Fatal("the letter did not reach the body")
			}
			c.Focused().TypedKey(backspace)
			if e.body.Text != r.Body {
				b.Fatal("Backspace did not remove the letter typed")
			}
			i := 0
			for b.Loop() {
				if i%2 == 0 {
					c.Focused().TypedRune('é')
				} else {
					c.Focused().TypedKey(backspace)
				}
				i++
			}
			b.StopTimer()
			_ = e.Flush()
		})
	}
}

// caretToMiddle puts the caret at the start of the middle paragraph of the body.
func caretToMiddle(e *Screen) {
	mid := len(e.body.Text) / 2
	e.body.SetCursorOffset(mid + strings.IndexByte(e.body.Text[mid:], '\n') + 1)
}

// BenchmarkNavigation moves about reports of 10,000 and 50,000 words with Ctrl+End, PgUp,
// Ctrl+Home, PgDn and Down, and scrolls with the wheel: one op is one key or one wheel step.
func BenchmarkNavigation(b *testing.B) {
	keys := []fyne.KeyName{fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageUp, fyne.KeyHome, fyne.KeyPageDown, fyne.KeyDown}
	for _, words := range []int{10_000, 50_000} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			r := model.NewReport("Concertation des Tanneurs", model.French)
			r.ID = 3
			r.Body = messyReport(words)
			e, _ := newTestEditor(b, r)
			c := fyne.CurrentApp().Driver().CanvasForObject(e.body)
			c.Focus(e.body)
			c.Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierShortcutDefault})
			if e.body.CursorOffset() != len(r.Body) {
				b.Fatal("Ctrl+End did not reach the end")
			}
			i := 0
			for b.Loop() {
				k := keys[i%len(keys)]
				if k == fyne.KeyEnd || k == fyne.KeyHome {
					c.Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
				} else {
					c.Focused().TypedKey(&fyne.KeyEvent{Name: k})
				}
				i++
			}
		})
		b.Run(fmt.Sprintf("wheel/words=%d", words), func(b *testing.B) {
			r := model.NewReport("Concertation des Tanneurs", model.French)
			r.ID = 3
			r.Body = messyReport(words)
			e, _ := newTestEditor(b, r)
			c := fyne.CurrentApp().Driver().CanvasForObject(e.body)
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.body).AddXY(50, 50)
			i := 0
			for b.Loop() {
				dy := float32(-120)
				if i%100 >= 50 {
					dy = 120
				}
				test.Scroll(c, pos, 0, dy)
				i++
			}
		})
	}
}
