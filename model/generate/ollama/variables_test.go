package ollama

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// TestMessagesFillVariables checks a preset's placeholders reach the model filled in.
func TestMessagesFillVariables(t *testing.T) {
	p := model.Preset{ID: "maison", Name: model.Localized{model.French: "Maison"}, TargetRatio: 0.5,
		Instructions: model.Localized{model.French: "Résume « {{titre}} » ({{lieu}}, {{date}}) en {{longueur}} mots environ."}}
	rev := model.Revision{Meta: model.Meta{Title: "Atelier du marché", Place: "Salle des fêtes", Date: "2025-06-17", Language: model.French},
		Body: strings.Repeat("mot ", 100)}
	msgs := Messages(generate.Request{Source: rev, Preset: p})
	want := "Résume « Atelier du marché » (Salle des fêtes, 17/06/2025) en 50 mots environ."
	if msgs[0].Content != want {
		t.Fatalf("system message %q, want %q", msgs[0].Content, want)
	}
}
