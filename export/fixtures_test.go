package export

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// readFixture returns the content of a file under testdata.
func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// testPresets are presets as the built-in list names them, in both languages.
var testPresets = []model.Preset{
	{ID: "synthese-courte", Version: 1, Method: model.MethodSynthesis,
		Name: model.Localized{model.French: "Synthèse courte", model.English: "Short summary"}},
	{ID: "points-cles", Version: 1, Method: model.MethodKeyPoints,
		Name: model.Localized{model.French: "Points clés", model.English: "Key points"}},
	{ID: "decisions", Version: 1, Method: model.MethodDecisions,
		Name: model.Localized{model.French: "Décisions et suites", model.English: "Decisions and next steps"}},
}

// frenchRevision is the fictional Saint-Aubin-sur-Lys workshop.
func frenchRevision(t testing.TB) model.Revision {
	return model.Revision{
		ID: 12, ReportID: 3, Number: 4,
		Meta: model.Meta{
			Title:      "Atelier de concertation — place du Marché de Saint-Aubin-sur-Lys",
			Kind:       model.KindWorkshop,
			Date:       "2025-06-17",
			Place:      "Salle des fêtes, Saint-Aubin-sur-Lys",
			Organisers: "Mairie de Saint-Aubin-sur-Lys, service urbanisme (Mme Laurent)",
			Audience:   "Habitant·es, commerçant·es et associations du centre-bourg",
			Language:   model.French,
		},
		Body: readFixture(t, "source-fr.md"),
	}
}

// frenchVariants are three variants of the French source: done, done and failed.
func frenchVariants(t testing.TB) []model.Variant {
	return []model.Variant{
		{ID: 1, RevisionID: 12, Index: 0, Status: model.StatusDone,
			Spec: model.Spec{Engine: model.EngineBuiltin, PresetID: "synthese-courte"},
			Text: readFixture(t, "variant-synthese.md")},
		{ID: 2, RevisionID: 12, Index: 1, Status: model.StatusDone,
			Spec: model.Spec{Engine: model.EngineOllama, Model: "mistral-small3.2:24b", PresetID: "points-cles"},
			Text: readFixture(t, "variant-points.md")},
		{ID: 3, RevisionID: 12, Index: 2, Status: model.StatusFailed,
			Spec:  model.Spec{Engine: model.EngineOllama, Model: "qwen3:8b", PresetID: "decisions"},
			Text:  readFixture(t, "variant-decisions-partial.md"),
			Error: "stream cut: connection reset by peer", ErrorCode: "stream-cut"},
	}
}

// frenchComparison is the French fixture, ready to export.
func frenchComparison(t testing.TB) Comparison {
	return Comparison{
		Source:     frenchRevision(t),
		Variants:   frenchVariants(t),
		Presets:    testPresets,
		Language:   model.French,
		Exported:   time.Date(2025, 6, 18, 14, 30, 0, 0, time.UTC),
		AppVersion: "0.1.0",
	}
}

// englishComparison is the fictional Millbrook webinar, with English labels.
func englishComparison(t testing.TB) Comparison {
	return Comparison{
		Source: model.Revision{ID: 30, Number: 2, Body: readFixture(t, "source-en.md"),
			Meta: model.Meta{Title: "Millbrook cycling plan — online consultation", Kind: model.KindWebinar,
				Date: "2025-03-03", Place: "Online", Organisers: "Millbrook Town Council",
				Audience: "Residents and local businesses", Language: model.English}},
		Variants: []model.Variant{
			{ID: 7, RevisionID: 30, Status: model.StatusDone, Text: readFixture(t, "variant-en.md"),
				Spec: model.Spec{Engine: model.EngineBuiltin, PresetID: "synthese-courte"}},
			{ID: 8, RevisionID: 30, Status: model.StatusCancelled, Text: "- Option B was preferred",
				Error: "cancelled by the user",
				Spec:  model.Spec{Engine: model.EngineOllama, Model: "llama3.1:8b", PresetID: "custom-press"}},
		},
		Presets:    testPresets,
		Language:   model.English,
		Exported:   time.Date(2025, 3, 4, 9, 5, 0, 0, time.UTC),
		AppVersion: "0.1.0",
	}
}
