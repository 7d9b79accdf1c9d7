package model

import (
	"sync"

	"github.com/rapporteur/rapporteur/assets"
)

// builtinPresets parses the embedded presets once. The file ships with the program and a test
// checks it, so a parse error is a programming error.
var builtinPresets = sync.OnceValue(func() []Preset {
	ps, err := ParsePresets(assets.Presets)
	if err != nil {
		panic("model: embedded presets.json is invalid: " + err.Error())
	}
	for i := range ps {
		ps[i].Builtin = true
	}
	return ps
})

// BuiltinPresets returns the presets shipped with Rapporteur, in the order of assets/presets.json.
// The caller may modify the returned slice; the presets' maps are shared and must not be changed.
func BuiltinPresets() []Preset {
	ps := builtinPresets()
	out := make([]Preset, len(ps))
	copy(out, ps)
	return out
}

// BuiltinEnginePresets returns the built-in presets the built-in engine can serve: those with a
// Method.
func BuiltinEnginePresets() []Preset {
	var out []Preset
	for _, p := range builtinPresets() {
		if p.Method != MethodNone {
			out = append(out, p)
		}
	}
	return out
}

// IsBuiltinPreset reports whether id names a preset shipped with Rapporteur.
func IsBuiltinPreset(id string) bool {
	_, ok := FindPreset(builtinPresets(), id)
	return ok
}
