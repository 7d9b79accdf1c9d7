package model

import (
	"math"
	"strings"
	"testing"
)

func ptr[T any](v T) *T { return &v }

func TestReportValidate(t *testing.T) {
	valid := NewReport("Atelier place du Marché", French)
	tests := []struct {
		name    string
		edit    func(*Report)
		field   string
		problem Problem
	}{
		{"valid", func(*Report) {}, "", ""},
		{"blank title", func(r *Report) { r.Title = "  " }, "title", ProblemRequired},
		{"long title", func(r *Report) { r.Title = strings.Repeat("é", MaxTitleLen+1) }, "title", ProblemTooLong},
		{"unknown kind", func(r *Report) { r.Kind = "party" }, "kind", ProblemInvalid},
		{"bad date", func(r *Report) { r.Date = "17/06/2025" }, "date", ProblemInvalid},
		{"good date", func(r *Report) { r.Date = "2025-06-17" }, "", ""},
		{"long place", func(r *Report) { r.Place = strings.Repeat("a", MaxFieldLen+1) }, "place", ProblemTooLong},
		{"bad utf8 audience", func(r *Report) { r.Audience = "\xff" }, "audience", ProblemInvalidUTF8},
		{"unknown language", func(r *Report) { r.Language = "de" }, "language", ProblemInvalid},
		{"bad utf8 body", func(r *Report) { r.Body = "ok \xc3" }, "body", ProblemInvalidUTF8},
		{"huge body", func(r *Report) { r.Body = strings.Repeat("a", MaxBodyLen+1) }, "body", ProblemTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := valid
			tt.edit(&r)
			checkProblem(t, r.Validate(), tt.field, tt.problem)
		})
	}
}

func checkProblem(t *testing.T, err error, field string, problem Problem) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Fatalf("unexpected error %v", err)
		}
		return
	}
	v := AsValidation(err)
	if v == nil {
		t.Fatalf("error %v, want a ValidationError on %s", err, field)
	}
	if v.Field != field || v.Problem != problem {
		t.Fatalf("got %s/%s, want %s/%s", v.Field, v.Problem, field, problem)
	}
	if v.Error() == "" {
		t.Fatal("empty message")
	}
}

func TestSpecValidate(t *testing.T) {
	tests := []struct {
		name    string
		spec    Spec
		field   string
		problem Problem
	}{
		{"builtin", Spec{Engine: EngineBuiltin, PresetID: "points-cles"}, "", ""},
		{"ollama", Spec{Engine: EngineOllama, Model: "mistral:7b", PresetID: "x"}, "", ""},
		{"ollama without model", Spec{Engine: EngineOllama, PresetID: "x"}, "model", ProblemRequired},
		{"unknown engine", Spec{Engine: "cloud", PresetID: "x"}, "engine", ProblemInvalid},
		{"no preset", Spec{Engine: EngineBuiltin}, "preset", ProblemRequired},
		{"hot", Spec{Engine: EngineBuiltin, PresetID: "x", Options: Options{Temperature: ptr(2.5)}}, "temperature", ProblemOutOfRange},
		{"top_p", Spec{Engine: EngineBuiltin, PresetID: "x", Options: Options{TopP: ptr(-0.1)}}, "top_p", ProblemOutOfRange},
		{"NaN temperature", Spec{Engine: EngineBuiltin, PresetID: "x", Options: Options{Temperature: ptr(math.NaN())}}, "temperature", ProblemOutOfRange},
		{"NaN top_p", Spec{Engine: EngineBuiltin, PresetID: "x", Options: Options{TopP: ptr(math.NaN())}}, "top_p", ProblemOutOfRange},
		{"infinite temperature", Spec{Engine: EngineBuiltin, PresetID: "x", Options: Options{Temperature: ptr(math.Inf(1))}}, "temperature", ProblemOutOfRange},
		{"num_ctx", Spec{Engine: EngineBuiltin, PresetID: "x", Options: Options{NumCtx: -1}}, "num_ctx", ProblemOutOfRange},
		{"num_predict", Spec{Engine: EngineBuiltin, PresetID: "x", Options: Options{NumPredict: 1 << 21}}, "num_predict", ProblemOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkProblem(t, tt.spec.Validate(), tt.field, tt.problem) })
	}
}

