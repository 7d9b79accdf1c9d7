package model

// The engines a Spec can name.
const (
	EngineBuiltin = "builtin" // deterministic extraction, no model, always available
	EngineOllama  = "ollama"  // a local or LAN Ollama server
	EngineOpenAI  = "openai"  // a server speaking the OpenAI-compatible chat API (vLLM, llama.cpp, LM Studio…)
)

// Options tune a model's generation. Pointers distinguish "unset" from zero.
type Options struct {
	// Temperature of sampling, 0 to 2.
	Temperature *float64 `json:"temperature,omitempty"`
	// Seed makes sampling repeatable.
	Seed *int `json:"seed,omitempty"`
	// TopP is nucleus sampling's probability mass, 0 to 1.
	TopP *float64 `json:"top_p,omitempty"`
	// NumCtx is the context window in tokens; zero lets the engine size it.
	NumCtx int `json:"num_ctx,omitempty"`
	// NumPredict caps the output in tokens; zero means no cap.
	NumPredict int `json:"num_predict,omitempty"`
	// Think lets a model that has a thinking mode reason before it writes; the reasoning is
	// never part of the variant. Models without that mode ignore it.
	Think bool `json:"think,omitempty"`
}

// Validate checks that each option set is within its range.
func (o Options) Validate() error {
	// Written so that NaN, which every comparison refuses, is out of range too.
	if o.Temperature != nil && !(*o.Temperature >= 0 && *o.Temperature <= 2) {
		return invalid("temperature", ProblemOutOfRange, 2)
	}
	if o.TopP != nil && !(*o.TopP >= 0 && *o.TopP <= 1) {
		return invalid("top_p", ProblemOutOfRange, 1)
	}
	if o.NumCtx < 0 || o.NumCtx > 1<<21 {
		return invalid("num_ctx", ProblemOutOfRange, 1<<21)
	}
	if o.NumPredict < 0 || o.NumPredict > 1<<20 {
		return invalid("num_predict", ProblemOutOfRange, 1<<20)
	}
	return nil
}

// Spec is one variant to generate: which engine, host and model, which preset, which options.
type Spec struct {
	// Engine is EngineBuiltin, EngineOllama or EngineOpenAI.
	Engine string `json:"engine"`
	// Host is the server's base URL (for EngineOpenAI, with its path, such as
	// "http://host:8000/v1"); empty for the built-in engine.
	Host string `json:"host,omitempty"`
	// Model is the model's name on that host ("mistral:7b"); empty for the built-in engine.
	Model string `json:"model,omitempty"`
	// PresetID names the preset to apply.
	PresetID string `json:"preset"`
	// PresetVersion is the version of the preset the variant was generated with; zero when
	// it was not recorded (variants older than preset versioning).
	PresetVersion int `json:"preset_version,omitempty"`
	// Options tune the generation.
	Options Options `json:"options"`
}

// Validate checks the engine, model and preset are named and the options are in range.
func (s Spec) Validate() error {
	switch s.Engine {
	case EngineBuiltin:
	case EngineOllama, EngineOpenAI:
		if trimmed(s.Model) == "" {
			return invalid("model", ProblemRequired, 0)
		}
	default:
		return invalid("engine", ProblemInvalid, 0)
	}
	if trimmed(s.PresetID) == "" {
		return invalid("preset", ProblemRequired, 0)
	}
	return s.Options.Validate()
}
