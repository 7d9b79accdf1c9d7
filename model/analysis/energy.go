package analysis

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// DefaultDeviceWatts is the power drawn by the machine while it generates, when the user has
// not set it: 30 W, a laptop under sustained load (a thin laptop's processor draws 15–28 W on
// long loads, plus screen and memory). A desktop with a graphics card draws 150–400 W; the
// settings let the user say so.
const DefaultDeviceWatts = 30.0

// DefaultGridIntensity is the carbon intensity of electricity in France, in grams of CO2
// equivalent per kWh: the ADEME Base Empreinte factor that EcoLogits uses for France.
const DefaultGridIntensity = 81.3

// Energy is what one variant cost in electricity and emissions.
type Energy struct {
	// MeasuredWh is the energy of the generation on this computer (the name is the archives'
	// and stays): really measured when Method is model.EnergyRAPL (the processor's counters,
	// the whole package, other programs included), only estimated when Method is
	// model.EnergyTimePower (the generation time multiplied by the power the user set).
	MeasuredWh float64 `json:"measured_wh"`
	// MeasuredGCO2e is MeasuredWh at the grid's carbon intensity.
	MeasuredGCO2e float64 `json:"measured_gco2e"`
	// Method says how MeasuredWh was obtained; empty when it is zero for want of a figure.
	Method model.EnergyMethod `json:"method,omitempty"`
	// EstimatedWh is EcoLogits' estimate for the same model and output in a datacenter: what
	// the request would have cost on a hosted service. Zero when it cannot be estimated.
	EstimatedWh float64 `json:"estimated_wh"`
	// EstimatedGCO2e is EstimatedWh at the grid's carbon intensity.
	EstimatedGCO2e float64 `json:"estimated_gco2e"`
	// EstimatedMethod is model.EnergyModelSize when EstimatedWh is known, else empty.
	EstimatedMethod model.EnergyMethod `json:"estimated_method,omitempty"`
}

// MeasuredEnergy returns the energy, in Wh, of running a device of the given power for d (a
// measured duration; the power is the user's setting, not a reading), and its emissions in
// gCO2e at gridIntensity gCO2e/kWh. Negative inputs count as zero.
func MeasuredEnergy(d time.Duration, watts, gridIntensity float64) (wh, gco2e float64) {
	if d <= 0 || watts <= 0 {
		return 0, 0
	}
	wh = d.Hours() * watts
	return wh, emissions(wh, gridIntensity)
}

// The EcoLogits v1.0 model of a request to a large language model in a datacenter.
const (
	ecoGPUWhPerTokenPerB = 8.91e-5 // GPU energy, Wh per output token per billion parameters
	ecoGPUWhPerToken     = 1.43e-3 // GPU energy, Wh per output token
	ecoSecPerTokenPerB   = 8.02e-4 // generation time, s per output token per billion parameters
	ecoSecPerToken       = 2.23e-2 // generation time, s per output token
	ecoMemoryOverhead    = 1.2     // memory needed over the weights
	ecoBitsPerParameter  = 4       // quantisation assumed
	ecoGPUMemoryGB       = 80      // memory of one GPU
	ecoServerWatts       = 1000    // server power without its GPUs
	ecoGPUsPerServer     = 8       // the server's power is shared among its GPUs
	ecoPUE               = 1.2     // datacenter PUE
)

// EstimatedEnergy returns EcoLogits v1.0's estimate, in Wh, of generating outputTokens with a
// model of paramsBillions billion parameters in a datacenter, and its emissions in gCO2e at
// gridIntensity gCO2e/kWh. With P the parameters in billions and T the output tokens:
//
//	GPU energy   = T × (8.91e-5 × P + 1.43e-3) Wh
//	time         = T × (8.02e-4 × P + 2.23e-2) s
//	GPUs         = ⌈1.2 × P × 4 / 8 / 80⌉         (weights at 4 bits on 80 GB GPUs)
//	server share = time in hours × 1000 W × GPUs / 8
//	request      = 1.2 × (server share + GPUs × GPU energy)   (PUE 1.2)
//
// It returns zeros when either input is not positive.
func EstimatedEnergy(paramsBillions float64, outputTokens int, gridIntensity float64) (wh, gco2e float64) {
	if !(paramsBillions > 0) || outputTokens <= 0 || math.IsInf(paramsBillions, 0) {
		return 0, 0
	}
	p, t := paramsBillions, float64(outputTokens)
	gpuWh := t * (ecoGPUWhPerTokenPerB*p + ecoGPUWhPerToken)
	seconds := t * (ecoSecPerTokenPerB*p + ecoSecPerToken)
	gpus := math.Ceil(ecoMemoryOverhead * p * ecoBitsPerParameter / 8 / ecoGPUMemoryGB)
	serverWh := seconds / 3600 * ecoServerWatts * gpus / ecoGPUsPerServer
	wh = ecoPUE * (serverWh + gpus*gpuWh)
	return wh, emissions(wh, gridIntensity)
}

