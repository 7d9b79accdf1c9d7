package ollama

import (
	"context"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// discard is a Sink that keeps nothing.
type discard struct{}

func (discard) SaveVariant(context.Context, model.Variant) error { return nil }

var (
	loadModels  = []string{"alpha:7b", "beta:7b", "gamma:7b"}
	loadPresets = []string{"synthese-courte", "points-cles", "decisions-actions"}
)

// loadServer is an in-process server with the three models that holds one at a time, as a
// laptop does.
func loadServer(t testing.TB) *ollamatest.Server {
	var ms []ollamatest.Model
	for _, m := range loadModels {
		ms = append(ms, ollamatest.Model{Name: m, ContextLength: 8192, Words: 30})
	}
	s := newServer(t, ms...)
	s.SetMaxLoaded(1)
	return s
}

// TestSchedulerLoadsEachModelOnce runs 3 models × 3 presets, given in the naive interleaved
// order (model 1 preset 1, model 2 preset 1, …), on a server that holds one model at a time:
// through the Scheduler, which groups the jobs by model, each model is loaded once; called in
// the given order, every variant loads its model.
func TestSchedulerLoadsEachModelOnce(t *testing.T) {
	s := loadServer(t)
	var variants []model.Variant
	for _, p := range loadPresets {
		for _, m := range loadModels {
			r := newRequest(t, s.URL(), m, p, frenchReport)
			variants = append(variants, model.Variant{ID: int64(len(variants) + 1), RunID: 1, RevisionID: 1, Index: len(variants), Spec: r.Spec, Status: model.StatusQueued})
		}
	}
	rev := newRequest(t, s.URL(), loadModels[0], loadPresets[0], frenchReport).Source
	sched := generate.NewScheduler([]generate.Engine{NewEngine(Options{})}, model.BuiltinPresets(), discard{})
	for _, v := range sched.Start(context.Background(), rev, variants, func(generate.Event) {}).Wait() {
		if v.Status != model.StatusDone {
			t.Fatalf("%s: %s", v.Model, v.Error)
		}
	}
	if n := s.TotalLoads(); n != len(loadModels) {
		t.Errorf("the scheduler loaded models %d times, want %d (once each)", n, len(loadModels))
	}

	naive := loadServer(t)
	e := NewEngine(Options{})
	for _, p := range loadPresets {
		for _, m := range loadModels {
			if _, err := e.Generate(context.Background(), newRequest(t, naive.URL(), m, p, frenchReport), func(generate.Progress) {}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if n, want := naive.TotalLoads(), len(loadModels)*len(loadPresets); n != want {
		t.Errorf("the interleaved order loaded models %d times, want %d (every variant)", n, want)
	}
}

// BenchmarkSchedulerRun measures the real work of a run of 3 models × 3 presets through the
// Scheduler and the engine against the in-process server (HTTP, streaming, grouping), with no
// simulated delay.
func BenchmarkSchedulerRun(b *testing.B) {
	s := loadServer(b)
	var variants []model.Variant
	for _, p := range loadPresets {
		for _, m := range loadModels {
			r := newRequest(b, s.URL(), m, p, frenchReport)
			variants = append(variants, model.Variant{ID: int64(len(variants) + 1), RunID: 1, RevisionID: 1, Index: len(variants), Spec: r.Spec, Status: model.StatusQueued})
		}
	}
	rev := newRequest(b, s.URL(), loadModels[0], loadPresets[0], frenchReport).Source
	sched := generate.NewScheduler([]generate.Engine{NewEngine(Options{})}, model.BuiltinPresets(), discard{})
	for b.Loop() {
		for _, v := range sched.Start(context.Background(), rev, variants, func(generate.Event) {}).Wait() {
			if v.Status != model.StatusDone {
				b.Fatalf("%s: %s", v.Model, v.Error)
			}
		}
	}
}
