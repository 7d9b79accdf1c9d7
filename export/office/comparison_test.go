package office

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// variantPoints is a variant of the Tanneurs workshop in key points, with a contact address.
const variantPoints = "# Points clés\n\n- **Double-sens cyclable** rue Pasteur : 24 votes\n- Arceaux devant l’école Jean-Moulin\n" +
	"    - 19 votes\n- Réunion publique le 4 avril\n\nContact : odile.ferrand@lyse.example.org\n"

// comparison is the Tanneurs workshop with a variant of the built-in engine, one of a model
// and a failed one.
func comparison(t testing.TB, lang model.Language) export.Comparison {
	r := frenchReport(t)
	c := export.Comparison{
		Source: model.Revision{ID: 7, ReportID: 2, Number: 3, Meta: r.Meta, Body: r.Markdown},
		Variants: []model.Variant{
			{ID: 1, Status: model.StatusDone, Spec: model.Spec{Engine: model.EngineBuiltin, PresetID: "synthese-courte"},
				Text: "Une trentaine d’habitant·es ont demandé un **double-sens cyclable** rue Pasteur.\n"},
			{ID: 2, Status: model.StatusDone, Spec: model.Spec{Engine: model.EngineOllama, Model: "mistral:7b", PresetID: "points-cles"},
				Text: variantPoints},
			{ID: 3, Status: model.StatusFailed, Error: "le modèle a cessé de répondre",
				Spec: model.Spec{Engine: model.EngineOllama, Model: "qwen3:8b", PresetID: "decisions"}, Text: "## Décisions\n\n1. Étudier"},
		},
		Presets: []model.Preset{
			{ID: "synthese-courte", Name: model.Localized{model.French: "Synthèse courte", model.English: "Short summary"}},
			{ID: "points-cles", Name: model.Localized{model.French: "Points clés", model.English: "Key points"}},
		},
		Language: lang, Exported: exported, AppVersion: "1.4.0",
		Reviews: map[int64]model.ReviewMark{2: {VariantID: 2, Reviewer: "Claire Martin", Date: "2026-03-13"}},
	}
	texts := []string{c.Variants[0].Text, c.Variants[1].Text, c.Variants[2].Text}
	ra := analysis.AnalyzeRun(c.Source.Body, texts, model.French)
	c.SourceAnalysis = &ra.Source
	c.VariantAnalyses = map[int64]analysis.VariantAnalysis{1: ra.Variants[0], 2: ra.Variants[1], 3: ra.Variants[2]}
	return c
}

func TestComparisonHoldsEveryText(t *testing.T) {
	for _, f := range formats {
		data := renderComparison(t, f, comparison(t, model.French))
		wellFormed(t, data)
		got := reimport(t, f, data)
		for _, want := range []string{
			"# Atelier « Mobilités douces » — Quartier des Tanneurs", "Compte-rendu comparé", "# Variantes",
			"| Variante 2 | mistral:7b | Points clés | terminée |", "# Usage de l’intelligence artificielle",
			"relue par Claire Martin le 13 mars 2026", "# Synthèse des mesures", "| Source |",
			"# Texte source — version 3", "### Participant·es et organisation", "# Variante 1 — Synthèse courte (moteur intégré)",
			"# Variante 2 — Points clés (mistral:7b)", "## Points clés", "- **Double-sens cyclable** rue Pasteur : 24 votes",
			"    - 19 votes", "# Variante 3 — decisions (qwen3:8b)", "Texte partiel — Erreur : le modèle a cessé de répondre",
			"## Décisions", "odile.ferrand@lyse.example.org",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: the comparison lacks %q:\n%s", f, want, got)
			}
		}
	}
}

func TestComparisonPageAndFooter(t *testing.T) {
	c := comparison(t, model.English)
	ps, _ := parts(t, renderComparison(t, DOCX, c))
	if !strings.Contains(ps["word/document.xml"], `w:orient="landscape"`) {
		t.Error("the Word comparison is not in landscape")
	}
	if !strings.Contains(ps["word/footer1.xml"], "AI-generated variants — review before publication") {
		t.Errorf("the Word footer lacks the notice:\n%s", ps["word/footer1.xml"])
	}
	ps, _ = parts(t, renderComparison(t, ODT, c))
	if !strings.Contains(ps["styles.xml"], `style:print-orientation="landscape"`) || !strings.Contains(ps["styles.xml"], "AI-generated variants") {
		t.Error("the OpenDocument comparison is not in landscape with the notice in its footer")
	}
	if !strings.Contains(ps["meta.xml"], "<dc:subject>Compared report — Workshop</dc:subject>") {
		t.Errorf("meta.xml: %s", ps["meta.xml"])
	}
}

func TestComparisonMasksPersonalData(t *testing.T) {
	c := comparison(t, model.French)
	c.Options.MaskPersonal = true
	for _, f := range formats {
		got := reimport(t, f, renderComparison(t, f, c))
		if strings.Contains(got, "odile.ferrand@") || !strings.Contains(got, "[masqué]") {
			t.Errorf("%s: the e-mail address is not masked:\n%s", f, got)
		}
		if !strings.Contains(got, "Données personnelles masquées automatiquement") {
			t.Errorf("%s: the document does not say that it masked personal data", f)
		}
	}
}

func TestComparisonWithoutVariants(t *testing.T) {
	c := comparison(t, model.French)
	c.Variants, c.SourceAnalysis, c.VariantAnalyses, c.Reviews = nil, nil, nil, nil
	for _, f := range formats {
		got := reimport(t, f, renderComparison(t, f, c))
		if !strings.Contains(got, "Aucune variante n’a été générée pour ce texte.") || strings.Contains(got, "Synthèse des mesures") {
			t.Errorf("%s: a comparison without variants:\n%s", f, got)
		}
	}
}
