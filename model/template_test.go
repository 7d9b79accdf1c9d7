package model

import (
	"strings"
	"testing"
)

// commonSections are the headings every built-in template has, per language.
var commonSections = map[Language][]string{
	French: {"## Contexte et objectifs", "## Intervenants", "## Participants et chiffres de participation",
		"## Déroulé", "## Suites et prochaines étapes"},
	English: {"## Context and objectives", "## Speakers", "## Participants and attendance figures",
		"## Proceedings", "## Follow-up and next steps"},
}

func TestBuiltinTemplates(t *testing.T) {
	ts := BuiltinTemplates()
	if len(ts) != 4 {
		t.Fatalf("got %d built-in templates, want 4", len(ts))
	}
	for _, tpl := range ts {
		t.Run(tpl.ID, func(t *testing.T) {
			if err := tpl.Validate(); err != nil {
				t.Fatalf("invalid: %v", err)
			}
			if !tpl.Builtin {
				t.Error("Builtin is false")
			}
			for lang, headings := range commonSections {
				checkTemplateLanguage(t, tpl, lang, headings)
			}
		})
	}
}

// checkTemplateLanguage checks that tpl has a name, a description and a body in lang, with the
// given headings, each followed by an italic guidance line.
func checkTemplateLanguage(t *testing.T, tpl Template, lang Language, headings []string) {
	t.Helper()
	for field, l := range map[string]Localized{"name": tpl.Name, "description": tpl.Description, "body": tpl.Body} {
		if strings.TrimSpace(l[lang]) == "" {
			t.Errorf("%s missing in %s", field, lang)
		}
	}
	body := tpl.Body[lang]
	for _, h := range headings {
		if !strings.Contains(body, h+"\n\n*") {
			t.Errorf("%s body lacks %q followed by a guidance line", lang, h)
		}
	}
	if strings.HasPrefix(body, "# ") || strings.Contains(body, "\n# ") {
		t.Errorf("%s body has a level-1 heading; the title comes from the report", lang)
	}
	if strings.Contains(body, "'") {
		t.Errorf("%s body has a straight apostrophe", lang)
	}
}

func TestBuiltinTemplatesByKind(t *testing.T) {
	for _, c := range []struct {
		id       string
		kind     SessionKind
		fr, en   []string
		mentions string
	}{
		{"atelier", KindWorkshop, []string{"## Productions des groupes", "## Retours et questions"},
			[]string{"## Group outputs", "## Feedback and questions"}, "groupes"},
		{"webinaire", KindWebinar, []string{"## Questions du chat et réponses"},
			[]string{"## Chat questions and answers"}, "connexions"},
		{"reunion-publique", KindPublicMeeting, []string{"## Prises de parole et avis exprimés", "## Retours et questions"},
			[]string{"## Contributions from the floor and views expressed"}, "public"},
		{"concertation", KindConsultation, []string{"## Relevé de décisions", "## Points en suspens", "## Retours et questions"},
			[]string{"## Record of decisions", "## Open points"}, "quorum"},
	} {
		tpl, ok := FindTemplate(BuiltinTemplates(), c.id)
		if !ok {
			t.Errorf("no built-in template %q", c.id)
			continue
		}
		if tpl.Kind != c.kind {
			t.Errorf("%s: kind %q, want %q", c.id, tpl.Kind, c.kind)
		}
		checkTemplateLanguage(t, tpl, French, c.fr)
		checkTemplateLanguage(t, tpl, English, c.en)
		if !strings.Contains(tpl.Body[French], c.mentions) {
			t.Errorf("%s: French body does not mention %q", c.id, c.mentions)
		}
	}
}

// TestBuiltinTemplatesFrenchTypography checks the no-break spaces of French typography:
// before « : ; ? ! », inside guillemets, and never an ordinary space there.
func TestBuiltinTemplatesFrenchTypography(t *testing.T) {
	bad := []string{" :", " ;", " ?", " !", "« ", " »", "\u00a0;", "\u00a0?", "\u00a0!"}
	for _, tpl := range BuiltinTemplates() {
		for field, l := range map[string]Localized{"name": tpl.Name, "description": tpl.Description, "body": tpl.Body} {
			for _, b := range bad {
				if strings.Contains(l[French], b) {
					t.Errorf("%s %s: %q, want a no-break space", tpl.ID, field, b)
				}
			}
		}
	}
	atelier, _ := FindTemplate(BuiltinTemplates(), "atelier")
	if !strings.Contains(atelier.Body[French], "intervenu\u00a0: nom") {
		t.Error("no no-break space before a colon in the workshop template")
	}
}

func TestBuiltinTemplatesCopy(t *testing.T) {
	ts := BuiltinTemplates()
	ts[0].ID = "changed"
	if BuiltinTemplates()[0].ID == "changed" {
		t.Error("BuiltinTemplates returns the shared slice")
	}
}
