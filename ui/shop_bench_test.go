package ui

import (
	"strings"
	"testing"
)

// BenchmarkPresetKeystroke measures what one keystroke in the preset editor costs on the UI
// thread with a 10,000-word report open: keep the edit, rebuild the exact prompt, show it.
func BenchmarkPresetKeystroke(b *testing.B) {
	env := newTestEnv(b, LanguageFrench)
	u := env.u
	u.lib.OpenExample()
	u.ed.Fields().Body.SetText(strings.Repeat("La réunion publique a réuni 120 habitant·es autour du projet de la place du Marché. ", 700))
	w := u.onPresets()
	w.onNew()
	e := w.ed
	text := e.instructions.Text
	i := 0
	for b.Loop() {
		i++
		e.instructions.SetText(text + strings.Repeat("x", i%7))
	}
}
