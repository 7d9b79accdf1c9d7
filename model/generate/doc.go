// Package generate turns a run into variants. It defines the Engine interface and the
// built-in engine (extractive, deterministic, no model: it counts words, not tokens), and the
// Scheduler, which turns a run's variants into jobs grouped by host and model so each model
// is loaded once, runs as many at once as a host allows, streams events (queued, loading,
// text, done, failed, cancelled), persists partial text as it goes, and supports cancel and
// retry per variant. It also builds the requests of the passes that are not variants: a
// model's critique of a variant and the prompt coach's revision of a preset. The Ollama
// engine lives in the ollama subpackage. Nothing here formats for display.
package generate
