package model

import "testing"

func TestExpandVariables(t *testing.T) {
	m := Meta{Title: "Atelier du marché", Date: "2025-06-17", Place: "Salle des fêtes", Language: French}
	p := Preset{ID: "synthese-courte", TargetRatio: 0.2}
	tests := []struct {
		name, in, want string
		lang           Language
		words          int
	}{
		{"none", "Résume le texte.", "Résume le texte.", French, 1000},
		{"all french", "« {{titre}} », {{date}}, {{lieu}}, pour {{public}}, en {{longueur}} mots.",
			"« Atelier du marché », 17/06/2025, Salle des fêtes, pour non précisé, en 200 mots.", French, 1000},
		{"english", "{{title}} at {{place}} for {{audience}}, {{length}} words.",
			"Atelier du marché at Salle des fêtes for not given, 200 words.", English, 1000},
		{"rounded length", "{{longueur}}", "250", French, 1234},
		{"no target", "{{longueur}}", "non précisé", French, 0},
		{"unknown placeholder kept", "{{autre}}", "{{autre}}", French, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExpandVariables(tt.in, m, p, tt.words, tt.lang); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
