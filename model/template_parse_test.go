package model

import (
	"reflect"
	"strings"
	"testing"
)

// userTemplate returns a valid user template with the given id.
func userTemplate(id string) Template {
	return Template{
		ID:          id,
		Kind:        KindOther,
		Name:        Localized{French: "Balade urbaine", English: "Walking tour"},
		Description: Localized{French: "Pour une visite commentée."},
		Body:        Localized{French: "## Parcours\n\n*Décrivez les étapes.*\n"},
	}
}

func TestTemplateNewReport(t *testing.T) {
	webinar, ok := FindTemplate(BuiltinTemplates(), "webinaire")
	if !ok {
		t.Fatal("no webinaire template")
	}
	r := webinar.NewReport("Webinaire PLUi", English)
	if r.Title != "Webinaire PLUi" || r.Kind != KindWebinar || r.Language != English {
		t.Errorf("meta %+v", r.Meta)
	}
	if r.Body != webinar.Body[English] || r.ID != 0 {
		t.Errorf("body %q, id %d", r.Body, r.ID)
	}
	if err := r.Validate(); err != nil {
		t.Errorf("new report invalid: %v", err)
	}

	// A French-only template falls back to French for an English report.
	user := userTemplate("balade")
	r = user.NewReport("Walk", English)
	if r.Body != user.Body[French] || r.Language != English || r.Kind != KindOther {
		t.Errorf("fallback: %+v %q", r.Meta, r.Body)
	}

	// An unsupported language gives a French report.
	r = webinar.NewReport("x", Language("de"))
	if r.Language != French || r.Body != webinar.Body[French] {
		t.Errorf("unsupported language: %q %q", r.Language, r.Body)
	}
}

func TestTemplatesRoundTrip(t *testing.T) {
	in := append(BuiltinTemplates(), userTemplate("balade"))
	data, err := MarshalTemplates(in)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "Builtin") || strings.Contains(string(data), "builtin") {
		t.Error("Builtin is written to JSON")
	}
	out, err := ParseTemplates(data)
	if err != nil {
		t.Fatal(err)
	}
	for i := range in {
		in[i].Builtin = false
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip differs:\n%+v\n%+v", in, out)
	}

	empty, err := MarshalTemplates(nil)
	if err != nil || strings.TrimSpace(string(empty)) != "[]" {
		t.Errorf("empty: %q, %v", empty, err)
	}
}

func TestParseTemplatesErrors(t *testing.T) {
	for _, c := range []struct {
		name, json, field string
		problem           Problem
	}{
		{"bad json", `[{"id": "a",`, "", ""},
		{"not an array", `{"id": "a"}`, "", ""},
		{"duplicate id", `[{"id":"a","kind":"other","name":{"fr":"A"},"body":{"fr":"x"}},
			{"id":"a","kind":"webinar","name":{"fr":"B"},"body":{"fr":"y"}}]`, "id", ProblemInvalid},
		{"missing name", `[{"id":"a","kind":"other","body":{"fr":"x"}}]`, "name", ProblemRequired},
		{"blank name", `[{"id":"a","kind":"other","name":{"fr":"  "},"body":{"fr":"x"}}]`, "name", ProblemRequired},
		{"missing body", `[{"id":"a","kind":"other","name":{"fr":"A"}}]`, "body", ProblemRequired},
		{"unknown kind", `[{"id":"a","kind":"party","name":{"fr":"A"},"body":{"fr":"x"}}]`, "kind", ProblemInvalid},
		{"missing kind", `[{"id":"a","name":{"fr":"A"},"body":{"fr":"x"}}]`, "kind", ProblemInvalid},
		{"bad id", `[{"id":"Mon modèle","kind":"other","name":{"fr":"A"},"body":{"fr":"x"}}]`, "id", ProblemInvalid},
		{"unknown language", `[{"id":"a","kind":"other","name":{"de":"A"},"body":{"fr":"x"}}]`, "name", ProblemInvalid},
		{"long name", `[{"id":"a","kind":"other","name":{"fr":"` + strings.Repeat("n", MaxTemplateNameLen+1) +
			`"},"body":{"fr":"x"}}]`, "name", ProblemTooLong},
	} {
		t.Run(c.name, func(t *testing.T) {
			ts, err := ParseTemplates([]byte(c.json))
			if err == nil {
				t.Fatalf("no error, got %+v", ts)
			}
			v := AsValidation(err)
			if c.field == "" {
				if v != nil {
					t.Errorf("validation error %v for malformed JSON", v)
				}
				return
			}
			if v == nil || v.Field != c.field || v.Problem != c.problem {
				t.Errorf("error %v, want %s %s", err, c.field, c.problem)
			}
		})
	}
}

