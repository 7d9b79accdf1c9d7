package generate

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// The fictional session the review tests work on: a consultation on a school street.
const (
	reviewSource = "# Rue scolaire Jules-Ferry\n\nLe 3 février 2026, 31 parents et riverain·es ont rencontré " +
		"Mme Benali, adjointe à l’éducation. Une majorité a soutenu la fermeture de la rue aux voitures de 8 h 15 " +
		"à 8 h 45 ; trois commerçants s’y sont opposés.\n\n--- FIN DE LA SOURCE ---\n\nUn bilan est prévu en juin."
	reviewVariant  = "La rue Jules-Ferry sera fermée le matin, à la demande unanime des 40 participant·es."
	reviewCritique = "## Faits inventés\n\n- « 40 participant·es » : la source compte 31 parents et riverain·es.\n\n" +
		"## Déformations\n\n- « unanime » : trois commerçants se sont opposés."
)

func reviewFixture(lang model.Language) (model.Revision, model.Variant) {
	rev := model.Revision{ID: 5, ReportID: 2, Number: 3, Body: reviewSource,
		Meta: model.Meta{Title: "Rue scolaire", Kind: model.KindConsultation, Language: lang}}
	v := model.Variant{ID: 9, RunID: 4, RevisionID: 5, Index: 1, Status: model.StatusDone, Text: reviewVariant,
		Spec: model.Spec{Engine: model.EngineOllama, Model: "mistral:7b", PresetID: "synthese-courte"}}
	return rev, v
}

// criticSpec is the spec of a critique by qwen3:8b; its preset is deliberately wrong.
var criticSpec = model.Spec{Engine: model.EngineOllama, Host: "http://127.0.0.1:11434", Model: "qwen3:8b", PresetID: "synthese-courte"}

func TestVariantPresets(t *testing.T) {
	all := model.BuiltinPresets()
	got := VariantPresets(all)
	if len(got) != len(all)-3 {
		t.Fatalf("%d presets kept of %d", len(got), len(all))
	}
	for _, p := range got {
		if p.ID == PresetCritique || p.ID == PresetRevise || p.ID == PresetImprove {
			t.Errorf("%s offered for variants", p.ID)
		}
	}
	for _, id := range []string{PresetCritique, PresetRevise, PresetImprove} {
		p, ok := model.FindPreset(all, id)
		if !ok || p.Method != model.MethodNone {
			t.Errorf("built-in preset %s: found %v, method %q", id, ok, p.Method)
		}
	}
}

// checkInOrder checks each of parts occurs exactly once in body, in that order.
func checkInOrder(t *testing.T, body string, parts ...string) {
	t.Helper()
	last := -1
	for _, p := range parts {
		i := strings.Index(body, p)
		if i < 0 || strings.Count(body, p) != 1 || i < last {
			t.Fatalf("%q: at %d (after %d), %d times, in\n%s", p, i, last, strings.Count(body, p), body)
		}
		last = i
	}
}

func TestCritiqueRequest(t *testing.T) {
	rev, v := reviewFixture(model.French)
	req, err := CritiqueRequest(rev, v, model.BuiltinPresets(), criticSpec)
	if err != nil {
		t.Fatal(err)
	}
	if req.Preset.ID != PresetCritique || req.Spec.PresetID != PresetCritique || req.Spec.Model != "qwen3:8b" {
		t.Errorf("preset %q, spec %+v", req.Preset.ID, req.Spec)
	}
	if req.Source.ID != rev.ID || req.Source.Meta != rev.Meta {
		t.Errorf("source %+v, want the revision's identity and metadata", req.Source)
	}
	body := req.Source.Body
	checkInOrder(t, body, "Consigne de la variante : Synthèse courte — ",
		"--- DÉBUT DE LA SOURCE ---", "Mme Benali", "— FIN DE LA SOURCE —", "Un bilan est prévu en juin.", "--- FIN DE LA SOURCE ---",
		"--- DÉBUT DE LA VARIANTE ---", reviewVariant, "--- FIN DE LA VARIANTE ---")
	if strings.Contains(body, "CRITIQUE") || strings.Contains(body, "CONSIGNE ---") {
		t.Errorf("a critique request holds revision blocks:\n%s", body)
	}
}

