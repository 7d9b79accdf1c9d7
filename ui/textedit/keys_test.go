package textedit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestTypingFrenchText types accented French with its typography, as TypedRune receives it
// from the keyboard or an input method, and finds it in Text and in OnChanged.
func TestTypingFrenchText(t *testing.T) {
	e, c := newTestEditor(t, "", 500, 300)
	var told string
	e.OnChanged = func(s string) { told = s }
	want := "Réunion « publique »\u202f; 12 participant·es — ça ira\u202f! Œuvre, naïve, ÉTÉ"
	typeText(c, want)
	if e.Text != want || told != want {
		t.Fatalf("Text %q, OnChanged %q, want %q", e.Text, told, want)
	}
	if e.CursorOffset() != len(want) {
		t.Errorf("caret at %d, want %d", e.CursorOffset(), len(want))
	}
	if rows := visibleRows(e); len(rows) == 0 || !strings.HasPrefix(want, rows[0]) {
		t.Errorf("drawn rows %q", rows)
	}
}

// TestEditingAtAPosition types, breaks a line, and deletes both ways in the middle of a text.
func TestEditingAtAPosition(t *testing.T) {
	e, c := newTestEditor(t, "Première ligne\nDeuxième ligne", 500, 300)
	e.SetCursorOffset(len("Première ligne\nDeuxième"))
	steps := []struct {
		do   func()
		want string
	}{
		{func() { typeText(c, " belle") }, "Première ligne\nDeuxième belle ligne"},
		{func() { press(c, fyne.KeyReturn) }, "Première ligne\nDeuxième belle\n ligne"},
		{func() { press(c, fyne.KeyBackspace) }, "Première ligne\nDeuxième belle ligne"},
		{func() { press(c, fyne.KeyDelete) }, "Première ligne\nDeuxième belleligne"},
		{func() { press(c, fyne.KeyBackspace, fyne.KeyBackspace) }, "Première ligne\nDeuxième belligne"},
	}
	for i, s := range steps {
		s.do()
		if e.Text != s.want {
			t.Fatalf("step %d: %q, want %q", i, e.Text, s.want)
		}
	}
}

