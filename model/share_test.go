package model

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func userPreset(id, name, instructions string) Preset {
	return Preset{ID: id, Version: 1, Name: Localized{French: name}, Instructions: Localized{French: instructions},
		Notes: map[Language][]Note{French: {{Rule: "Écris", Why: "Pour la clarté."}}}, TargetWords: 300}
}

func sharedTemplate(id, name string) Template {
	return Template{ID: id, Kind: KindWorkshop, Name: Localized{French: name}, Body: Localized{French: "## Contexte\n"}}
}

func TestShareRoundTrip(t *testing.T) {
	in := Share{Presets: []Preset{userPreset("cr-metropole", "CR Métropole", "Écris le compte-rendu de {{titre}}.")},
		Templates: []Template{sharedTemplate("atelier-quartier", "Atelier de quartier")}}
	data, err := MarshalShare(in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"format": "rapporteur-share"`) {
		t.Errorf("no format marker in\n%s", data)
	}
	out, err := ParseShare(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Presets) != 1 || !samePreset(out.Presets[0], in.Presets[0]) || out.Presets[0].Version != 1 {
		t.Errorf("presets %+v", out.Presets)
	}
	if len(out.Templates) != 1 || out.Templates[0].Name.In(French) != "Atelier de quartier" {
		t.Errorf("templates %+v", out.Templates)
	}
}

func TestParseShareReadsOldTemplateFiles(t *testing.T) {
	data, err := MarshalTemplates([]Template{sharedTemplate("a", "A")})
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseShare(append([]byte("\xef\xbb\xbf"), data...))
	if err != nil || len(s.Templates) != 1 || len(s.Presets) != 0 {
		t.Fatalf("got %+v, %v", s, err)
	}
}

func TestParseShareRejects(t *testing.T) {
	tests := []struct {
		name, data string
		file       bool   // ErrShareFile expected
		item       string // kind of the invalid item expected
		index      int
	}{
		{"not json", "bonjour", true, "", 0},
		{"empty", "", true, "", 0},
		{"other json", `{"title":"x"}`, true, "", 0},
		{"newer version", `{"format":"rapporteur-share","version":9}`, true, "", 0},
		{"bad preset", `{"format":"rapporteur-share","version":1,"presets":[{"id":"a","name":{"fr":"A"},"instructions":{"fr":"x"}},{"id":"B C","name":{"fr":"B"}}]}`, false, "preset", 2},
		{"duplicate preset", `{"format":"rapporteur-share","version":1,"presets":[{"id":"a","name":{"fr":"A"},"instructions":{"fr":"x"}},{"id":"a","name":{"fr":"A"},"instructions":{"fr":"x"}}]}`, false, "preset", 2},
		{"preset without instructions", `{"format":"rapporteur-share","version":1,"presets":[{"id":"a","name":{"fr":"A"}}]}`, false, "preset", 1},
		{"bad template", `{"format":"rapporteur-share","version":1,"templates":[{"id":"t","kind":"nope","name":{"fr":"T"},"body":{"fr":"x"}}]}`, false, "template", 1},
		{"unknown language", `{"format":"rapporteur-share","version":1,"presets":[{"id":"a","name":{"de":"A"},"instructions":{"de":"x"}}]}`, false, "preset", 1},
		{"bad array", `[{"id":1}]`, true, "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseShare([]byte(tc.data))
			if err == nil {
				t.Fatal("accepted")
			}
			if got := errors.Is(err, ErrShareFile); got != tc.file {
				t.Errorf("ErrShareFile %v, want %v: %v", got, tc.file, err)
			}
			var ie *ShareItemError
			if tc.item != "" && (!errors.As(err, &ie) || ie.Kind != tc.item || ie.Index != tc.index || AsValidation(err) == nil) {
				t.Errorf("want a %s error at %d with a validation reason, got %v", tc.item, tc.index, err)
			}
		})
	}
}

func TestPlanAndApplyShare(t *testing.T) {
	builtin := BuiltinPresets()
	mine := userPreset("cr-metropole", "CR Métropole", "Écris court.")
	presets := append(builtin, mine)
	myTemplate := sharedTemplate("atelier-quartier", "Atelier de quartier")
	changedBuiltin := builtin[0]
	changedBuiltin.Instructions = Localized{French: "Autre consigne."}
	newer := mine
	newer.Version, newer.Instructions = 4, Localized{French: "Écris très court."}
	in := Share{
		Presets: []Preset{
			userPreset("nouvelle", "Nouvelle", "x"),                // new
			func() Preset { p := mine; p.Version = 7; return p }(), // same content, other version
			newer,          // conflict with mine
			changedBuiltin, // conflict with a built-in
		},
		Templates: []Template{myTemplate, func() Template { t := myTemplate; t.Body = Localized{French: "## Autre\n"}; return t }()},
	}
	in.Templates[1].ID = "atelier-quartier"
	plan := PlanShare(Share{Presets: in.Presets, Templates: in.Templates[1:]}, presets, append(BuiltinTemplates(), myTemplate))
	want := []MergeAction{MergeAdd, MergeSame, MergeKeepBoth, MergeKeepBoth, MergeKeepBoth}
	for i, item := range plan {
		if item.Action != want[i] {
			t.Errorf("item %d (%s): %s, want %s", i, item.Name(French), item.Action, want[i])
		}
	}
	if !plan[3].Builtin || plan[2].Builtin || !plan[2].Conflict || plan[1].Conflict {
		t.Errorf("flags wrong: %+v", plan)
	}
	checkApplyShare(t, plan, presets, myTemplate, changedBuiltin.ID)
}

// checkApplyShare settles the conflicts of the plan of TestPlanAndApplyShare each way.
func checkApplyShare(t *testing.T, plan []MergeItem, presets []Preset, myTemplate Template, builtinID string) {
	t.Helper()
	plan[2].Action = MergeReplace // the colleague's newer version replaces mine
	plan[3].Action = MergeReplace // a built-in cannot be replaced: kept as a copy
	plan[4].Action = MergeSkip
	suffix := Localized{French: "(importée)", English: "(imported)"}
	save, templates := ApplyShare(plan, presets, []Template{myTemplate}, suffix)
	if len(save) != 3 {
		t.Fatalf("save %d presets, want 3: %+v", len(save), save)
	}
	if save[0].ID != "nouvelle" || save[1].ID != "cr-metropole" || save[1].Instructions.In(French) != "Écris très court." {
		t.Errorf("new or replaced preset wrong: %+v", save[:2])
	}
	if save[2].ID == builtinID || !strings.HasSuffix(save[2].Name.In(French), "(importée)") || save[2].Builtin {
		t.Errorf("built-in conflict not kept as a renamed copy: %+v", save[2])
	}
	if len(templates) != 1 || templates[0].Body.In(French) != "## Contexte\n" {
		t.Errorf("skipped template changed mine: %+v", templates)
	}
	checkTemplateConflict(t, plan, presets, myTemplate, suffix)
}

// checkTemplateConflict settles the template conflict of the plan by keeping both, then by
// replacing mine.
func checkTemplateConflict(t *testing.T, plan []MergeItem, presets []Preset, myTemplate Template, suffix Localized) {
	t.Helper()
	plan[4].Action = MergeKeepBoth
	_, templates := ApplyShare(plan, presets, []Template{myTemplate}, suffix)
	if len(templates) != 2 || templates[1].ID == "atelier-quartier" || templates[1].Name.In(French) != "Atelier de quartier (importée)" {
		t.Errorf("kept both wrong: %+v", templates)
	}
	plan[4].Action = MergeReplace
	_, templates = ApplyShare(plan, presets, []Template{myTemplate}, suffix)
	if len(templates) != 1 || templates[0].Body.In(French) != "## Autre\n" {
		t.Errorf("replace wrong: %+v", templates)
	}
}

func TestPresetTargetLengthAndNotes(t *testing.T) {
	p := userPreset("a", "A", "Écris {{longueur}} mots.\n- Sois neutre.\nFin.")
	if got := p.TargetLength(5000); got != 300 {
		t.Errorf("target words: %d", got)
	}
	p.TargetWords, p.TargetRatio = 0, 0.2
	if got := p.TargetLength(1234); got != 250 {
		t.Errorf("ratio: %d", got)
	}
	if got := p.TargetLength(20); got != 10 {
		t.Errorf("tiny source: %d", got)
	}
	p.Notes = map[Language][]Note{French: {{Rule: "- Sois", Why: "Les modèles jugent."}, {Rule: "Nulle part", Why: "x"}}}
	lines := p.Annotated(English) // falls back to the French instructions and their notes
	if len(lines) != 3 || lines[1].Why != "Les modèles jugent." || lines[0].Why != "" || lines[2].Why != "" {
		t.Errorf("annotated: %+v", lines)
	}
	p.TargetWords = MaxTargetWords + 1
	if AsValidation(p.Validate()) == nil {
		t.Error("target words over the limit accepted")
	}
	p.TargetWords = 0
	p.Notes = map[Language][]Note{French: {{Rule: " ", Why: "x"}}}
	if AsValidation(p.Validate()) == nil {
		t.Error("note without a rule accepted")
	}
}

// TestApplyShareRenamesClear keeps both copies without a renamed one taking the identifier of
// another item of the same file.
func TestApplyShareRenamesClear(t *testing.T) {
	mine := userPreset("atelier", "Atelier", "Écris court.")
	in := Share{Presets: []Preset{userPreset("atelier", "Atelier", "Écris long."), userPreset("atelier-importee", "Autre", "x")},
		Templates: []Template{sharedTemplate("reunion", "Réunion"), sharedTemplate("reunion-importee", "Autre")}}
	in.Templates[0].Body = Localized{French: "## Autre\n"}
	myTemplate := sharedTemplate("reunion", "Réunion")
	plan := PlanShare(in, append(BuiltinPresets(), mine), append(BuiltinTemplates(), myTemplate))
	save, templates := ApplyShare(plan, append(BuiltinPresets(), mine), []Template{myTemplate}, Localized{French: "importée"})
	ids := map[string]bool{}
	for _, p := range save {
		ids[p.ID] = true
	}
	if len(save) != 2 || len(ids) != 2 {
		t.Errorf("presets saved under clashing identifiers: %+v", save)
	}
	if len(templates) != 3 || templates[1].ID == templates[2].ID {
		t.Errorf("templates clash: %+v", templates)
	}
	if _, err := MarshalTemplates(templates); err != nil {
		t.Error(err)
	}
}

func TestShareTooManyItems(t *testing.T) {
	var s Share
	for i := range MaxShareItems + 1 {
		s.Presets = append(s.Presets, userPreset(fmt.Sprintf("p%d", i), "P", "x"))
	}
	if _, err := MarshalShare(s); AsValidation(err) == nil || AsValidation(err).Field != "presets" {
		t.Errorf("%d presets accepted: %v", len(s.Presets), err)
	}
}

// TestShareNamesCleaned: a colleague's file cannot make a label show a name in another order
// than it is written: bidi overrides and control characters are removed as it is read.
func TestShareNamesCleaned(t *testing.T) {
	p := BuiltinPresets()[0]
	p.ID, p.Builtin = "partage", false
	p.Name = Localized{French: "Synth\u202eèse\u001b[31m courte"}
	data, err := MarshalShare(Share{Presets: []Preset{p}})
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseShare(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Presets[0].Name[French]; got != "Synthèse[31m courte" {
		t.Errorf("name read as %q", got)
	}
}