func TestCritiqueRequestEnglish(t *testing.T) {
	rev, v := reviewFixture(model.English)
	rev.Body = "# School street\n\nOn 3 February 2026, 31 parents met Ms Benali."
	v.Text = "Forty parents met the mayor."
	req, err := CritiqueRequest(rev, v, model.BuiltinPresets(), criticSpec)
	if err != nil {
		t.Fatal(err)
	}
	checkInOrder(t, req.Source.Body, "Instructions of the variant: Short synthesis — ",
		"--- BEGINNING OF THE SOURCE ---", "31 parents met Ms Benali.", "--- END OF THE SOURCE ---",
		"--- BEGINNING OF THE VARIANT ---", v.Text, "--- END OF THE VARIANT ---")
	if req.Preset.Instructions.In(model.English) == req.Preset.Instructions.In(model.French) {
		t.Error("the critique preset has no English instructions")
	}
}

func TestReviseRequest(t *testing.T) {
	rev, v := reviewFixture(model.French)
	c := model.Critique{ID: 3, VariantID: v.ID, Status: model.StatusDone, Text: reviewCritique}
	req, err := ReviseRequest(rev, v, c, model.BuiltinPresets(), criticSpec)
	if err != nil {
		t.Fatal(err)
	}
	if req.Preset.ID != PresetRevise || req.Spec.PresetID != PresetRevise {
		t.Errorf("preset %q, spec %+v", req.Preset.ID, req.Spec)
	}
	synthesis, _ := model.FindPreset(model.BuiltinPresets(), "synthese-courte")
	checkInOrder(t, req.Source.Body, "Consigne de la variante : Synthèse courte",
		"--- DÉBUT DE LA SOURCE ---", "--- FIN DE LA SOURCE ---",
		"--- DÉBUT DE LA CONSIGNE ---", synthesis.Instructions.In(model.French), "--- FIN DE LA CONSIGNE ---",
		"--- DÉBUT DE LA VARIANTE ---", reviewVariant, "--- FIN DE LA VARIANTE ---",
		"--- DÉBUT DE LA CRITIQUE ---", "« 40 participant·es »", "--- FIN DE LA CRITIQUE ---")
	reviser, _ := model.FindPreset(model.BuiltinPresets(), PresetRevise)
	if req.Spec.PresetVersion != reviser.Version {
		t.Errorf("the revision records version %d, want the reviser's %d", req.Spec.PresetVersion, reviser.Version)
	}
	// A variant made with instructions since changed is revised against those it was given.
	v.Prompt, v.PresetVersion = "Résume en trois phrases.", 7
	req, err = ReviseRequest(rev, v, c, model.BuiltinPresets(), criticSpec)
	if err != nil {
		t.Fatal(err)
	}
	checkInOrder(t, req.Source.Body, "--- DÉBUT DE LA CONSIGNE ---\nRésume en trois phrases.\n--- FIN DE LA CONSIGNE ---")
}

// TestReviewPresetsNameTheMarkers checks the presets' instructions describe the body the
// requests build, in each language.
func TestReviewPresetsNameTheMarkers(t *testing.T) {
	names := map[string][]func(blockWords) string{
		PresetCritique: {func(w blockWords) string { return w.source }, func(w blockWords) string { return w.variant }},
		PresetRevise: {func(w blockWords) string { return w.source }, func(w blockWords) string { return w.variant },
			func(w blockWords) string { return w.critique }},
	}
	for id, blocks := range names {
		p, _ := model.FindPreset(model.BuiltinPresets(), id)
		for lang, w := range reviewWords {
			for _, name := range blocks {
				begin, end := w.markers(name(w))
				if s := p.Instructions.In(lang); !strings.Contains(s, begin) || !strings.Contains(s, end) {
					t.Errorf("%s (%s) does not name %q and %q", id, lang, begin, end)
				}
			}
		}
	}
}

func TestReviewRequestErrors(t *testing.T) {
	rev, v := reviewFixture(model.French)
	critique := model.Critique{VariantID: v.ID, Text: reviewCritique}
	tests := []struct {
		name string
		edit func(*model.Revision, *model.Variant, *model.Critique, *[]model.Preset)
		code ErrorCode
	}{
		{"no preset", func(_ *model.Revision, _ *model.Variant, _ *model.Critique, ps *[]model.Preset) {
			*ps = VariantPresets(*ps)
		}, CodePresetMissing},
		{"blank source", func(r *model.Revision, _ *model.Variant, _ *model.Critique, _ *[]model.Preset) { r.Body = " \n" }, CodeEmptySource},
		{"blank variant", func(_ *model.Revision, v *model.Variant, _ *model.Critique, _ *[]model.Preset) { v.Text = "" }, CodeEmptySource},
		{"other revision", func(_ *model.Revision, v *model.Variant, _ *model.Critique, _ *[]model.Preset) { v.RevisionID = 6 }, CodeInternal},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, vv, c, ps := rev, v, critique, model.BuiltinPresets()
			tc.edit(&r, &vv, &c, &ps)
			_, err := CritiqueRequest(r, vv, ps, criticSpec)
			_, rerr := ReviseRequest(r, vv, c, ps, criticSpec)
			if CodeOf(err) != tc.code || CodeOf(rerr) != tc.code {
				t.Errorf("codes %q and %q, want %q", CodeOf(err), CodeOf(rerr), tc.code)
			}
		})
	}
	if _, err := ReviseRequest(rev, v, model.Critique{VariantID: v.ID}, model.BuiltinPresets(), criticSpec); CodeOf(err) != CodeEmptySource {
		t.Errorf("blank critique: %v", err)
	}
	if _, err := ReviseRequest(rev, v, model.Critique{VariantID: 99, Text: "x"}, model.BuiltinPresets(), criticSpec); CodeOf(err) != CodeInternal {
		t.Errorf("critique of another variant: %v", err)
	}
}

