package ui

import (
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// TestEnergyMethodText: each way of knowing an energy figure is named, and differently.
func TestEnergyMethodText(t *testing.T) {
	seen := map[string]model.EnergyMethod{}
	for _, m := range []model.EnergyMethod{model.EnergyRAPL, model.EnergyTimePower, model.EnergyModelSize} {
		text := energyMethodText(m)
		if text == "" {
			t.Errorf("%q: no text", m)
		}
		if other, ok := seen[text]; ok {
			t.Errorf("%q and %q both read %q", m, other, text)
		}
		seen[text] = m
	}
	if text := energyMethodText(""); text != "" {
		t.Errorf("no method reads %q", text)
	}
}
