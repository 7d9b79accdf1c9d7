package analysis

import (
	"math"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

func closeTo(got, want float64) bool { return math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want)) }

func TestEstimatedEnergy(t *testing.T) {
	tests := []struct {
		name   string
		p      float64
		tokens int
		wh     float64
	}{
		// P = 7, T = 500:
		//   GPU energy   = 500 × (8.91e-5 × 7 + 1.43e-3) = 500 × 2.0537e-3 = 1.02685 Wh
		//   time         = 500 × (8.02e-4 × 7 + 2.23e-2) = 500 × 0.027914 = 13.957 s
		//   GPUs         = ⌈1.2 × 7 × 4 / 8 / 80⌉ = ⌈0.0525⌉ = 1
		//   server share = 13.957 / 3600 h × 1000 W × 1 / 8 = 0.484618056 Wh
		//   request      = 1.2 × (0.484618056 + 1 × 1.02685) = 1.813761667 Wh
		{"7B, 500 tokens", 7, 500, 1.2 * (13.957/3600*1000/8 + 1.02685)},
		// P = 405, T = 1000:
		//   GPU energy   = 1000 × (8.91e-5 × 405 + 1.43e-3) = 1000 × 0.0375155 = 37.5155 Wh
		//   time         = 1000 × (8.02e-4 × 405 + 2.23e-2) = 1000 × 0.34711 = 347.11 s
		//   GPUs         = ⌈1.2 × 405 × 4 / 8 / 80⌉ = ⌈3.0375⌉ = 4
		//   server share = 347.11 / 3600 × 1000 × 4 / 8 = 48.209722 Wh
		//   request      = 1.2 × (48.209722 + 4 × 37.5155) = 237.9261 Wh
		{"405B, 1000 tokens", 405, 1000, 1.2 * (347.11/3600*1000*4/8 + 4*37.5155)},
		{"no parameters", 0, 500, 0},
		{"no tokens", 7, 0, 0},
		{"negative", -3, 500, 0},
		{"not a number", math.NaN(), 500, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wh, g := EstimatedEnergy(tt.p, tt.tokens, DefaultGridIntensity)
			if !closeTo(wh, tt.wh) || !closeTo(g, tt.wh/1000*81.3) {
				t.Errorf("EstimatedEnergy = %v Wh, %v g; want %v Wh, %v g", wh, g, tt.wh, tt.wh/1000*81.3)
			}
		})
	}
	// The 7B case by its decimals: 1.813761667 Wh, 0.147458823 gCO2e.
	wh, g := EstimatedEnergy(7, 500, DefaultGridIntensity)
	if math.Abs(wh-1.813761667) > 1e-9 || math.Abs(g-0.147458823) > 1e-9 {
		t.Errorf("7B, 500 tokens: %.9f Wh, %.9f g", wh, g)
	}
}

func TestMeasuredEnergy(t *testing.T) {
	// 90 s at 30 W = 2700 J = 0.75 Wh; at 81.3 g/kWh: 0.75 / 1000 × 81.3 = 0.060975 g.
	wh, g := MeasuredEnergy(90*time.Second, DefaultDeviceWatts, DefaultGridIntensity)
	if !closeTo(wh, 0.75) || !closeTo(g, 0.060975) {
		t.Errorf("MeasuredEnergy = %v Wh, %v g; want 0.75, 0.060975", wh, g)
	}
	for _, c := range []struct {
		d        time.Duration
		watts, g float64
	}{{0, 30, 81.3}, {-time.Second, 30, 81.3}, {time.Hour, 0, 81.3}} {
		if wh, g := MeasuredEnergy(c.d, c.watts, c.g); wh != 0 || g != 0 {
			t.Errorf("MeasuredEnergy(%v, %v) = %v, %v; want zeros", c.d, c.watts, wh, g)
		}
	}
	if wh, g := MeasuredEnergy(time.Hour, 30, 0); wh != 30 || g != 0 {
		t.Errorf("no grid intensity: %v Wh, %v g; want 30, 0", wh, g)
	}
}

