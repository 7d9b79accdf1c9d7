package export

import (
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// fullComparison is c with everything optional: analyses, energy, models, votes,
// critiques, review marks and prompts.
func fullComparison(t testing.TB, c Comparison) Comparison {
	t.Helper()
	lang := c.Source.Meta.Language
	if len(c.Variants) > 0 {
		c.Variants[0].Text += "\n\nUne réunion publique aura lieu le 14 octobre 2025 à 19h00, avec 25 000 € de plus."
	}
	var texts []string
	for _, v := range c.Variants {
		texts = append(texts, v.Text)
	}
	ra := analysis.AnalyzeRun(c.Source.Body, texts, lang)
	c.SourceAnalysis = &ra.Source
	c.VariantAnalyses = map[int64]analysis.VariantAnalysis{}
	c.Energy = map[int64]analysis.Energy{}
	c.Models = map[int64]string{}
	c.Prompts = map[int64][]Prompt{}
	temp, seed := 0.3, 42
	for i := range c.Variants {
		v := &c.Variants[i]
		c.VariantAnalyses[v.ID] = ra.Variants[i]
		v.Stats = model.Stats{Total: time.Duration(12+30*i) * time.Second, Load: 2 * time.Second,
			FirstToken: 3 * time.Second, PromptEval: time.Second, Eval: 9 * time.Second,
			PromptTokens: 2400, OutputTokens: 600 + 100*i, TokensPerSecond: 18.5 + float64(i)}
		c.Energy[v.ID] = analysis.EnergyFor(*v, 7.2, analysis.DefaultDeviceWatts, analysis.DefaultGridIntensity)
		if v.Engine == model.EngineOllama {
			v.Host = "http://localhost:11434"
			v.Options = model.Options{Temperature: &temp, Seed: &seed, NumCtx: 8192}
			c.Models[v.ID] = v.Model + " · 7.2B · Q4_K_M"
		}
		c.Prompts[v.ID] = []Prompt{
			{Role: "system", Content: "Tu rédiges une synthèse courte et fidèle du compte-rendu.\nN’invente rien."},
			{Role: "user", Content: "Voici le compte-rendu à traiter.\n=== DÉBUT DU TEXTE ===\n" + c.Source.Body + "\n=== FIN DU TEXTE ==="},
		}
	}
	if len(c.Variants) >= 2 {
		a, b := c.Variants[0].ID, c.Variants[1].ID
		c.Votes = []model.Vote{{ID: 1, RunID: 1, Shown: []int64{b, a}, Outcome: model.OutcomePreferred, Preferred: b,
			Voter: "Agent Durand", Created: c.Exported,
			Reactions: []model.Reaction{
				{VariantID: b, Label: "A", Reasons: []model.Reason{model.ReasonUseful, model.ReasonClear}, Comment: "Claire et complète."},
				{VariantID: a, Label: "B", Reasons: []model.Reason{model.ReasonSuperficial}, Comment: "Trop courte."},
			}},
			{ID: 2, RunID: 1, Shown: []int64{a, b}, Outcome: model.OutcomeEquivalent, Created: c.Exported}}
		c.Critiques = map[int64][]model.Critique{b: {{ID: 1, VariantID: b, Status: model.StatusDone,
			Spec: model.Spec{Engine: model.EngineOllama, Model: "qwen3:8b", PresetID: "critique"},
			Text: "La variante omet le **budget** et attribue à tort une citation."}}}
		c.Reviews = map[int64]model.ReviewMark{a: {VariantID: a, Reviewer: "Claire Martin", Date: "2025-06-18", Note: "Relu, conforme."}}
	}
	c.Options.DiffColours = true
	return c
}

func TestSummaryPageFrench(t *testing.T) {
	path := render(t, fullComparison(t, frenchComparison(t)))
	text := normalise(pdfText(t, path))
	for _, want := range []string{
		"Synthèse des mesures", "Faits gardés", "Énergie ici", "Votes gagnés", "Longueur (mots)",
		"Faits perdus et introduits", "mistral-small3.2:24b · 7.2B · Q4_K_M", "sur cet ordinateur",
		"relue par Claire Martin le 18 juin 2025", "pas encore relue", "température 0,3 · graine 42",
		"Variante 2 : produite par le modèle",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

// TestDisclosureSaysWhere: the disclosure and the appendix say where each variant was really
// written: a machine of the network by its name, a remote service by its name even when the
// model was asked of this computer's Ollama (a cloud model).
func TestDisclosureSaysWhere(t *testing.T) {
	c := fullComparison(t, frenchComparison(t))
	var ollamas []int
	for i, v := range c.Variants {
		if v.Engine == model.EngineOllama {
			ollamas = append(ollamas, i)
		}
	}
	if len(ollamas) < 2 {
		t.Fatalf("the fixture has %d model variants", len(ollamas))
	}
	c.Variants[ollamas[0]].Host = "http://192.168.1.20:11434"
	c.Variants[ollamas[0]].Stats.Where, c.Variants[ollamas[0]].Stats.WhereHost = model.PlaceNetwork, "192.168.1.20"
	c.Variants[ollamas[1]].Host = "http://127.0.0.1:11434"
	c.Variants[ollamas[1]].Stats.Where, c.Variants[ollamas[1]].Stats.WhereHost = model.PlaceRemote, "ollama.com"
	text := normalise(pdfText(t, render(t, c)))
	for _, want := range []string{"sur 192.168.1.20, une machine du réseau local", "par un service distant, ollama.com, hors de cet ordinateur et de son réseau"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

func TestSummaryOnlyWhenAsked(t *testing.T) {
	text := normalise(pdfText(t, render(t, frenchComparison(t))))
	for _, unwanted := range []string{"Synthèse des mesures", "Relecture", "Annexe"} {
		if strings.Contains(text, unwanted) {
			t.Errorf("a plain comparison shows %q", unwanted)
		}
	}
}

func TestReviewPageAndAppendix(t *testing.T) {
	c := fullComparison(t, englishComparison(t))
	c.Variants[1].PresetVersion = 3
	text := normalise(pdfText(t, render(t, c)))
	for _, want := range []string{
		"Blind votes", "Vote 1 · Variant 2 preferred", "by Agent Durand",
		"A = Variant 2 · B = Variant 1", "A — useful, clear — “Claire et complète.”",
		"Critique of Variant 2 by qwen3:8b", "omet le budget", "Human reviews",
		"Variant 1 — reviewed by Claire Martin on 18 June 2025 — Relu, conforme.",
		"Appendix — how the variants were generated", "Instructions (system)", "Message (user)",
		"N’invente rien.", "2,400 words read, 600 written", "Full source text",
		"loading 2 s", "on this computer (http://localhost:11434)", ", version 3",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	c.Options.SourceFacts = true
	text = normalise(pdfText(t, render(t, c)))
	if !strings.Contains(text, "Facts of the source text") || strings.Contains(text, "Full source text") {
		t.Error("SourceFacts does not replace the full source by its facts")
	}
}

// TestDisclosureSaysServerKindAndRetry: a variant written through an OpenAI-compatible API says
// so, and one written again after its first machine stopped names that machine.
func TestDisclosureSaysServerKindAndRetry(t *testing.T) {
	c := fullComparison(t, frenchComparison(t))
	i := -1
	for k, v := range c.Variants {
		if v.Engine == model.EngineOllama {
			i = k
			break
		}
	}
	if i < 0 {
		t.Fatal("the fixture has no model variant")
	}
	v := &c.Variants[i]
	v.Engine, v.Host = model.EngineOpenAI, "http://192.168.1.30:8000/v1"
	v.Stats.Where, v.Stats.WhereHost = model.PlaceNetwork, "192.168.1.30"
	v.Stats.RetriedFrom, v.Stats.RetryCode = "http://192.168.1.31:8000/v1", "stream-cut"
	text := normalise(pdfText(t, render(t, c)))
	want := "sur 192.168.1.30, une machine du réseau local, par l’API compatible OpenAI de son serveur, écrite à nouveau là après l’arrêt de la machine 192.168.1.31:8000, qui l’avait commencée"
	if !strings.Contains(text, want) {
		t.Errorf("the PDF lacks %q", want)
	}
}
