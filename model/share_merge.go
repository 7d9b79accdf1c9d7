package model

import (
	"encoding/json"
	"reflect"
)

// MergeAction is what importing one shared item does.
type MergeAction string

// The actions of an import. A new item is added; an item equal to one already there is
// left alone; an item whose identifier is taken by a different one is a conflict the user
// settles with Replace (the shared one becomes the next version of theirs), KeepBoth (added
// under a new identifier and a name marked as imported) or Skip.
const (
	MergeAdd      MergeAction = "add"
	MergeSame     MergeAction = "same"
	MergeReplace  MergeAction = "replace"
	MergeKeepBoth MergeAction = "keep-both"
	MergeSkip     MergeAction = "skip"
)

// MergeItem is one shared preset or template and what importing it will do.
type MergeItem struct {
	// Preset or Template is the shared item; the other is nil.
	Preset   *Preset
	Template *Template
	// Conflict is true when the identifier is taken by a different item.
	Conflict bool
	// Builtin is true when that item is one shipped with Rapporteur, which cannot be replaced.
	Builtin bool
	// Action is what the import does; for a conflict, the user's choice.
	Action MergeAction
}

// Name is the shared item's name in lang.
func (m MergeItem) Name(lang Language) string {
	if m.Preset != nil {
		return m.Preset.Name.In(lang)
	}
	return m.Template.Name.In(lang)
}

// PlanShare compares a shared file with the presets and templates already there (built-in
// ones included) and returns one item per shared preset then per shared template. Conflicts
// default to MergeKeepBoth, so an import never loses anyone's work.
func PlanShare(in Share, presets []Preset, templates []Template) []MergeItem {
	var out []MergeItem
	for i := range in.Presets {
		p := &in.Presets[i]
		item := MergeItem{Preset: p, Action: MergeAdd}
		if have, ok := FindPreset(presets, p.ID); ok {
			item.Builtin = have.Builtin
			item.Action, item.Conflict = conflictAction(samePreset(have, *p))
		}
		out = append(out, item)
	}
	for i := range in.Templates {
		t := &in.Templates[i]
		item := MergeItem{Template: t, Action: MergeAdd}
		if have, ok := FindTemplate(templates, t.ID); ok {
			have.Builtin = false
			item.Builtin = FindBuiltinTemplate(t.ID)
			item.Action, item.Conflict = conflictAction(reflect.DeepEqual(have, *t))
		}
		out = append(out, item)
	}
	return out
}

func conflictAction(same bool) (MergeAction, bool) {
	if same {
		return MergeSame, false
	}
	return MergeKeepBoth, true
}

// samePreset compares two presets' content, versions and origin aside.
func samePreset(a, b Preset) bool {
	a.Version, b.Version, a.Builtin, b.Builtin = 0, 0, false, false
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

// ApplyShare carries out a plan: it returns the presets to save (new ones, replacements and
// renamed copies) and the user's templates after the import (mine with the shared ones
// added or replaced). Renamed copies get a fresh identifier and their name followed by
// suffix in each language (« (importée) »), so both stay recognisable in lists.
func ApplyShare(plan []MergeItem, presets []Preset, mine []Template, suffix Localized) ([]Preset, []Template) {
	var save []Preset
	taken := append([]Preset(nil), presets...)
	templates := append([]Template(nil), mine...)
	allTemplates := append(BuiltinTemplates(), mine...)
	for _, item := range plan { // a renamed copy must not take the identifier of another item
		switch {
		case item.Preset != nil:
			taken = append(taken, *item.Preset)
		case item.Template != nil:
			allTemplates = append(allTemplates, *item.Template)
		}
	}
	for _, item := range plan {
		switch {
		case item.Preset != nil:
			p, ok := applyPreset(item, taken, suffix)
			if ok {
				save, taken = append(save, p), append(taken, p)
			}
		case item.Template != nil:
			templates, allTemplates = applyTemplate(item, templates, allTemplates, suffix)
		}
	}
	return save, templates
}

func applyPreset(item MergeItem, taken []Preset, suffix Localized) (Preset, bool) {
	p := *item.Preset
	p.Builtin = false
	switch {
	case item.Action == MergeAdd, item.Action == MergeReplace && !item.Builtin:
		return p, true
	case item.Action == MergeKeepBoth, item.Action == MergeReplace:
		p.Name = suffixed(p.Name, suffix)
		p.ID = PresetID(p.Name.In(French), taken)
		return p, true
	}
	return Preset{}, false
}

func applyTemplate(item MergeItem, mine, all []Template, suffix Localized) ([]Template, []Template) {
	t := *item.Template
	switch {
	case item.Action == MergeAdd:
	case item.Action == MergeReplace && !item.Builtin:
		for i := range mine {
			if mine[i].ID == t.ID {
				mine[i] = t
			}
		}
		return mine, all
	case item.Action == MergeKeepBoth, item.Action == MergeReplace:
		t.Name = suffixed(t.Name, suffix)
		t.ID = TemplateID(t.Name.In(French), all)
	default:
		return mine, all
	}
	return append(mine, t), append(all, t)
}

// suffixed returns name with suffix appended in each of its languages.
func suffixed(name, suffix Localized) Localized {
	out := Localized{}
	for lang, s := range name {
		out[lang] = s + " " + suffix.In(lang)
	}
	return out
}

// FindBuiltinTemplate reports whether id names a template shipped with Rapporteur.
func FindBuiltinTemplate(id string) bool {
	_, ok := FindTemplate(BuiltinTemplates(), id)
	return ok
}