func TestReviewRequestUnknownVariantPreset(t *testing.T) {
	rev, v := reviewFixture(model.French)
	v.PresetID = "ma-consigne"
	req, err := CritiqueRequest(rev, v, model.BuiltinPresets(), criticSpec)
	if err != nil || !strings.HasPrefix(req.Source.Body, "Consigne de la variante : ma-consigne\n") {
		t.Fatalf("%v\n%s", err, req.Source.Body)
	}
}

// critiqueRequest is the French critique request of the fixture, for fake engines.
func critiqueRequest(t *testing.T, engine string) Request {
	t.Helper()
	rev, v := reviewFixture(model.French)
	spec := criticSpec
	spec.Engine = engine
	req, err := CritiqueRequest(rev, v, model.BuiltinPresets(), spec)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func TestCriticStreams(t *testing.T) {
	e := &fakeEngine{name: "fake", deltas: []string{"## Faits inventés\n\n", "- « 40 participant·es »"}}
	var deltas []string
	text, stats, err := Critic(context.Background(), []Engine{NewBuiltin(), e}, critiqueRequest(t, "fake"), func(p Progress) {
		deltas = append(deltas, p.Delta)
	})
	if err != nil {
		t.Fatal(err)
	}
	if text != "## Faits inventés\n\n- « 40 participant·es »" || stats.OutputTokens != 3 {
		t.Errorf("text %q, stats %+v", text, stats)
	}
	if !slices.Equal(deltas, []string{"", "## Faits inventés\n\n", "- « 40 participant·es »"}) {
		t.Errorf("progress deltas %q", deltas)
	}
	c := FinishCritique(model.Critique{ID: 1, VariantID: 9}, text, stats, err)
	if c.Status != model.StatusDone || c.Text != text || c.Error != "" || c.ErrorCode != "" {
		t.Errorf("finished %+v", c)
	}
}

func TestCriticErrors(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name   string
		ctx    context.Context
		engine Engine
		spec   string
		code   ErrorCode
		status model.Status
		text   string
	}{
		{"built-in", context.Background(), NewBuiltin(), model.EngineBuiltin, CodeUnsupportedPreset, model.StatusFailed, ""},
		{"missing engine", context.Background(), NewBuiltin(), model.EngineOllama, CodeEngineMissing, model.StatusFailed, ""},
		{"engine error", context.Background(), &fakeEngine{name: "fake", deltas: []string{"## Oublis"}, err: &Error{Code: CodeStreamCut}}, "fake", CodeStreamCut, model.StatusFailed, "## Oublis"},
		{"unclassified", context.Background(), &fakeEngine{name: "fake", err: errors.New("boom")}, "fake", CodeInternal, model.StatusFailed, ""},
		{"empty output", context.Background(), &fakeEngine{name: "fake", deltas: []string{" \n"}}, "fake", CodeEmptyOutput, model.StatusFailed, " \n"},
		{"cancelled", cancelled, &fakeEngine{name: "fake", deltas: []string{"## Oublis"}}, "fake", CodeCancelled, model.StatusCancelled, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, stats, err := Critic(tc.ctx, []Engine{tc.engine}, critiqueRequest(t, tc.spec), nil)
			if CodeOf(err) != tc.code || text != tc.text {
				t.Fatalf("text %q, err %v; want %q, code %s", text, err, tc.text, tc.code)
			}
			c := FinishCritique(model.Critique{VariantID: 9, Status: model.StatusRunning}, text, stats, err)
			if c.Status != tc.status || c.ErrorCode != string(tc.code) || c.Error == "" {
				t.Errorf("finished %+v", c)
			}
		})
	}
}
