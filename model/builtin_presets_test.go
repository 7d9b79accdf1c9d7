package model

import (
	"strings"
	"testing"
)

func TestBuiltinPresets(t *testing.T) {
	ps := BuiltinPresets()
	if len(ps) < 6 {
		t.Fatalf("got %d built-in presets, want at least 6", len(ps))
	}
	seen := map[string]bool{}
	for _, p := range ps {
		t.Run(p.ID, func(t *testing.T) {
			if err := p.Validate(); err != nil {
				t.Fatalf("invalid: %v", err)
			}
			if seen[p.ID] {
				t.Fatalf("duplicate id")
			}
			seen[p.ID] = true
			if p.Version < 1 {
				t.Errorf("version %d, want ≥ 1", p.Version)
			}
			for _, lang := range []Language{French, English} {
				for field, l := range map[string]Localized{"name": p.Name, "description": p.Description, "instructions": p.Instructions} {
					if strings.TrimSpace(l[lang]) == "" {
						t.Errorf("%s missing in %s", field, lang)
					}
				}
			}
			if strings.Contains(strings.ToUpper(p.Name.In(French)+p.Instructions.In(French)), "FALC") {
				t.Errorf("mentions FALC, which needs a certification this tool does not give")
			}
		})
	}
}

func TestBuiltinPresetsExpected(t *testing.T) {
	tests := []struct {
		id     string
		method Method
		ratio  float64
	}{
		{"synthese-courte", MethodSynthesis, 0.2},
		{"points-cles", MethodKeyPoints, 0.25},
		{"decisions-actions", MethodDecisions, 0},
		{"compte-rendu-detaille", MethodNone, 0},
		{"version-simplifiee", MethodNone, 0},
		{"lettre-information", MethodNone, 0},
	}
	ps := BuiltinPresets()
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			p, ok := FindPreset(ps, tc.id)
			if !ok {
				t.Fatal("missing")
			}
			if p.Method != tc.method || p.TargetRatio != tc.ratio {
				t.Errorf("method %q ratio %g, want %q %g", p.Method, p.TargetRatio, tc.method, tc.ratio)
			}
		})
	}
}

func TestBuiltinEnginePresets(t *testing.T) {
	got := BuiltinEnginePresets()
	if len(got) != 3 {
		t.Fatalf("got %d engine presets, want 3", len(got))
	}
	for _, p := range got {
		if p.Method == MethodNone {
			t.Errorf("%s has no method", p.ID)
		}
	}
}

func TestBuiltinPresetsIsACopy(t *testing.T) {
	a := BuiltinPresets()
	a[0].ID = "changed"
	if BuiltinPresets()[0].ID == "changed" {
		t.Error("BuiltinPresets returned the shared slice")
	}
}
