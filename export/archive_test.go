package export

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// sampleArchive is a small run of a fictional neighbourhood meeting, analysed.
func sampleArchive() Archive {
	meta := model.Meta{Title: "RÉUNION PUBLIQUE — Jardins partagés du Clos", Kind: model.KindOther, Language: model.French}
	body := "Participant·es : 18.\n\nLe jardin ouvrira le 3 mai 2026 ; la mairie prête 12 bacs."
	src := model.Revision{ID: 5, ReportID: 2, Number: 1, Meta: meta, Body: body, Hash: model.ContentHash(meta, body)}
	sa := analysis.AnalyzeSource(body, model.French)
	v := model.Variant{ID: 9, RunID: 4, RevisionID: 5, Spec: model.Spec{Engine: model.EngineOllama, Host: "http://10.0.0.2:11434", Model: "mistral:7b", PresetID: "synthese"},
		Status: model.StatusDone, Text: "Le jardin ouvrira le 3 mai 2026.", Prompt: "Résume en trois lignes."}
	va := analysis.AnalyzeVariant(sa, v.Text)
	return Archive{Generator: "Rapporteur test", Exported: time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC),
		Source: ArchivedSource{Revision: src, Analysis: &sa}, Run: model.Run{ID: 4, RevisionID: 5, Specs: []model.Spec{v.Spec}},
		Variants: []ArchivedVariant{{Variant: v, Analysis: &va, ModelDescription: "mistral:7b · 7.2B · Q4_K_M · 123456789abc (10.0.0.2:11434)",
			Energy: analysis.Energy{EstimatedWh: 0.25, EstimatedGCO2e: 0.01},
			Prompt: Messages{{Role: "system", Content: v.Prompt}, {Role: "user", Content: body}}}}}
}

func TestArchiveRoundTripKeepsAnalysisEnergyAndInstructions(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteArchive(&buf, sampleArchive()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"format": "rapporteur-run/2"`) {
		t.Fatalf("format not written:\n%.300s", buf.String())
	}
	a, err := ReadArchive(&buf)
	if err != nil {
		t.Fatal(err)
	}
	v := a.Variants[0]
	if a.Source.Analysis == nil || a.Source.Analysis.Metrics.Words == 0 || v.Analysis == nil {
		t.Errorf("analyses lost: %+v %+v", a.Source.Analysis, v.Analysis)
	}
	if v.Energy.EstimatedWh != 0.25 || !strings.HasPrefix(v.ModelDescription, "mistral:7b · 7.2B") {
		t.Errorf("energy %+v, model %q", v.Energy, v.ModelDescription)
	}
	if v.Variant.Prompt != "Résume en trois lignes." || len(v.Prompt) != 2 || v.Prompt[1].Role != "user" {
		t.Errorf("instructions %q, messages %+v", v.Variant.Prompt, v.Prompt)
	}
}

func TestReadArchiveVersion1(t *testing.T) {
	a := readArchiveFixture(t, "run-v1.json")
	if a.Format != ArchiveFormat || a.Run.ID != 12 || len(a.Variants) != 1 || a.Source.Analysis != nil {
		t.Fatalf("archive %+v", a)
	}
	v := a.Variants[0]
	if v.Review == nil || v.Review.Reviewer != "Inès Morel" || v.Variant.Prompt != "Résume le compte-rendu en cinq lignes." {
		t.Errorf("variant %+v", v)
	}
}

func TestReadArchiveOldCompareDocument(t *testing.T) {
	a := readArchiveFixture(t, "compare-document.json")
	if a.Run.ID != 1 || a.Run.RevisionID != 1 || len(a.Run.Specs) != 2 || a.Run.Specs[1].Model != "llama3.2" {
		t.Errorf("run rebuilt as %+v", a.Run)
	}
	if !a.Exported.Equal(time.Date(2026, 2, 5, 8, 0, 3, 0, time.UTC)) || a.Source.Analysis == nil || a.Source.Analysis.Metrics.Words != 31 {
		t.Errorf("exported %v, source analysis %+v", a.Exported, a.Source.Analysis)
	}
	if v := a.Variants[1]; v.Variant.Prompt != "Summarise the minutes in five lines." || v.ErrorCode != "model-missing" {
		t.Errorf("failed variant %+v", v)
	}
	if a.Variants[0].Energy.MeasuredWh != 0.0004 {
		t.Errorf("energy %+v", a.Variants[0].Energy)
	}
}

func TestReadArchiveRefuses(t *testing.T) {
	for name, text := range map[string]string{
		"other format":      `{"format": "rapporteur-run/9", "variants": []}`,
		"no format":         `{"source": {"title": "x"}, "variants": []}`,
		"not JSON":          `<html>`,
		"foreign variant":   strings.Replace(archiveFixture(t, "run-v1.json"), `"run_id": 12`, `"run_id": 13`, 1),
		"document, no runs": `{"generator": "Rapporteur 0.9", "source": {"title": "x", "kind": "other", "language": "fr"}, "variants": []}`,
	} {
		if _, err := ReadArchive(strings.NewReader(text)); !errors.Is(err, ErrArchive) {
			t.Errorf("%s: err %v, want ErrArchive", name, err)
		}
	}
}

func archiveFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "archive", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func readArchiveFixture(t *testing.T, name string) Archive {
	t.Helper()
	a, err := ReadArchive(strings.NewReader(archiveFixture(t, name)))
	if err != nil {
		t.Fatal(err)
	}
	return a
}
