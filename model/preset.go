package model

import (
	"encoding/json"
	"fmt"
	"regexp"
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
}

var presetID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// Validate checks the preset's identifier, names and target.
func (p Preset) Validate() error {
	if !presetID.MatchString(p.ID) {
		return invalid("id", ProblemInvalid, 0)
	}
	if p.Name.In(French) == "" {
		return invalid("name", ProblemRequired, 0)
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
