// Package generate turns a Run into Variants: the Engine interface, the built-in extractive
// engine, and the Scheduler that runs jobs, streams their events and persists their text.
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

// Prompter is implemented by engines that send instructions to a model; SystemPrompt
// returns the exact instructions a request sends, variables filled in. The Scheduler records
// it on each variant it starts; the built-in engine, which takes no instructions, does not
// implement it.
type Prompter interface {
	// SystemPrompt returns the system instructions Generate would send for req.
	SystemPrompt(req Request) string
}