func TestMarshalTemplatesInvalid(t *testing.T) {
	if _, err := MarshalTemplates([]Template{userTemplate("a"), userTemplate("a")}); err == nil {
		t.Error("duplicate ids accepted")
	}
	bad := userTemplate("a")
	bad.Kind = "party"
	if _, err := MarshalTemplates([]Template{bad}); err == nil {
		t.Error("unknown kind accepted")
	}
}

func TestTemplateFromReport(t *testing.T) {
	r := NewReport("Balade du 3 mai", English)
	r.Kind = KindPublicMeeting
	r.Body = "## Route\n\n*Describe the stops.*\n\nWe met at the station.\n\n\n"
	tpl, err := TemplateFromReport("balade", "  Walking tour ", r)
	if err != nil {
		t.Fatal(err)
	}
	want := Template{
		ID: "balade", Kind: KindPublicMeeting,
		Name: Localized{English: "Walking tour"},
		Body: Localized{English: "## Route\n\n*Describe the stops.*\n\nWe met at the station.\n"},
	}
	if !reflect.DeepEqual(tpl, want) {
		t.Errorf("got %+v, want %+v", tpl, want)
	}
	if back := tpl.NewReport("Next walk", English); back.Body != want.Body[English] || back.Kind != KindPublicMeeting {
		t.Errorf("report from the saved template: %+v %q", back.Meta, back.Body)
	}
}

func TestTemplateFromReportErrors(t *testing.T) {
	r := NewReport("x", French)
	r.Body = "## Section\n"
	for _, c := range []struct {
		name, id, tplName, body, field string
	}{
		{"bad id", "Mon modèle", "Modèle", r.Body, "id"},
		{"empty name", "modele", " ", r.Body, "name"},
		{"empty body", "modele", "Modèle", " \n", "body"},
	} {
		r.Body = c.body
		_, err := TemplateFromReport(c.id, c.tplName, r)
		if v := AsValidation(err); v == nil || v.Field != c.field {
			t.Errorf("%s: error %v, want one on %s", c.name, err, c.field)
		}
	}

	// An unknown kind or language falls back to "other" and French.
	r = Report{Meta: Meta{Kind: "party", Language: "de"}, Body: "x"}
	tpl, err := TemplateFromReport("modele", "Modèle", r)
	if err != nil || tpl.Kind != KindOther || tpl.Body[French] != "x\n" {
		t.Errorf("fallbacks: %+v, %v", tpl, err)
	}
}

func TestTemplateID(t *testing.T) {
	taken := []Template{userTemplate("reunion-de-quartier"), userTemplate("reunion-de-quartier-2")}
	for _, c := range []struct{ name, want string }{
		{"Réunion de quartier", "reunion-de-quartier-3"},
		{"  Comité de suivi — Œuvre n° 2 ! ", "comite-de-suivi-oeuvre-n-2"},
		{"« … »", "modele"},
		{"Atelier", "atelier"},
		{strings.Repeat("abc ", 30), strings.Repeat("abc-", 13)[:50]},
	} {
		got := TemplateID(c.name, taken)
		if got != c.want {
			t.Errorf("TemplateID(%q) = %q, want %q", c.name, got, c.want)
		}
		if !presetID.MatchString(got) {
			t.Errorf("TemplateID(%q) = %q, not a valid id", c.name, got)
		}
	}
}