// emissions converts Wh to gCO2e at gridIntensity gCO2e/kWh.
func emissions(wh, gridIntensity float64) float64 {
	if gridIntensity <= 0 {
		return 0
	}
	return wh / 1000 * gridIntensity
}

// ParseParameterSize reads the parameter size Ollama reports for a model ("7.2B", "133K",
// "500M", "1.5T"; the suffix in either case) and returns it in billions of parameters.
func ParseParameterSize(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	scale := suffixScale(s[len(s)-1])
	if scale == 0 {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s[:len(s)-1]), 64)
	if err != nil || !(v > 0) || math.IsInf(v, 0) || v*scale > maxParamsBillions {
		return 0, false
	}
	return v * scale, true
}

// maxParamsBillions is far beyond any model (the largest have a few thousand billion
// parameters): a host's size beyond it (« 1e300B ») is not believed.
const maxParamsBillions = 1e5

// suffixScale returns what a size suffix is worth in billions, or 0 for no known suffix.
func suffixScale(c byte) float64 {
	switch c {
	case 'K', 'k':
		return 1e-6
	case 'M', 'm':
		return 1e-3
	case 'B', 'b', 'G', 'g':
		return 1
	case 'T', 't':
		return 1e3
	}
	return 0
}

// EnergyFor returns the energy of a variant written on this computer: the energy its
// processor's counters measured during the generation when they could be read (Method
// model.EnergyRAPL), else its generation time on a device of the given power (Method
// model.EnergyTimePower), whatever the engine (the built-in engine's is tiny). It adds the
// estimate of EstimatedEnergy only for an Ollama variant whose model's parameters are known
// (paramsBillions > 0) and whose output tokens were counted; zero otherwise.
//
// A variant written elsewhere (Stats.Where is the network or a remote service) has no energy
// on this computer: its time says nothing of another machine's power, and nothing is claimed.
func EnergyFor(v model.Variant, paramsBillions, watts, gridIntensity float64) Energy {
	var e Energy
	if w := v.Stats.Where; w == "" || w == model.PlaceThisComputer {
		e.MeasuredWh, e.MeasuredGCO2e, e.Method = localEnergy(v.Stats, watts, gridIntensity)
	}
	if v.Engine != model.EngineBuiltin {
		e.EstimatedWh, e.EstimatedGCO2e = EstimatedEnergy(paramsBillions, v.Stats.OutputTokens, gridIntensity)
		if e.EstimatedWh > 0 {
			e.EstimatedMethod = model.EnergyModelSize
		}
	}
	return e
}

// maxMeasuredJoules bounds a believable reading: a day at 1 kW (an imported archive may say
// anything).
const maxMeasuredJoules = 86400 * 1000

// localEnergy is the energy of a generation on this computer, and how it is known.
func localEnergy(s model.Stats, watts, gridIntensity float64) (wh, gco2e float64, m model.EnergyMethod) {
	j := s.EnergyJoules
	if s.EnergyMethod == model.EnergyRAPL && j > 0 && j <= maxMeasuredJoules {
		wh = j / 3600
		return wh, emissions(wh, gridIntensity), model.EnergyRAPL
	}
	wh, gco2e = MeasuredEnergy(s.Total, watts, gridIntensity)
	if wh > 0 {
		m = model.EnergyTimePower
	}
	return wh, gco2e, m
}