func TestParseParameterSize(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"7.2B", 7.2, true},
		{"8B", 8, true},
		{"133K", 0.000133, true},
		{"500M", 0.5, true},
		{" 70b ", 70, true},
		{"1.5T", 1500, true},
		{"", 0, false},
		{"B", 0, false},
		{"7.2", 0, false},
		{"sevenB", 0, false},
		{"-7B", 0, false},
		{"InfB", 0, false},
		{"NaNB", 0, false},
		{"1e300B", 0, false}, // a host's absurd size, which broke the JSON and the PDF
		{"200T", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseParameterSize(tt.in)
		if ok != tt.ok || !closeTo(got, tt.want) {
			t.Errorf("ParseParameterSize(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestEnergyFor(t *testing.T) {
	ollama := model.Variant{Spec: model.Spec{Engine: model.EngineOllama, Model: "mistral:7b"},
		Stats: model.Stats{Total: 90 * time.Second, OutputTokens: 500}}
	e := EnergyFor(ollama, 7, DefaultDeviceWatts, DefaultGridIntensity)
	if !closeTo(e.MeasuredWh, 0.75) || !closeTo(e.MeasuredGCO2e, 0.060975) ||
		math.Abs(e.EstimatedWh-1.813761667) > 1e-9 || math.Abs(e.EstimatedGCO2e-0.147458823) > 1e-9 {
		t.Errorf("ollama: %+v", e)
	}
	if e := EnergyFor(ollama, 0, DefaultDeviceWatts, DefaultGridIntensity); e.EstimatedWh != 0 || e.MeasuredWh == 0 {
		t.Errorf("unknown parameters: %+v", e)
	}
	// The built-in engine: 40 ms at 30 W = 0.000333 Wh; nothing to estimate.
	builtin := model.Variant{Spec: model.Spec{Engine: model.EngineBuiltin},
		Stats: model.Stats{Total: 40 * time.Millisecond, OutputTokens: 300}}
	if e := EnergyFor(builtin, 7, DefaultDeviceWatts, DefaultGridIntensity); !closeTo(e.MeasuredWh, 0.04/3600*30) || e.EstimatedWh != 0 || e.EstimatedGCO2e != 0 {
		t.Errorf("builtin: %+v", e)
	}
}

// TestEnergyNotClaimedForElsewhere: a variant written on another machine of the network or by
// a remote service has no energy « on this computer ».
func TestEnergyNotClaimedForElsewhere(t *testing.T) {
	v := model.Variant{Spec: model.Spec{Engine: model.EngineOllama}, Stats: model.Stats{Total: 90 * time.Second, OutputTokens: 500}}
	for where, claimed := range map[model.Place]bool{"": true, model.PlaceThisComputer: true, model.PlaceNetwork: false, model.PlaceRemote: false} {
		v.Stats.Where = where
		e := EnergyFor(v, 7, DefaultDeviceWatts, DefaultGridIntensity)
		if (e.MeasuredWh > 0) != claimed || e.EstimatedWh == 0 {
			t.Errorf("%q: measured %v Wh, estimated %v Wh", where, e.MeasuredWh, e.EstimatedWh)
		}
	}
}

// TestEnergyMethod: a RAPL reading is used as it is and said to be measured; without one the
// figure is time × power and said to be an estimate; the datacenter figure is said to come
// from the model's size.
func TestEnergyMethod(t *testing.T) {
	base := model.Variant{Spec: model.Spec{Engine: model.EngineOllama},
		Stats: model.Stats{Total: 90 * time.Second, OutputTokens: 500, Where: model.PlaceThisComputer}}
	measured := base
	measured.Stats.EnergyJoules, measured.Stats.EnergyMethod = 7200, model.EnergyRAPL
	absurd := measured
	absurd.Stats.EnergyJoules = 1e12
	elsewhere := measured
	elsewhere.Stats.Where = model.PlaceNetwork
	tests := []struct {
		name   string
		v      model.Variant
		wh     float64
		method model.EnergyMethod
	}{
		{"rapl", measured, 2, model.EnergyRAPL},
		{"time × power", base, 0.75, model.EnergyTimePower},
		{"unbelievable reading", absurd, 0.75, model.EnergyTimePower},
		{"elsewhere", elsewhere, 0, ""},
	}
	for _, tt := range tests {
		e := EnergyFor(tt.v, 7, DefaultDeviceWatts, DefaultGridIntensity)
		if !closeTo(e.MeasuredWh, tt.wh) || e.Method != tt.method {
			t.Errorf("%s: %v Wh by %q, want %v Wh by %q", tt.name, e.MeasuredWh, e.Method, tt.wh, tt.method)
		}
		if e.EstimatedMethod != model.EnergyModelSize {
			t.Errorf("%s: estimate by %q, want %q", tt.name, e.EstimatedMethod, model.EnergyModelSize)
		}
	}
	if e := EnergyFor(base, 0, DefaultDeviceWatts, DefaultGridIntensity); e.EstimatedMethod != "" {
		t.Errorf("no estimate, yet its method is %q", e.EstimatedMethod)
	}
}
