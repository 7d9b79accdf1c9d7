package ui

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// While the built-in engine writes, its speed is in words per second, which is what it counts;
// a model's is in tokens per second.
func TestRunningSpeedNamesWhatIsCounted(t *testing.T) {
	installQueue(t)
	if err := LoadTranslations(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	running := func(engine string) model.Variant {
		return model.Variant{Spec: model.Spec{Engine: engine, Model: "mistral:7b"}, Status: model.StatusRunning,
			Stats: model.Stats{TokensPerSecond: 41.5}}
	}
	if got := variantStatusText(running(model.EngineBuiltin)); !strings.Contains(got, "41,5 mots/s") || strings.Contains(got, "jetons") {
		t.Errorf("built-in engine: %q, want « 41,5 mots/s »", got)
	}
	if got := variantStatusText(running(model.EngineOllama)); !strings.Contains(got, "41,5 jetons/s") {
		t.Errorf("Ollama: %q, want « 41,5 jetons/s »", got)
	}
}

// The export dialog says masking is best-effort, whether it found names or not.
func TestMaskListSaysBestEffort(t *testing.T) {
	installQueue(t)
	if err := LoadTranslations(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	m := newMaskList()
	for _, terms := range [][]string{nil, {"Inès Moreau", "06 12 34 56 78"}} {
		m.show(true, terms)
		if !strings.Contains(m.note.Text, "Le masquage fait de son mieux") || !strings.Contains(m.note.Text, "relisez le document") {
			t.Errorf("with %d terms, the note %q does not say masking is best-effort", len(terms), m.note.Text)
		}
	}
}
