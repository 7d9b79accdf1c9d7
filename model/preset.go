package model

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strings"
)

// Localized is a text given in several languages.
type Localized map[Language]string

// In returns the text in lang, falling back to French, then to any language present.
func (l Localized) In(lang Language) string {
	if s, ok := l[lang]; ok && s != "" {
		return s
	}
	if s, ok := l[French]; ok && s != "" {
		return s
	}
	for _, s := range l {
		if s != "" {
			return s
		}
	}
	return ""
}

// Method is how the built-in engine, which has no model, serves a preset by extraction.
type Method string

// The extraction methods of the built-in engine.
const (
	MethodNone      Method = ""           // the preset needs a language model
	MethodSynthesis Method = "synthesis"  // the most representative sentences, in source order
	MethodKeyPoints Method = "key-points" // one bullet per key sentence
	MethodDecisions Method = "decisions"  // sentences that state a decision or a next step
)

// Preset is a style of variant: instructions for a language model, and how the built-in
// engine approximates it by extraction.
type Preset struct {
	// ID is a stable identifier without spaces ("synthese-courte").
	ID string `json:"id"`
	// Version increases each time the instructions change.
	Version int `json:"version"`
	// Name is what the user sees, per language.
	Name Localized `json:"name"`
	// Description says in one sentence what the preset produces, per language.
	Description Localized `json:"description"`
	// Instructions is the system prompt sent to a language model, per language.
	Instructions Localized `json:"instructions"`
	// Method is how the built-in engine serves this preset; empty when it cannot.
	Method Method `json:"method,omitempty"`
	// TargetRatio is the intended length as a share of the source's words (0.2 = a fifth);
	// zero means no target.
	TargetRatio float64 `json:"target_ratio,omitempty"`
	// TargetWords is the intended length in words; when set it takes precedence over
	// TargetRatio.
	TargetWords int `json:"target_words,omitempty"`
	// Notes explain, per language, why lines of the instructions are there. They teach how to
	// write instructions and are never sent to a model.
	Notes map[Language][]Note `json:"notes,omitempty"`
	// Builtin is true for the presets shipped with Rapporteur, which cannot be changed. It is
	// never read from nor written to JSON.
	Builtin bool `json:"-"`
}

// Note explains why one line of a preset's instructions is there.
type Note struct {
	// Rule is the beginning of the line the note is about, as written in the instructions.
	Rule string `json:"rule"`
	// Why is the explanation.
	Why string `json:"why"`
}

// Limits on preset fields.
const (
	MaxPresetInstructionsLen = 20_000 // characters of instructions, per language
	MaxTargetWords           = 20_000 // words of a target length
	maxNoteLen               = 1_000  // characters of a note's rule or explanation
)

var presetID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// Validate checks the preset's identifier, texts, notes, method and target. A name is required
// in at least one language, and instructions too unless the built-in engine serves the preset
// by extraction.
func (p Preset) Validate() error {
	if !presetID.MatchString(p.ID) {
		return invalid("id", ProblemInvalid, 0)
	}
	if p.Version < 0 {
		return invalid("version", ProblemOutOfRange, 0)
	}
	for _, f := range []struct {
		name     string
		text     Localized
		limit    int
		required bool
	}{
		{"name", p.Name, MaxTitleLen, true},
		{"description", p.Description, MaxFieldLen, false},
		{"instructions", p.Instructions, MaxPresetInstructionsLen, p.Method == MethodNone},
	} {
		if err := checkLocalized(f.name, f.text, f.limit, f.required); err != nil {
			return err
		}
	}
	if err := checkNotes(p.Notes); err != nil {
		return err
	}
	if p.TargetWords < 0 || p.TargetWords > MaxTargetWords {
		return invalid("target_words", ProblemOutOfRange, MaxTargetWords)
	}
	switch p.Method {
	case MethodNone, MethodSynthesis, MethodKeyPoints, MethodDecisions:
	default:
		return invalid("method", ProblemInvalid, 0)
	}
	if p.TargetRatio < 0 || p.TargetRatio > 1 {
		return invalid("target_ratio", ProblemOutOfRange, 1)
	}
	return nil
}

// checkNotes checks each note has a rule, and both texts are valid and not too long.
func checkNotes(notes map[Language][]Note) error {
	for lang, ns := range notes {
		if !lang.Valid() {
			return invalid("notes", ProblemInvalid, 0)
		}
		for _, n := range ns {
			if strings.TrimSpace(n.Rule) == "" {
				return invalid("notes", ProblemRequired, 0)
			}
			if err := checkText("notes", n.Rule+n.Why, 2*maxNoteLen); err != nil {
				return err
			}
		}
	}
	return nil
}

// TargetLength is the length the preset asks for, in words, for a source of sourceWords:
// TargetWords when set, else TargetRatio of the source rounded to ten words (at least ten);
// zero when the preset sets no target.
func (p Preset) TargetLength(sourceWords int) int {
	if p.TargetWords > 0 {
		return p.TargetWords
	}
	if p.TargetRatio <= 0 || sourceWords <= 0 {
		return 0
	}
	return max(10, int(math.Round(p.TargetRatio*float64(sourceWords)/10))*10)
}

// ParsePresets decodes a JSON array of presets and validates each one; identifiers must be unique.
func ParsePresets(data []byte) ([]Preset, error) {
	var ps []Preset
	if err := json.Unmarshal(data, &ps); err != nil {
		return nil, fmt.Errorf("presets: %w", err)
	}
	seen := map[string]bool{}
	for i, p := range ps {
		if err := p.Validate(); err != nil {
			return nil, fmt.Errorf("preset %d (%q): %w", i, p.ID, err)
		}
		if seen[p.ID] {
			return nil, fmt.Errorf("preset %q: %w", p.ID, invalid("id", ProblemInvalid, 0))
		}
		seen[p.ID] = true
	}
	return ps, nil
}

// FindPreset returns the preset with the given id from ps.
func FindPreset(ps []Preset, id string) (Preset, bool) {
	for _, p := range ps {
		if p.ID == id {
			return p, true
		}
	}
	return Preset{}, false
}
