package model

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/rapporteur/rapporteur/assets"
)

// Limits on template fields.
const (
	MaxTemplateNameLen        = MaxTitleLen // characters in a template's name, per language
	MaxTemplateDescriptionLen = MaxFieldLen // characters in a template's description, per language
)

// Template is a skeleton for a new report: the usual sections of a kind of session, each
// heading followed by a short italic line telling what to write under it.
type Template struct {
	// ID is a stable identifier without spaces ("atelier", "reunion-publique").
	ID string `json:"id"`
	// Kind is the kind of session the template is for; a new report takes it.
	Kind SessionKind `json:"kind"`
	// Name is what the user sees, per language (« Atelier participatif »).
	Name Localized `json:"name"`
	// Description says in one sentence when to use the template, per language; optional.
	Description Localized `json:"description,omitempty"`
	// Body is the Markdown skeleton, per language.
	Body Localized `json:"body"`
	// Builtin is true for the templates shipped with Rapporteur, which cannot be changed.
	// It is never read from nor written to JSON.
	Builtin bool `json:"-"`
}

// Validate checks the template's identifier, kind, name, description and body. A name and a
// body are required in at least one language; only French and English are accepted.
func (t Template) Validate() error {
	if !presetID.MatchString(t.ID) {
		return invalid("id", ProblemInvalid, 0)
	}
	if !t.Kind.Valid() {
		return invalid("kind", ProblemInvalid, 0)
	}
	for _, f := range []struct {
		name     string
		text     Localized
		limit    int
		required bool
	}{
		{"name", t.Name, MaxTemplateNameLen, true},
		{"description", t.Description, MaxTemplateDescriptionLen, false},
		{"body", t.Body, MaxBodyLen, true},
	} {
		if err := checkLocalized(f.name, f.text, f.limit, f.required); err != nil {
			return err
		}
	}
	return nil
}

// checkLocalized checks each language of l: a known language, valid UTF-8, at most limit
// characters; when required, at least one language must hold more than spaces.
func checkLocalized(field string, l Localized, limit int, required bool) error {
	for lang, s := range l {
		if !lang.Valid() {
			return invalid(field, ProblemInvalid, 0)
		}
		if err := checkText(field, s, limit); err != nil {
			return err
		}
	}
	if required && strings.TrimSpace(l.In(French)) == "" {
		return invalid(field, ProblemRequired, 0)
	}
	return nil
}

// ParseTemplates decodes a JSON array of templates, as saved by MarshalTemplates or shared by
// another user, and validates each one; identifiers must be unique. Builtin is false in the
// result.
func ParseTemplates(data []byte) ([]Template, error) {
	var ts []Template
	if err := json.Unmarshal(data, &ts); err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	if err := checkTemplates(ts); err != nil {
		return nil, err
	}
	return ts, nil
}

// MarshalTemplates validates ts and encodes it as an indented JSON array that ParseTemplates
// reads back; identifiers must be unique.
func MarshalTemplates(ts []Template) ([]byte, error) {
	if err := checkTemplates(ts); err != nil {
		return nil, err
	}
	if ts == nil {
		ts = []Template{}
	}
	data, err := json.MarshalIndent(ts, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	return append(data, '\n'), nil
}

// checkTemplates validates each template and the uniqueness of their identifiers.
func checkTemplates(ts []Template) error {
	seen := map[string]bool{}
	for i, t := range ts {
		if err := t.Validate(); err != nil {
			return fmt.Errorf("template %d (%q): %w", i, t.ID, err)
		}
		if seen[t.ID] {
			return fmt.Errorf("template %q: %w", t.ID, invalid("id", ProblemInvalid, 0))
		}
		seen[t.ID] = true
	}
	return nil
}

// builtinTemplates parses the embedded templates once. The file ships with the program and a
// test checks it, so a parse error is a programming error.
var builtinTemplates = sync.OnceValue(func() []Template {
	ts, err := ParseTemplates(assets.Templates)
	if err != nil {
		panic("model: embedded templates.json is invalid: " + err.Error())
	}
	for i := range ts {
		ts[i].Builtin = true
	}
	return ts
})

// BuiltinTemplates returns the templates shipped with Rapporteur, in the order of
// assets/templates.json, with Builtin set. The caller may modify the returned slice; the
// templates' maps are shared and must not be changed.
func BuiltinTemplates() []Template {
	ts := builtinTemplates()
	out := make([]Template, len(ts))
	copy(out, ts)
	return out
}

// FindTemplate returns the template with the given id from ts.
func FindTemplate(ts []Template, id string) (Template, bool) {
	for _, t := range ts {
		if t.ID == id {
			return t, true
		}
	}
	return Template{}, false
}

// NewReport returns a new, unsaved report titled title, written in lang (French when lang is
// not supported), of the template's kind, whose body is the template's skeleton in lang —
// falling back to French, then to any language the template has.
func (t Template) NewReport(title string, lang Language) Report {
	r := NewReport(title, lang)
	if t.Kind.Valid() {
		r.Kind = t.Kind
	}
	r.Body = t.Body.In(r.Language)
	return r
}

// TemplateFromReport makes a user template from r, for « enregistrer comme modèle »: its
// kind, and its body in r's language, kept whole — headings, guidance lines and any text the
// user wrote, which they can trim before saving. The name is given in r's language too, and
// the template has no description. It returns a validation error when id or name is invalid
// or the body is empty.
func TemplateFromReport(id string, name string, r Report) (Template, error) {
	lang := r.Language
	if !lang.Valid() {
		lang = French
	}
	kind := r.Kind
	if !kind.Valid() {
		kind = KindOther
	}
	t := Template{
		ID:   id,
		Kind: kind,
		Name: Localized{lang: strings.TrimSpace(name)},
		Body: Localized{lang: strings.TrimRight(r.Body, " \t\r\n") + "\n"},
	}
	if strings.TrimSpace(r.Body) == "" {
		t.Body = Localized{}
	}
	if err := t.Validate(); err != nil {
		return Template{}, err
	}
	return t, nil
}

// TemplateID derives an identifier for a template from its name, unique among taken (see
// UniqueID); "modele" when the name has no usable letter.
func TemplateID(name string, taken []Template) string {
	return UniqueID(name, "modele", func(id string) bool {
		_, ok := FindTemplate(taken, id)
		return ok
	})
}

// PresetID derives an identifier for a preset from its name, unique among taken (see
// UniqueID); "consigne" when the name has no usable letter.
func PresetID(name string, taken []Preset) string {
	return UniqueID(name, "consigne", func(id string) bool {
		_, ok := FindPreset(taken, id)
		return ok
	})
}

// Slug lowers s to ASCII letters and digits joined by single hyphens, at most 50 bytes; accents
// and ligatures are folded (see Fold), other characters separate words.
func Slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range Fold(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		default:
			hyphen = true
		}
		if b.Len() >= 50 {
			break
		}
	}
	return strings.TrimRight(b.String(), "-")
}
