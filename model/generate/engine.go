package generate

import (
	"context"

	"github.com/rapporteur/rapporteur/model"
)

// Request is everything an engine needs to write one variant.
type Request struct {
	// Source is the exact revision of the report to work from.
	Source model.Revision
	// Preset is the style of variant asked for.
	Preset model.Preset
	// Spec names the engine, host, model and options.
	Spec model.Spec
	// Window is the context window, in tokens, agreed for every request of the request's
	// group (the variants of one model on one host in a run, see WindowPlanner), so that the
	// model is loaded once; 0 lets the engine size it for this request alone. An engine may
	// use a larger window when the request turns out to need it.
	Window int
}

// Stage is the step of a generation an engine reports progress on.
type Stage string

// The stages of a generation.
const (
	StageLoading  Stage = "loading"  // the engine prepares (loads a model, reads the source)
	StageWriting  Stage = "writing"  // text is being produced
	StageChunking Stage = "chunking" // a long source is condensed piece by piece
)

// Progress is one step reported by an engine while it works.
type Progress struct {
	// Stage is what the engine is doing.
	Stage Stage
	// Delta is the text added since the previous Progress, possibly empty.
	Delta string
	// Fraction is the share of the work done, 0 to 1, or negative when unknown.
	Fraction float64
}

// ProgressFunc receives an engine's progress. It is called from the engine's goroutine and must
// return quickly.
type ProgressFunc func(Progress)

// Result is what an engine produced. On error it still holds the text written so far.
type Result struct {
	// Text is the variant's Markdown.
	Text string
	// Stats are the generation's measurements.
	Stats model.Stats
	// DoneReason says why generation stopped ("stop", "length"), when the engine knows.
	DoneReason string
}

// Engine writes variants of a report. Implementations must honour ctx: when it is cancelled
// they return promptly with the partial Result and an error satisfying
// errors.Is(err, context.Canceled).
type Engine interface {
	// Name returns the engine's identifier, as used in model.Spec.Engine.
	Name() string
	// Generate writes one variant, reporting progress as it goes.
	Generate(ctx context.Context, req Request, progress ProgressFunc) (Result, error)
}

// WindowPlanner is implemented by engines whose models are loaded with a context window sized
// per request, and reloaded whenever it changes (Ollama's num_ctx). Before the variants of one
// model on one host start, the Scheduler asks for the window they should all share and passes
// it in each Request.Window.
type WindowPlanner interface {
	// PlanWindow returns the window, in tokens, for reqs (same engine, host and model), or 0
	// when it cannot tell.
	PlanWindow(ctx context.Context, reqs []Request) int
}

// Prompter is implemented by engines that send instructions to a model; SystemPrompt
// returns the exact instructions a request sends, variables filled in. The Scheduler records
// it on each variant it starts; the built-in engine, which takes no instructions, does not
// implement it.
type Prompter interface {
	// SystemPrompt returns the system instructions Generate would send for req.
	SystemPrompt(req Request) string
}
