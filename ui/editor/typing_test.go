package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/rapporteur/rapporteur/model"
)

// TestTypedTextIsSaved types in the middle of a long report through the window, as the
// keyboard does, and finds in the store exactly the text with the typing in its place.
func TestTypedTextIsSaved(t *testing.T) {
	r := model.NewReport("Concertation des Tanneurs", model.French)
	r.ID = 4
	r.Body = messyReport(10_000)
	e, st := newTestEditor(t, r)
	c := fyne.CurrentApp().Driver().CanvasForObject(e.body)
	c.Focus(e.body)
	at := strings.Index(r.Body, "## SÉANCE N°7 ")
	e.body.SetCursorOffset(at)
	for _, ch := range "Ajout : « séance reportée »\u202f!" {
		c.Focused().TypedRune(ch)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	c.Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierShortcutDefault})
	for _, ch := range "Fin." {
		c.Focused().TypedRune(ch)
	}
	if err := e.Flush(); err != nil {
		t.Fatal(err)
	}
	want := r.Body[:at] + "Ajout : « séance reportée »\u202f!\n\n" + r.Body[at:] + "Fin."
	if got := st.last(); got.ID != 4 || got.Body != want {
		t.Fatalf("saved report %d differs from the text typed (%d bytes, want %d)", got.ID, len(got.Body), len(want))
	}
}

// TestPreviewWindow shows all of a short report, and of a long one the section the caret is
// in, from its heading, within the limit.
func TestPreviewWindow(t *testing.T) {
	short := messyReport(389)
	if s, e := previewWindow(short, len(short)/2); s != 0 || e != len(short) {
		t.Fatalf("a short report is previewed from %d to %d of %d", s, e, len(short))
	}
	long := messyReport(50_000)
	heading := strings.Index(long, "## SÉANCE N°40 ")
	caret := heading + 200
	s, e := previewWindow(long, caret)
	if s != heading || e-s > previewLimit || e < caret {
		t.Fatalf("caret at %d under the heading at %d: previewed %d–%d", caret, heading, s, e)
	}
	if s, e := previewWindow(long, len(long)); e != len(long) || !strings.HasPrefix(long[s:], "#") {
		t.Errorf("at the end: previewed %d–%d of %d, from %q", s, e, len(long), long[s:min(e, s+20)])
	}
}

// TestPreviewFollowsTheCaret previews the section of a long report where the caret is, and
// moves when the caret leaves it.
func TestPreviewFollowsTheCaret(t *testing.T) {
	r := model.NewReport("Concertation des Tanneurs", model.French)
	r.ID = 5
	r.Body = messyReport(50_000)
	e, _ := newTestEditor(t, r)
	if text := e.preview.text.String(); !strings.Contains(text, "SÉANCE N°1 ") || strings.Contains(text, "SÉANCE N°40 ") {
		t.Fatalf("the preview of a long report at its start shows %d characters", len(text))
	}
	if e.preview.title.Text != "Aperçu de la section en cours" {
		t.Errorf("preview titled %q", e.preview.title.Text)
	}
	e.body.SetCursorOffset(strings.Index(r.Body, "## SÉANCE N°40 ") + 10)
	if !e.preview.stale(e.body.CursorOffset()) {
		t.Fatal("the caret left the previewed section, the preview does not know")
	}
	e.refreshPreview()
	if text := e.preview.text.String(); !strings.HasPrefix(text, "SÉANCE N°40 ") {
		t.Errorf("after moving to session 40 the preview starts with %q", text[:min(len(text), 40)])
	}
}
