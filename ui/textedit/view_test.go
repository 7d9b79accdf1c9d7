package textedit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// TestOnlyRowsInViewAreDrawn draws a long text with as many texts as rows fit, and the rows
// at the new place after the wheel scrolls.
func TestOnlyRowsInViewAreDrawn(t *testing.T) {
	e, c := newTestEditor(t, longText(3000), 600, 400)
	fit := int(e.scroll.Size().Height/e.m.rowH) + 2
	rows := visibleRows(e)
	if len(rows) == 0 || len(rows) > fit || len(e.view.texts) > fit {
		t.Fatalf("%d rows drawn, %d texts made, for %d that fit", len(rows), len(e.view.texts), fit)
	}
	test.Scroll(c, fyne.NewPos(300, 200), 0, -2000)
	if e.scroll.Offset.Y != 2000 {
		t.Fatalf("the wheel scrolled to %v", e.scroll.Offset.Y)
	}
	first := int((2000 - e.m.pad) / e.m.rowH)
	start, end := e.lay.rowBounds(&e.buf, first)
	if rows := visibleRows(e); rows[0] != e.Text[start:end] {
		t.Errorf("after scrolling the first row drawn is %q, want row %d %q", rows[0], first, e.Text[start:end])
	}
}

// TestRowsFitTheWidth wraps a long French paragraph so that every row drawn fits the width,
// and the rows together are the paragraph.
func TestRowsFitTheWidth(t *testing.T) {
	para := strings.Repeat("Les participant·es « très » nombreux ont demandé\u202f: pourquoi\u202f? ", 12)
	e, _ := newTestEditor(t, para, 320, 600)
	rows := visibleRows(e)
	if len(rows) < 5 {
		t.Fatalf("%d rows for a long paragraph in 320 pixels", len(rows))
	}
	for _, r := range rows {
		if w := fyne.MeasureText(strings.TrimRight(r, " "), e.m.size, fyne.TextStyle{}).Width; w > e.lay.width {
			t.Errorf("row %q is %v wide, more than %v", r, w, e.lay.width)
		}
	}
	if strings.Join(rows, "") != para {
		t.Error("the rows drawn are not the paragraph")
	}
}

// TestMouse puts the caret with a click, selects by dragging and by a double click.
func TestMouse(t *testing.T) {
	e, _ := newTestEditor(t, "Première ligne\nles participant·es présents", 500, 300)
	m := e.m
	second := m.pad + m.rowH*1.5
	xOf := func(s string) float32 { return m.pad + e.adv.measure(s) }
	e.view.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, PointEvent: fyne.PointEvent{Position: fyne.NewPos(xOf("les")+1, second)}})
	if want := len("Première ligne\nles"); e.CursorOffset() != want {
		t.Fatalf("click after « les »: caret at %d, want %d", e.CursorOffset(), want)
	}
	e.view.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(xOf("les participant·es"), second)}})
	if e.SelectedText() != " participant·es" {
		t.Fatalf("drag selected %q", e.SelectedText())
	}
	e.view.DragEnd()
	e.view.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(xOf("Premi"), m.pad+m.rowH/2)})
	if e.SelectedText() != "Première" {
		t.Errorf("double click selected %q", e.SelectedText())
	}
	e.view.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierShift, PointEvent: fyne.PointEvent{Position: fyne.NewPos(xOf("Première li"), m.pad+m.rowH/2)}})
	if e.SelectedText() != "Première li" {
		t.Errorf("Shift+click extended the selection to %q", e.SelectedText())
	}
}

// TestCaretFollowsTyping keeps the caret in view while typing at the end of a long text.
func TestCaretFollowsTyping(t *testing.T) {
	e, c := newTestEditor(t, longText(600), 600, 400)
	ctrl(c, fyne.KeyEnd, false)
	for range 30 {
		press(c, fyne.KeyReturn)
	}
	typeText(c, "fin")
	y := e.view.rowY(e.lay.rowOf(&e.buf, e.CursorOffset()))
	if off := e.scroll.Offset.Y; y < off || y+e.m.rowH > off+e.scroll.Size().Height {
		t.Fatalf("caret row at %v out of view (%v + %v)", y, off, e.scroll.Size().Height)
	}
	if !e.view.caret.Visible() || e.view.caret.Position().Y != y {
		t.Errorf("caret drawn at %v (shown %v), want %v", e.view.caret.Position().Y, e.view.caret.Visible(), y)
	}
}

// TestContextMenu opens the editing menu with a right click; its items act on the text, and
// a disabled editor offers only to copy and select.
func TestContextMenu(t *testing.T) {
	e, c := newTestEditor(t, "Texte du compte-rendu", 500, 300)
	test.TapSecondary(e.view)
	if c.Overlays().Top() == nil {
		t.Fatal("a right click shows no menu")
	}
	labels := func() (string, map[string]func()) {
		var l []string
		acts := map[string]func(){}
		for _, it := range e.view.menu().Items {
			l = append(l, it.Label)
			acts[it.Label] = it.Action
		}
		return strings.Join(l, ","), acts
	}
	got, acts := labels()
	if got != "Undo,Redo,,Cut,Copy,Paste,Select all" {
		t.Fatalf("menu items %s", got)
	}
	acts["Select all"]()
	if e.SelectedText() != e.Text {
		t.Errorf("Select all selected %q", e.SelectedText())
	}
	e.Disable()
	if got, _ := labels(); got != "Copy,Select all" {
		t.Errorf("disabled, the menu offers %s", got)
	}
}

// TestSetTextShowsTheStart shows a new text from its top, even when the old one was scrolled.
func TestSetTextShowsTheStart(t *testing.T) {
	e, c := newTestEditor(t, longText(2000), 600, 400)
	ctrl(c, fyne.KeyEnd, false)
	e.SetText("Nouveau compte-rendu\n" + longText(1000))
	if e.scroll.Offset.Y != 0 || e.view.Position().Y != 0 {
		t.Fatalf("a new text shows scrolled to %v, its view at %v", e.scroll.Offset.Y, e.view.Position().Y)
	}
	if rows := visibleRows(e); rows[0] != "Nouveau compte-rendu" {
		t.Errorf("first row drawn %q", rows[0])
	}
}

// TestNarrowerWindowWrapsAgain wraps the text again when the window narrows, and the end of
// the text can still be reached.
func TestNarrowerWindowWrapsAgain(t *testing.T) {
	test.NewTempApp(t)
	e := New()
	e.SetText(longText(800))
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(700, 400))
	w.Canvas().Focus(e)
	wide := e.lay.total()
	w.Resize(fyne.NewSize(350, 400))
	if e.lay.total() <= wide {
		t.Fatalf("%d rows at 350 pixels, %d at 700", e.lay.total(), wide)
	}
	if e.view.Size().Height < e.view.MinSize().Height {
		t.Fatalf("the view is %v tall for %v of rows", e.view.Size().Height, e.view.MinSize().Height)
	}
	ctrl(w.Canvas(), fyne.KeyEnd, false)
	y := e.view.rowY(e.lay.total() - 1)
	if off := e.scroll.Offset.Y; y < off || y+e.m.rowH > off+e.scroll.Size().Height || e.view.Position().Y != -off {
		t.Errorf("last row at %v; scrolled to %v, view at %v", y, off, e.view.Position().Y)
	}
}