func TestRunAndVariantValidate(t *testing.T) {
	spec := Spec{Engine: EngineBuiltin, PresetID: "points-cles"}
	checkProblem(t, Run{RevisionID: 1, Specs: []Spec{spec}}.Validate(), "", "")
	checkProblem(t, Run{Specs: []Spec{spec}}.Validate(), "revision", ProblemRequired)
	checkProblem(t, Run{RevisionID: 1}.Validate(), "specs", ProblemRequired)
	checkProblem(t, Run{RevisionID: 1, Specs: []Spec{{Engine: "x", PresetID: "p"}}}.Validate(), "engine", ProblemInvalid)
	checkProblem(t, Variant{RevisionID: 1, Spec: spec, Status: StatusDone}.Validate(), "", "")
	checkProblem(t, Variant{Spec: spec, Status: StatusDone}.Validate(), "revision", ProblemRequired)
	checkProblem(t, Variant{RevisionID: 1, Spec: spec, Status: "lost"}.Validate(), "status", ProblemInvalid)
	for _, s := range []Status{StatusDone, StatusFailed, StatusCancelled} {
		if !s.Final() {
			t.Errorf("%s should be final", s)
		}
	}
	if StatusRunning.Final() || StatusQueued.Final() {
		t.Error("running and queued are not final")
	}
}

func TestParsePresets(t *testing.T) {
	good := `[{"id":"synthese-courte","version":1,"name":{"fr":"Synthèse courte","en":"Short synthesis"},"method":"synthesis","target_ratio":0.2}]`
	ps, err := ParsePresets([]byte(good))
	if err != nil || len(ps) != 1 || ps[0].Name.In(English) != "Short synthesis" {
		t.Fatalf("ParsePresets = %+v, %v", ps, err)
	}
	if p, ok := FindPreset(ps, "synthese-courte"); !ok || p.TargetRatio != 0.2 {
		t.Fatal("FindPreset failed")
	}
	if _, ok := FindPreset(ps, "absent"); ok {
		t.Fatal("FindPreset found an absent preset")
	}
	bad := map[string]string{
		"not json":   `{`,
		"bad id":     `[{"id":"Synthèse courte","name":{"fr":"x"}}]`,
		"no name":    `[{"id":"a"}]`,
		"bad method": `[{"id":"a","name":{"fr":"x"},"method":"magic"}]`,
		"bad ratio":  `[{"id":"a","name":{"fr":"x"},"target_ratio":1.5}]`,
		"duplicate":  `[{"id":"a","name":{"fr":"x"}},{"id":"a","name":{"fr":"y"}}]`,
	}
	for name, data := range bad {
		t.Run(name, func(t *testing.T) {
			if _, err := ParsePresets([]byte(data)); err == nil {
				t.Fatal("accepted")
			}
		})
	}
}

func TestLocalizedFallback(t *testing.T) {
	l := Localized{French: "Bonjour"}
	if l.In(English) != "Bonjour" {
		t.Error("English should fall back to French")
	}
	if (Localized{English: "Hello"}).In(French) != "Hello" {
		t.Error("French should fall back to any language")
	}
	if (Localized{}).In(French) != "" {
		t.Error("empty")
	}
}

func TestContentHash(t *testing.T) {
	m := Meta{Title: "A", Kind: KindWorkshop, Language: French}
	same := m
	if ContentHash(m, "x") != ContentHash(same, "x"+"") {
		t.Fatal("hash not stable")
	}
	m2 := m
	m2.Title = "B"
	if ContentHash(m, "x") == ContentHash(m2, "x") || ContentHash(m, "x") == ContentHash(m, "y") {
		t.Fatal("different content, same hash")
	}
	// Field boundaries matter: moving text from the title to the place changes the hash.
	a := Meta{Title: "ab", Place: "", Kind: KindOther, Language: French}
	b := Meta{Title: "a", Place: "b", Kind: KindOther, Language: French}
	if ContentHash(a, "") == ContentHash(b, "") {
		t.Fatal("hash ignores field boundaries")
	}
}
