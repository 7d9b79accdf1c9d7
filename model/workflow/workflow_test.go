package workflow

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/store"
)

const sessionBody = `CONSEIL DE QUARTIER — LES GLYCINES

Présent·es : M. Dubreuil (adjoint), 26 habitant·es inscrit.e.s.

1. Le marché du samedi passe place Jean-Moulin à partir du 6 juin 2026.
2. 17 voix pour, 4 contre : la rue Piat devient piétonne le dimanche.`

// sampleRecord is a run of a fictional neighbourhood council: a built-in variant and a model
// variant whose preset was deleted after it recorded its instructions.
func sampleRecord() Record {
	meta := model.Meta{Title: "Conseil de quartier — Les Glycines", Kind: model.KindOther, Language: model.French}
	src := model.Revision{ID: 3, ReportID: 1, Number: 2, Meta: meta, Body: sessionBody, Hash: model.ContentHash(meta, sessionBody)}
	builtin := model.Variant{ID: 10, RunID: 2, RevisionID: 3, Index: 0, Spec: model.Spec{Engine: model.EngineBuiltin, PresetID: model.BuiltinEnginePresets()[0].ID},
		Status: model.StatusDone, Text: "Le marché du samedi passe place Jean-Moulin à partir du 6 juin 2026."}
	gone := model.Variant{ID: 11, RunID: 2, RevisionID: 3, Index: 1, Spec: model.Spec{Engine: model.EngineOllama, Host: "http://10.0.0.5:11434", Model: "mistral:7b", PresetID: "consigne-supprimee"},
		Status: model.StatusDone, Text: "La rue Piat devient piétonne le dimanche (17 voix pour, 4 contre).", Prompt: "Fais une synthèse neutre en trois phrases.",
		Stats: model.Stats{Total: 4 * time.Second, PromptTokens: 310, OutputTokens: 52}}
	return Record{Source: src, Run: model.Run{ID: 2, ReportID: 1, RevisionID: 3, Specs: []model.Spec{builtin.Spec, gone.Spec}},
		Variants: []model.Variant{builtin, gone}, Presets: model.BuiltinPresets(),
		Votes:     []model.Vote{{ID: 1, RunID: 2, Shown: []int64{10, 11}, Outcome: model.OutcomePreferred, Preferred: 11}},
		Critiques: map[int64][]model.Critique{11: {{ID: 4, VariantID: 11, Spec: gone.Spec, Status: model.StatusDone, Text: "Il manque le marché."}}},
		Reviews:   map[int64]model.ReviewMark{11: {VariantID: 11, Reviewer: "Awa Diallo", Date: "2026-06-02"}},
		Models: func(host, name string) (ollama.ModelInfo, bool) {
			ok := host == "http://10.0.0.5:11434" && name == "mistral:7b"
			return ollama.ModelInfo{Name: name, ParameterSize: "7.2B", Quantization: "Q4_K_M", Digest: "sha256:6577803aa9a0f1e2"}, ok
		}}
}

func TestComparisonKeepsTheRecordedPromptOfADeletedPreset(t *testing.T) {
	doc := sampleRecord().Comparison(Publication{Language: model.French})
	msgs := doc.Prompts[11]
	if len(msgs) != 2 || msgs[0].Content != "Fais une synthèse neutre en trois phrases." || !strings.Contains(msgs[1].Content, "rue Piat") {
		t.Fatalf("prompt of the variant whose preset is gone: %+v", msgs)
	}
	if _, ok := doc.Prompts[10]; ok {
		t.Error("the built-in engine got a prompt")
	}
}

func TestComparisonDescribesModelsAndEnergy(t *testing.T) {
	r := sampleRecord()
	doc := r.Comparison(Publication{Language: model.French})
	if got, want := doc.Models[11], "mistral:7b · 7.2B · Q4_K_M · 6577803aa9a0 (10.0.0.5:11434)"; got != want {
		t.Errorf("model = %q, want %q", got, want)
	}
	if _, ok := doc.Models[10]; ok {
		t.Error("the built-in engine got a model description")
	}
	if doc.Energy[11].EstimatedWh == 0 {
		t.Errorf("no estimate for a 7B model: %+v", doc.Energy[11])
	}
	r.Models = nil
	if got := r.Comparison(Publication{}).Models[11]; got != "mistral:7b (10.0.0.5:11434)" {
		t.Errorf("offline host: model = %q", got)
	}
}

func TestComparisonHoldsCopies(t *testing.T) {
	r := sampleRecord()
	doc := r.Comparison(Publication{})
	r.Variants[0].Text = "changé"
	r.Critiques[11][0].Text = "changé"
	r.Reviews[11] = model.ReviewMark{Reviewer: "changé"}
	if doc.Variants[0].Text == "changé" || doc.Critiques[11][0].Text == "changé" || doc.Reviews[11].Reviewer == "changé" {
		t.Error("the document shares the record's memory")
	}
}

func TestArchiveImportsBackIntoTheWorkspace(t *testing.T) {
	r := sampleRecord()
	r.Analyze()
	var buf bytes.Buffer
	if err := export.WriteArchive(&buf, r.Archive("Rapporteur test", time.Now())); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	rep, err := ImportArchive(context.Background(), st, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Title != r.Source.Title || rep.Body != sessionBody {
		t.Errorf("report %q", rep.Title)
	}
	runs, err := st.Runs(context.Background(), rep.ID)
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs %v %v", runs, err)
	}
	vs, err := st.Variants(context.Background(), runs[0].ID)
	if err != nil || len(vs) != 2 || vs[1].Prompt != "Fais une synthèse neutre en trois phrases." {
		t.Fatalf("variants %+v %v", vs, err)
	}
}

func TestImportRefusesABadHost(t *testing.T) {
	r := sampleRecord()
	r.Variants[1].Host = "ftp://[::1"
	var buf bytes.Buffer
	if err := export.WriteArchive(&buf, r.Archive("Rapporteur test", time.Now())); err != nil {
		t.Fatal(err)
	}
	_, err := ImportArchive(context.Background(), openStore(t), &buf)
	var bh BadHostError
	var ie *store.ImportError
	if !errors.As(err, &bh) || !errors.As(err, &ie) || ie.Index != 2 || bh.Host != "ftp://[::1" {
		t.Errorf("err %v", err)
	}
}

func TestFileStem(t *testing.T) {
	for in, want := range map[string]string{
		"Conseil de quartier — Les Glycines": "conseil-de-quartier-les-glycines",
		"ŒUVRES À L'ÉCOLE":                   "oeuvres-a-l-ecole",
		"« … »":                              "comparaison",
	} {
		if got := FileStem(in); got != want {
			t.Errorf("FileStem(%q) = %q, want %q", in, got, want)
		}
	}
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
