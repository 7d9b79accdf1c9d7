package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestPasteFromWordProcessor pastes paragraphs copied from a word processor (one line each)
// and finds them as Markdown paragraphs and items, then saved.
func TestPasteFromWordProcessor(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.OpenExample()
	u.ed.body.SetText("")
	clip := &pastedText{text: "Ouverture\r\nMme Laurent a présenté le projet.\r\n•\tplus de bancs\r\n•\tun abri vélos\r\n"}
	u.ed.body.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	want := "Ouverture\n\nMme Laurent a présenté le projet.\n\n- plus de bancs\n- un abri vélos"
	if u.ed.body.Text != want {
		t.Fatalf("pasted %q, want %q", u.ed.body.Text, want)
	}
	if err := u.ed.flush(); err != nil {
		t.Fatal(err)
	}
	if r, err := env.st.Report(t.Context(), u.reportID); err != nil || r.Body != want {
		t.Errorf("saved %q, %v", r.Body, err)
	}
	u.ed.body.TypedShortcut(&fyne.ShortcutSelectAll{})
	if u.ed.body.SelectedText() != want {
		t.Error("other shortcuts no longer reach the entry")
	}
}