// TestArrows move one character at a time, accents included, and stop at the ends.
func TestArrows(t *testing.T) {
	e, c := newTestEditor(t, "çà\u202f!", 500, 300)
	press(c, fyne.KeyLeft)
	if e.CursorOffset() != 0 {
		t.Fatalf("Left at the start moved to %d", e.CursorOffset())
	}
	var stops []int
	for range 4 {
		press(c, fyne.KeyRight)
		stops = append(stops, e.CursorOffset())
	}
	if want := []int{2, 4, 7, 8}; !equalInts(stops, want) {
		t.Fatalf("Right stops at %v, want %v", stops, want)
	}
	press(c, fyne.KeyRight)
	if e.CursorOffset() != 8 {
		t.Errorf("Right at the end moved to %d", e.CursorOffset())
	}
	press(c, fyne.KeyLeft, fyne.KeyLeft)
	if e.CursorOffset() != 4 {
		t.Errorf("two Left from the end: %d, want 4", e.CursorOffset())
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestUpDownKeepTheColumn goes down through a short line and back to the same column of the
// next long one.
func TestUpDownKeepTheColumn(t *testing.T) {
	e, c := newTestEditor(t, "abcdefgh\nab\nabcdefgh", 500, 300)
	e.SetCursorOffset(6)
	press(c, fyne.KeyDown)
	if want := len("abcdefgh\nab"); e.CursorOffset() != want {
		t.Fatalf("Down onto a short line: %d, want its end %d", e.CursorOffset(), want)
	}
	press(c, fyne.KeyDown)
	if want := len("abcdefgh\nab\nabcdef"); e.CursorOffset() != want {
		t.Fatalf("Down again: %d, want the column kept, %d", e.CursorOffset(), want)
	}
	press(c, fyne.KeyUp, fyne.KeyUp)
	if e.CursorOffset() != 6 {
		t.Errorf("Up twice: %d, want 6", e.CursorOffset())
	}
	press(c, fyne.KeyUp)
	if e.CursorOffset() != 0 {
		t.Errorf("Up on the first row: %d, want the start", e.CursorOffset())
	}
}

// TestHomeEndOnWrappedRows keeps Home and End to the row on screen of a wrapped paragraph.
func TestHomeEndOnWrappedRows(t *testing.T) {
	para := strings.Repeat("concertation publique ", 30)
	e, c := newTestEditor(t, para, 300, 300)
	if e.lay.total() < 3 {
		t.Fatalf("the paragraph was not wrapped (%d rows)", e.lay.total())
	}
	press(c, fyne.KeyEnd)
	_, rowEnd := e.lay.rowBounds(&e.buf, 0)
	if e.CursorOffset() != rowEnd-1 || e.lay.rowOf(&e.buf, e.CursorOffset()) != 0 {
		t.Fatalf("End: caret at %d (row %d), want %d, before the space of the first row's end", e.CursorOffset(), e.lay.rowOf(&e.buf, e.CursorOffset()), rowEnd-1)
	}
	press(c, fyne.KeyDown, fyne.KeyHome)
	if e.CursorOffset() != rowEnd {
		t.Errorf("Down then Home: %d, want the second row's start %d", e.CursorOffset(), rowEnd)
	}
	press(c, fyne.KeyHome)
	if e.CursorOffset() != rowEnd {
		t.Errorf("Home again left the row: %d", e.CursorOffset())
	}
}

// TestCtrlHomeEnd goes to the ends of a long text and scrolls there.
func TestCtrlHomeEnd(t *testing.T) {
	text := longText(2000)
	e, c := newTestEditor(t, text, 600, 400)
	ctrl(c, fyne.KeyEnd, false)
	if e.CursorOffset() != len(text) {
		t.Fatalf("Ctrl+End: caret at %d of %d", e.CursorOffset(), len(text))
	}
	off, h := e.scroll.Offset.Y, e.scroll.Size().Height
	if y := e.view.rowY(e.lay.total() - 1); y < off || y+e.m.rowH > off+h {
		t.Fatalf("Ctrl+End: the last row (y %v) is not in view (%v to %v)", y, off, off+h)
	}
	if rows := visibleRows(e); len(rows) == 0 || !strings.Contains(rows[len(rows)-2], "point 1999") {
		t.Errorf("Ctrl+End draws %q", rows)
	}
	ctrl(c, fyne.KeyHome, false)
	if e.CursorOffset() != 0 || e.scroll.Offset.Y != 0 {
		t.Fatalf("Ctrl+Home: caret %d, scrolled to %v", e.CursorOffset(), e.scroll.Offset.Y)
	}
	if rows := visibleRows(e); rows[0] != "## POINT 0 – ÉCHANGES AVEC LA SALLE" {
		t.Errorf("Ctrl+Home draws first %q", rows[0])
	}
	e.SetCursorOffset(len(text) / 2)
	ctrl(c, fyne.KeyEnd, true)
	if e.SelectedText() != text[e.anchor:] || e.anchor == 0 {
		t.Errorf("Ctrl+Shift+End selected %d bytes from %d", len(e.SelectedText()), e.anchor)
	}
}

// TestPageDownUp moves the caret and the view by a screen.
func TestPageDownUp(t *testing.T) {
	e, c := newTestEditor(t, longText(400), 600, 400)
	page := e.view.pageRows()
	if page < 5 {
		t.Fatalf("a page of %d rows in a 400-pixel window", page)
	}
	press(c, fyne.KeyPageDown)
	if row := e.lay.rowOf(&e.buf, e.CursorOffset()); row != page {
		t.Fatalf("PgDn: caret on row %d, want %d", row, page)
	}
	if got, want := e.scroll.Offset.Y, float32(page)*e.m.rowH; got < want-e.m.rowH || got > want+e.m.rowH {
		t.Errorf("PgDn scrolled to %v, want about %v", got, want)
	}
	press(c, fyne.KeyPageDown, fyne.KeyPageUp, fyne.KeyPageUp)
	if e.CursorOffset() != 0 || e.scroll.Offset.Y != 0 {
		t.Errorf("PgDn, PgDn, PgUp, PgUp: caret %d, scrolled to %v", e.CursorOffset(), e.scroll.Offset.Y)
	}
}

// TestSelectionWithKeys selects with Shift and the arrows, replaces the selection by typing,
// and collapses it with a bare arrow.
func TestSelectionWithKeys(t *testing.T) {
	e, c := newTestEditor(t, "Bonjour le monde", 500, 300)
	shiftPress(c, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight)
	if e.SelectedText() != "Bonjour" {
		t.Fatalf("Shift+Right ×7 selected %q", e.SelectedText())
	}
	typeText(c, "Salut")
	if e.Text != "Salut le monde" || e.SelectedText() != "" {
		t.Fatalf("typing over the selection: %q, still selected %q", e.Text, e.SelectedText())
	}
	ctrl(c, fyne.KeyRight, true)
	if e.SelectedText() != " le" {
		t.Fatalf("Ctrl+Shift+Right selected %q", e.SelectedText())
	}
	press(c, fyne.KeyLeft)
	if e.SelectedText() != "" || e.CursorOffset() != len("Salut") {
		t.Errorf("Left collapsed to %d, selection %q", e.CursorOffset(), e.SelectedText())
	}
	shiftPress(c, fyne.KeyEnd)
	press(c, fyne.KeyBackspace)
	if e.Text != "Salut" {
		t.Errorf("Shift+End, Backspace: %q", e.Text)
	}
}

// TestCtrlWords moves and deletes by words, inclusive writing being one word.
func TestCtrlWords(t *testing.T) {
	e, c := newTestEditor(t, "les participant·es et inscrit.e.s", 500, 300)
	ctrl(c, fyne.KeyRight, false)
	ctrl(c, fyne.KeyRight, false)
	if e.Text[:e.CursorOffset()] != "les participant·es" {
		t.Fatalf("Ctrl+Right twice stops after %q", e.Text[:e.CursorOffset()])
	}
	ctrl(c, fyne.KeyDelete, false)
	if e.Text != "les participant·es inscrit.e.s" {
		t.Fatalf("Ctrl+Delete: %q", e.Text)
	}
	ctrl(c, fyne.KeyBackspace, false)
	if e.Text != "les  inscrit.e.s" {
		t.Errorf("Ctrl+Backspace: %q", e.Text)
	}
}
