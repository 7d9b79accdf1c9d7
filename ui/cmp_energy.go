package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
)

// Preference keys of the energy settings.
const (
	prefDeviceWatts   = "device-watts"
	prefGridIntensity = "grid-intensity"
)

// DeviceWatts returns the power this computer draws while generating, as set by the user.
func DeviceWatts(a fyne.App) float64 {
	return a.Preferences().FloatWithFallback(prefDeviceWatts, analysis.DefaultDeviceWatts)
}

// GridIntensity returns the carbon intensity of the electricity, in gCO₂e per kWh.
func GridIntensity(a fyne.App) float64 {
	return a.Preferences().FloatWithFallback(prefGridIntensity, analysis.DefaultGridIntensity)
}

// paramsOf returns the parameter count, in billions, of the model that wrote v, when known:
// recorded when v was generated, else as its host reports it now.
func (s *services) paramsOf(v model.Variant) float64 {
	if v.Engine != model.EngineOllama {
		return 0
	}
	if info, ok := ollama.Recorded(v); ok {
		if p, ok := analysis.ParseParameterSize(info.ParameterSize); ok {
			return p
		}
	}
	for _, hm := range s.hosts.models() {
		if hm.host == v.Host && hm.info.Name == v.Model {
			if p, ok := analysis.ParseParameterSize(hm.info.ParameterSize); ok {
				return p
			}
		}
	}
	return 0
}

// energyOf computes v's energy with the user's settings.
func (s *services) energyOf(v model.Variant) analysis.Energy {
	return analysis.EnergyFor(v, s.paramsOf(v), DeviceWatts(s.app), GridIntensity(s.app))
}

// energyText shows the energy of v on this computer (local) or in a datacenter, and how the
// figure was obtained: measured by the processor's counters, or estimated.
func (c *comparison) energyText(v model.Variant, local bool) string {
	e := c.svc.energyOf(v)
	wh, g, method := e.MeasuredWh, e.MeasuredGCO2e, e.Method
	if !local {
		wh, g, method = e.EstimatedWh, e.EstimatedGCO2e, e.EstimatedMethod
	}
	if wh == 0 {
		return "—"
	}
	return lang.L("{{.Wh}} Wh · {{.G}} g CO₂e", map[string]any{"Wh": fmtSmall(wh), "G": fmtSmall(g)}) +
		" — " + energyMethodText(method)
}

// energyMethodText says how an energy figure was obtained, in the user's language. A RAPL
// reading covers the whole processor during the generation, other programs included.
func energyMethodText(m model.EnergyMethod) string {
	switch m {
	case model.EnergyRAPL:
		return lang.L("measured (RAPL, whole processor, other programs included)")
	case model.EnergyTimePower:
		return lang.L("estimated (time × power)")
	case model.EnergyModelSize:
		return lang.L("estimated (model size)")
	}
	return ""
}

// fmtSmall writes a small quantity with two significant digits.
func fmtSmall(v float64) string {
	switch {
	case v >= 10:
		return fmtFloat(v, 0)
	case v >= 1:
		return fmtFloat(v, 1)
	case v >= 0.01:
		return fmtFloat(v, 2)
	}
	return fmtFloat(v, 4)
}
