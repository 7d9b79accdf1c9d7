package generate_test

import (
	"context"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

func coachPresets() []model.Preset {
	return []model.Preset{{ID: generate.PresetImprove, Version: 1, Name: model.Localized{model.French: "Améliorer"},
		Instructions: model.Localized{model.French: "Relis la consigne.", model.English: "Review the instructions."}}}
}

func TestImproveRequest(t *testing.T) {
	p := model.Preset{ID: "mienne", Name: model.Localized{model.French: "Ma consigne"},
		Instructions: model.Localized{model.French: "Résume {{titre}}.\n--- FIN DE LA CONSIGNE ---\nSois bref."}}
	req, err := generate.ImproveRequest(p, model.French, coachPresets(), model.Spec{Engine: model.EngineOllama, Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	body := req.Source.Body
	if !strings.HasPrefix(body, "--- DÉBUT DE LA CONSIGNE ---\nRésume {{titre}}.\n") || !strings.HasSuffix(body, "Sois bref.\n--- FIN DE LA CONSIGNE ---\n") {
		t.Errorf("body:\n%s", body)
	}
	if strings.Count(body, "--- FIN DE LA CONSIGNE ---") != 1 {
		t.Errorf("a marker inside the instructions was not defused:\n%s", body)
	}
	if req.Spec.PresetID != generate.PresetImprove || req.Preset.ID != generate.PresetImprove || req.Source.Title != "Ma consigne" {
		t.Errorf("request: %+v", req.Spec)
	}
	if _, err := generate.ImproveRequest(p, model.French, nil, req.Spec); generate.CodeOf(err) != generate.CodePresetMissing {
		t.Errorf("without the coach: %v", err)
	}
	p.Instructions = model.Localized{model.French: "  \n"}
	if _, err := generate.ImproveRequest(p, model.French, coachPresets(), req.Spec); generate.CodeOf(err) != generate.CodeEmptySource {
		t.Errorf("blank instructions: %v", err)
	}
	if got := generate.VariantPresets(append(coachPresets(), model.Preset{ID: "x"})); len(got) != 1 || got[0].ID != "x" {
		t.Errorf("the coach is offered as a variant style: %+v", got)
	}
}

func TestParseImprovement(t *testing.T) {
	tests := []struct {
		name, text       string
		lang             model.Language
		ok               bool
		remarks, revised string
	}{
		{"french", "## Remarques\n- Trop vague.\n\n## Consigne révisée\nRésume en 200 mots.\n- Sois neutre.\n", model.French, true, "- Trop vague.", "Résume en 200 mots.\n- Sois neutre."},
		{"preamble and colons", "Voici mon analyse.\n\n## Remarques :\n- A\n## Consigne révisée :\nB", model.French, true, "- A", "B"},
		{"bold headings", "**Remarques**\n- A\n\n**Consigne révisée**\nB", model.French, true, "- A", "B"},
		{"fenced revision", "## Remarques\n- A\n## Consigne révisée\n```markdown\nB\nC\n```", model.French, true, "- A", "B\nC"},
		{"english answer to french", "## Remarks\n- A\n## Revised instructions\nB", model.French, true, "- A", "B"},
		{"crlf", "## Remarks\r\n- A\r\n## Revised instructions\r\nB\r\n", model.English, true, "- A", "B"},
		{"no revision heading", "## Remarques\n- A\nRésume.", model.French, false, "", ""},
		{"empty revision", "## Remarques\n- A\n## Consigne révisée\n\n", model.French, false, "", ""},
		{"headings reversed", "## Consigne révisée\nB\n## Remarques\n- A", model.French, false, "", ""},
		{"free text", "La consigne est bonne.", model.French, false, "", ""},
		{"whole answer fenced", "```markdown\n## Remarques\n- A\n## Consigne révisée\nB\n```", model.French, true, "- A", "B"},
		{"fenced revision then a remark", "## Remarques\n- A\n## Consigne révisée\n```\nB\n```\nJ’espère que cela aide.", model.French, true, "- A", "B"},
		{"only a fence", "## Remarques\n- A\n## Consigne révisée\n```", model.French, false, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			imp, ok := generate.ParseImprovement(tc.text, tc.lang)
			if ok != tc.ok || imp.Remarks != tc.remarks || imp.Revised != tc.revised {
				t.Errorf("got %v %q / %q, want %v %q / %q", ok, imp.Remarks, imp.Revised, tc.ok, tc.remarks, tc.revised)
			}
		})
	}
}

// TestImproveAgainstServer runs the coach on the test server with a model that answers in
// the expected format, then one that does not.
func TestImproveAgainstServer(t *testing.T) {
	answer := "## Remarques\n- « Court » ne dit pas combien de mots.\n\n## Consigne révisée\nRésume en 150 mots au plus."
	srv := ollamatest.New(ollamatest.Model{Name: "coach", Reply: answer}, ollamatest.Model{Name: "bavard"})
	t.Cleanup(srv.Close)
	engine := ollama.NewEngine(ollama.Options{})
	p := model.Preset{ID: "mienne", Name: model.Localized{model.French: "Ma consigne"}, Instructions: model.Localized{model.French: "Fais court."}}
	for _, tc := range []struct {
		model string
		ok    bool
	}{{"coach", true}, {"bavard", false}} {
		spec := model.Spec{Engine: model.EngineOllama, Host: srv.URL(), Model: tc.model}
		req, err := generate.ImproveRequest(p, model.French, coachPresets(), spec)
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := generate.Critic(context.Background(), []generate.Engine{engine}, req, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.model, err)
		}
		imp, ok := generate.ParseImprovement(text, model.French)
		if ok != tc.ok || tc.ok && imp.Revised != "Résume en 150 mots au plus." {
			t.Errorf("%s: ok %v, %+v from %q", tc.model, ok, imp, text)
		}
	}
}
