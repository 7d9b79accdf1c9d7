package ollama

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// reviewedVariant is a short synthesis of frenchReport with two planted errors: the vote count
// is invented and the parking decision is presented as taken.
const reviewedVariant = "## Place des Tilleuls\n\nLe 14 octobre 2025, 42 habitant·es ont choisi le scénario B " +
	"par 35 voix. La mairie a décidé de supprimer le stationnement."

// reviewInputs returns the revision and the variant the critique tests work on.
func reviewInputs() (model.Revision, model.Variant) {
	rev := model.Revision{ID: 1, ReportID: 1, Number: 1, Body: frenchReport,
		Meta: model.Meta{Title: "Atelier « Place des Tilleuls »", Kind: model.KindWorkshop, Date: "2025-10-14", Language: model.French}}
	v := model.Variant{ID: 2, RunID: 1, RevisionID: 1, Status: model.StatusDone, Text: reviewedVariant,
		Spec: model.Spec{Engine: model.EngineOllama, Model: "llama3.2:3b", PresetID: "synthese-courte"}}
	return rev, v
}

func TestCriticWithOllama(t *testing.T) {
	// Real server: TestRealCritic checks text and stats; the messages sent are ours, which only the fake records.
	s := newServer(t, ollamatest.Model{Name: "mistral:7b", ContextLength: 8192})
	rev, v := reviewInputs()
	spec := model.Spec{Engine: model.EngineOllama, Host: s.URL(), Model: "mistral:7b"}
	req, err := generate.CritiqueRequest(rev, v, model.BuiltinPresets(), spec)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	engines := []generate.Engine{generate.NewBuiltin(), NewEngine(Options{})}
	text, stats, err := generate.Critic(testContext(t), engines, req, rec.add)
	if err != nil {
		t.Fatalf("Critic: %v (code %s)", err, generate.CodeOf(err))
	}
	if text == "" || text != rec.text() || stats.PromptTokens <= 0 || stats.OutputTokens <= 0 || stats.DoneReason != "stop" {
		t.Errorf("text %q (deltas %q), stats %+v", text, rec.text(), stats)
	}
	sent := s.LastChat()
	if sent.Model != "mistral:7b" || len(sent.Messages) != 2 {
		t.Fatalf("sent %+v", sent)
	}
	critique, _ := model.FindPreset(model.BuiltinPresets(), generate.PresetCritique)
	if sent.Messages[0].Content != critique.Instructions.In(model.French) {
		t.Errorf("system message is not the critique's French instructions: %q", sent.Messages[0].Content)
	}
	checkOrder(t, sent.Messages[1].Content, "=== DÉBUT DU TEXTE ===", "Consigne de la variante : Synthèse courte",
		"--- DÉBUT DE LA SOURCE ---", "L’atelier était animé par Mme Rivière", "--- FIN DE LA SOURCE ---",
		"--- DÉBUT DE LA VARIANTE ---", "par 35 voix", "--- FIN DE LA VARIANTE ---", "=== FIN DU TEXTE ===")
}

func TestReviseWithOllama(t *testing.T) {
	// Real server: only the request we build is checked, which only the fake records.
	s := newServer(t, ollamatest.Model{Name: "mistral:7b", ContextLength: 8192})
	rev, v := reviewInputs()
	c := model.Critique{ID: 4, VariantID: v.ID, Status: model.StatusDone,
		Text: "## Faits inventés\n\n- « par 35 voix » : la source dit 27 voix sur 42."}
	spec := model.Spec{Engine: model.EngineOllama, Host: s.URL(), Model: "mistral:7b"}
	req, err := generate.ReviseRequest(rev, v, c, model.BuiltinPresets(), spec)
	if err != nil {
		t.Fatal(err)
	}
	text, _, err := generate.Critic(testContext(t), []generate.Engine{NewEngine(Options{})}, req, nil)
	if err != nil || text == "" {
		t.Fatalf("revision %q, %v", text, err)
	}
	sent := s.LastChat().Messages
	checkOrder(t, sent[1].Content, "--- DÉBUT DE LA SOURCE ---", "--- DÉBUT DE LA CONSIGNE ---",
		"--- DÉBUT DE LA VARIANTE ---", "--- DÉBUT DE LA CRITIQUE ---", "27 voix sur 42", "--- FIN DE LA CRITIQUE ---")
	if !strings.Contains(sent[0].Content, "Corrige exactement ce que la critique signale") {
		t.Errorf("system message is not the revision preset's: %q", sent[0].Content)
	}
}

func TestCriticOllamaFailureKeepsText(t *testing.T) {
	// Real server: a cut stream is a fault it cannot be made to show.
	s := newServer(t, ollamatest.Model{Name: "mistral:7b", ContextLength: 8192, Endless: true})
	s.Inject(ollamatest.Fault{Kind: ollamatest.FaultCut, After: 6})
	rev, v := reviewInputs()
	req, err := generate.CritiqueRequest(rev, v, model.BuiltinPresets(),
		model.Spec{Engine: model.EngineOllama, Host: s.URL(), Model: "mistral:7b"})
	if err != nil {
		t.Fatal(err)
	}
	text, stats, err := generate.Critic(testContext(t), []generate.Engine{NewEngine(Options{})}, req, nil)
	if generate.CodeOf(err) != generate.CodeStreamCut || text == "" {
		t.Fatalf("text %q, err %v", text, err)
	}
	c := generate.FinishCritique(model.Critique{ID: 1, VariantID: v.ID, Status: model.StatusRunning}, text, stats, err)
	if c.Status != model.StatusFailed || c.ErrorCode != string(generate.CodeStreamCut) || c.Text != text {
		t.Errorf("finished %+v", c)
	}
}

// checkOrder checks each of parts occurs in s, in that order.
func checkOrder(t *testing.T, s string, parts ...string) {
	t.Helper()
	rest := s
	for _, p := range parts {
		i := strings.Index(rest, p)
		if i < 0 {
			t.Fatalf("%q missing or out of order in\n%s", p, s)
		}
		rest = rest[i+len(p):]
	}
}
