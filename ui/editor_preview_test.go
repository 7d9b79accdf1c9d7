package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestPreviewRendersInlineHTML checks the editor's preview renders the inline HTML of a
// converted report instead of printing the tags.
func TestPreviewRendersInlineHTML(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	test.Tap(u.lib.newBtn)
	u.ed.body.SetText("Les <u>propositions retenues</u> seront présentées.<br>Prochaine séance en <b>janvier</b>.")
	u.ed.refreshPreview()
	text := u.ed.preview.String()
	if strings.Contains(text, "<u>") || strings.Contains(text, "<br>") || strings.Contains(text, "<b>") {
		t.Errorf("the preview prints tags: %q", text)
	}
	for _, want := range []string{"propositions retenues", "janvier"} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview lacks %q: %q", want, text)
		}
	}
}
