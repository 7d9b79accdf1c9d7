package model

import (
	"encoding/json"
	"errors"
	"fmt"
)

// ShareFormat marks a file of presets and templates shared between Rapporteur users.
const ShareFormat = "rapporteur-share"

// shareVersion is the version of the share file this build writes and the newest it reads.
const shareVersion = 1

// MaxShareFileSize is the most bytes of a share file read: far above any real set of presets
// and templates.
const MaxShareFileSize = 8 << 20

// MaxShareItems is the most presets, and the most templates, a share file may hold: far above
// what a team shares, low enough to list them all for the user to decide.
const MaxShareItems = 200

// ErrShareFile is returned (wrapped) when a file is not a share file this build can read: not
// JSON, another kind of JSON, or a newer version.
var ErrShareFile = errors.New("not a rapporteur share file")

// Share is what a team passes around to converge on a common frame: presets (instructions
// for the models) and report templates.
type Share struct {
	// Presets are the shared presets, with their notes and versions.
	Presets []Preset `json:"presets"`
	// Templates are the shared report templates.
	Templates []Template `json:"templates"`
}

// ShareItemError says which item of a share file is invalid, and why.
type ShareItemError struct {
	// Kind is "preset" or "template".
	Kind string
	// Index is the item's position in its list, from 1.
	Index int
	// ID is the item's identifier as written in the file.
	ID string
	// Err is the reason, usually a *ValidationError.
	Err error
}

// Error describes the failure in English, for logs.
func (e *ShareItemError) Error() string {
	return fmt.Sprintf("%s %d (%q): %v", e.Kind, e.Index, e.ID, e.Err)
}

// Unwrap returns the reason.
func (e *ShareItemError) Unwrap() error { return e.Err }

// shareFile is the JSON form of a Share.
type shareFile struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Share
}

// MarshalShare validates s and encodes it as an indented JSON file that ParseShare reads back.
func MarshalShare(s Share) ([]byte, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	f := shareFile{Format: ShareFormat, Version: shareVersion, Share: s}
	if f.Presets == nil {
		f.Presets = []Preset{}
	}
	if f.Templates == nil {
		f.Templates = []Template{}
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("share: %w", err)
	}
	return append(data, '\n'), nil
}

// ParseShare reads a share file and validates every item; identifiers must be unique within
// each list. It also reads the JSON array of templates that earlier versions shared. Nothing
// in the result is marked Builtin. It reads the items one by one and stops at the first one
// past a limit (MaxShareItems per list, or a structure too large for the file's size), so a
// hostile file costs memory in proportion to the limits, not to its number of items.
func ParseShare(data []byte) (Share, error) {
	f, legacy, err := decodeShare(data)
	if err != nil {
		return Share{}, err
	}
	if !legacy && f.Format != ShareFormat {
		return Share{}, fmt.Errorf("%w: format %q", ErrShareFile, f.Format)
	}
	if !legacy && (f.Version < 1 || f.Version > shareVersion) {
		return Share{}, fmt.Errorf("%w: version %d", ErrShareFile, f.Version)
	}
	f.Share.cleanNames()
	return f.Share, f.check()
}

// cleanNames removes from the names and descriptions of a colleague's items the control and
// bidirectional characters that would make a label or a terminal show them in another order
// than they are written (see CleanName).
func (s Share) cleanNames() {
	clean := func(l Localized) {
		for lang, text := range l {
			l[lang] = CleanName(text)
		}
	}
	for _, p := range s.Presets {
		clean(p.Name)
		clean(p.Description)
	}
	for _, t := range s.Templates {
		clean(t.Name)
		clean(t.Description)
	}
}

// check validates each item and the uniqueness of identifiers within each list.
func (s Share) check() error {
	if len(s.Presets) > MaxShareItems {
		return invalid("presets", ProblemOutOfRange, MaxShareItems)
	}
	if len(s.Templates) > MaxShareItems {
		return invalid("templates", ProblemOutOfRange, MaxShareItems)
	}
	seen := map[string]bool{}
	for i, p := range s.Presets {
		if err := p.Validate(); err != nil {
			return &ShareItemError{Kind: "preset", Index: i + 1, ID: p.ID, Err: err}
		}
		if seen[p.ID] {
			return &ShareItemError{Kind: "preset", Index: i + 1, ID: p.ID, Err: invalid("id", ProblemInvalid, 0)}
		}
		seen[p.ID] = true
	}
	clear(seen)
	for i, t := range s.Templates {
		if err := t.Validate(); err != nil {
			return &ShareItemError{Kind: "template", Index: i + 1, ID: t.ID, Err: err}
		}
		if seen[t.ID] {
			return &ShareItemError{Kind: "template", Index: i + 1, ID: t.ID, Err: invalid("id", ProblemInvalid, 0)}
		}
		seen[t.ID] = true
	}
	return nil
}

// UniqueID derives an identifier from name, unique among those taken reports: lower-case
// ASCII letters and digits separated by hyphens, accents removed (« Réunion de quartier » →
// "reunion-de-quartier"), with "-2", "-3"… appended when needed; fallback when the name has
// no usable letter.
func UniqueID(name, fallback string, taken func(id string) bool) string {
	base := Slug(name)
	if base == "" {
		base = fallback
	}
	id := base
	for n := 2; taken(id); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}
