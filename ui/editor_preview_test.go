package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestPreviewWrapsAsWords checks the editor's preview lays out the words after inline HTML and
// bold runs as words, not one letter a line (a Fyne layout defect the columns guard against too),
// and renders the HTML without its tags.
func TestPreviewWrapsAsWords(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.NewReport()
	u.ed.body.SetText("Mme Laurent rappelle que la concertation porte sur le réaménagement de la place du Marché, " +
		"dont le budget prévisionnel est de 480 000 €. Les <u>propositions retenues</u> seront présentées au " +
		"conseil municipal du 9 décembre 2026.<br>Prochaine séance en **janvier**, salle polyvalente.")
	bad := 0
	for w := float32(120); w <= 420; w += 3 {
		u.ed.refreshPreview()
		u.ed.preview.Resize(fyne.NewSize(w, 10))
		if verticalRuns(u.ed.preview) > 0 {
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("at %d widths of 101, a word of the preview is laid out one letter per line", bad)
	}
	if text := u.ed.preview.String(); strings.Contains(text, "<u>") || !strings.Contains(text, "propositions retenues") {
		t.Errorf("the preview shows %q", text)
	}
}
