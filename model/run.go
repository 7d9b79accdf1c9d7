package model

import "time"

// Run is a request for a set of variants of one revision of a report.
type Run struct {
	// ID is the store's identifier.
	ID int64 `json:"id"`
	// ReportID is the report the run is about.
	ReportID int64 `json:"report_id"`
	// RevisionID is the exact revision every variant of the run is generated from.
	RevisionID int64 `json:"revision_id"`
	// Specs lists the variants asked for.
	Specs []Spec `json:"specs"`
	// Created is when the run was asked for.
	Created time.Time `json:"created"`
}

// Validate checks the run names a revision and at least one valid spec.
func (r Run) Validate() error {
	if r.RevisionID <= 0 {
		return invalid("revision", ProblemRequired, 0)
	}
	if len(r.Specs) == 0 {
		return invalid("specs", ProblemRequired, 0)
	}
	for _, s := range r.Specs {
		if err := s.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// Status is where a variant stands in its generation.
type Status string

// The statuses of a variant. Done, Failed and Cancelled are final.
const (
	StatusQueued    Status = "queued"
	StatusRunning   Status = "running"
	StatusDone      Status = "done"
	StatusFailed    Status = "failed"
	StatusCancelled Status = "cancelled"
)

// Final reports whether the status will not change any more.
func (s Status) Final() bool {
	return s == StatusDone || s == StatusFailed || s == StatusCancelled
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	switch s {
	case StatusQueued, StatusRunning, StatusDone, StatusFailed, StatusCancelled:
		return true
	}
	return false
}

// Stats are the measurements of one generation. Durations are zero when unknown.
type Stats struct {
	// Started and Finished bracket the generation on this machine's clock.
	Started  time.Time `json:"started,omitzero"`
	Finished time.Time `json:"finished,omitzero"`
	// Total is the wall time from start to end.
	Total time.Duration `json:"total_ns"`
	// Load is the time the engine spent loading the model.
	Load time.Duration `json:"load_ns,omitempty"`
	// FirstToken is the time from start to the first piece of text.
	FirstToken time.Duration `json:"first_token_ns,omitempty"`
	// PromptEval and Eval are the engine's own timings for reading the prompt and writing.
	PromptEval time.Duration `json:"prompt_eval_ns,omitempty"`
	Eval       time.Duration `json:"eval_ns,omitempty"`
	// PromptTokens and OutputTokens count tokens read and written; the built-in engine, which
	// has no tokenizer, counts words, and every label says so.
	PromptTokens int `json:"prompt_tokens"`
	OutputTokens int `json:"output_tokens"`
	// TokensPerSecond is OutputTokens over the writing time.
	TokensPerSecond float64 `json:"tokens_per_second"`
	// DoneReason is why the engine stopped: "stop", or "length" when num_predict cut the output.
	DoneReason string `json:"done_reason,omitempty"`
	// NumCtx is the context window, in tokens, the request asked for.
	NumCtx int `json:"num_ctx,omitempty"`
	// SourceTruncated is true when the model read fewer prompt tokens than were sent: it did
	// not see the whole report.
	SourceTruncated bool `json:"source_truncated,omitempty"`
	// Chunks counts the pieces a source too long for the model was condensed in; 0 when the
	// source fitted whole.
	Chunks int `json:"chunks,omitempty"`
	// ModelContext is the model's context length, in tokens, when the engine knows it.
	ModelContext int `json:"model_context,omitempty"`
	// ContextNeeded is set when the source could not fit the model's context even read in
	// parts: the tokens its smallest passage needed, with the instructions and the least room
	// to answer.
	ContextNeeded int `json:"context_needed,omitempty"`
	// Where says where the variant was written; empty for variants made before it was
	// recorded.
	Where Place `json:"where,omitempty"`
	// WhereHost names the machine for PlaceNetwork and the service for PlaceRemote (for a
	// remote model, the host its server forwards to).
	WhereHost string `json:"where_host,omitempty"`
	// ModelSize, Quantization and ModelDigest describe the Ollama model that wrote the variant
	// as its host reported them at generation ("7.2B", "Q4_K_M", "sha256:…"), so that an export
	// made later, with the host offline or the model replaced, still names them; empty for the
	// built-in engine and for variants made before they were recorded.
	ModelSize    string `json:"model_size,omitempty"`
	Quantization string `json:"quantization,omitempty"`
	ModelDigest  string `json:"model_digest,omitempty"`
	// EnergyJoules is the energy the processor used during the generation, read from its
	// counters (EnergyMethod is EnergyRAPL); zero when it was not measured. It covers the whole
	// processor package, other programs included.
	EnergyJoules float64 `json:"energy_joules,omitempty"`
	// EnergyMethod says how EnergyJoules was obtained: EnergyRAPL, or empty when nothing was
	// measured.
	EnergyMethod EnergyMethod `json:"energy_method,omitempty"`
	// RetriedFrom is set when the variant's first try stopped because its host died
	// (unreachable, or its stream cut) and the variant was written again, from the start, on
	// another host of its model (the Spec's Host): it names the host of the first try.
	// RetryCode is the error code that try ended with ("host-unreachable", "stream-cut") and
	// RetryText the text it had written, at most 64 KiB of it. All three are empty when the
	// variant was not retried.
	RetriedFrom string `json:"retried_from,omitempty"`
	RetryCode   string `json:"retry_code,omitempty"`
	RetryText   string `json:"retry_text,omitempty"`
}

// EnergyMethod says where a variant's energy figure comes from.
type EnergyMethod string

// The ways a variant's energy is known.
const (
	// EnergyRAPL: measured by the processor's own energy counters (Linux RAPL) around the
	// generation, on this computer.
	EnergyRAPL EnergyMethod = "rapl"
	// EnergyTimePower: estimated as the generation time multiplied by the power the user set
	// for this computer.
	EnergyTimePower EnergyMethod = "time-power"
	// EnergyModelSize: estimated from the model's size and the tokens it wrote (EcoLogits), as
	// if it had run in a datacenter.
	EnergyModelSize EnergyMethod = "model-size"
)

// Variant is one generated version of a revision, in whatever state its generation reached.
// A failed or cancelled variant keeps the text produced before it stopped.
type Variant struct {
	// ID is the store's identifier.
	ID int64 `json:"id"`
	// RunID is the run the variant belongs to.
	RunID int64 `json:"run_id"`
	// RevisionID is the exact revision the variant was generated from.
	RevisionID int64 `json:"revision_id"`
	// Index is the variant's position in its run, from 0.
	Index int `json:"index"`
	// Spec is what was asked: engine, host, model, preset, options.
	Spec
	// Status is where the generation stands.
	Status Status `json:"status"`
	// Text is the generated Markdown, complete or partial.
	Text string `json:"text"`
	// Prompt is the exact instructions (system message) the engine was given, variables
	// filled in; empty for the built-in engine, which takes none, and for older variants.
	Prompt string `json:"prompt,omitempty"`
	// Error says why the generation failed or stopped, in English, for logs and archives.
	Error string `json:"error"`
	// ErrorCode classifies the failure so the interface can explain it in the user's language.
	ErrorCode string `json:"error_code,omitempty"`
	// Stats are the generation's measurements.
	Stats Stats `json:"stats"`
	// Updated is when the variant was last saved.
	Updated time.Time `json:"updated"`
}

// Validate checks the variant refers to a revision, has a known status and a valid spec.
func (v Variant) Validate() error {
	if v.RevisionID <= 0 {
		return invalid("revision", ProblemRequired, 0)
	}
	if !v.Status.Valid() {
		return invalid("status", ProblemInvalid, 0)
	}
	return v.Spec.Validate()
}
