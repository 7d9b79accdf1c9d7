package ollama

import (
	"context"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// discard is a Sink that keeps nothing.
type discard struct{}

func (discard) SaveVariant(context.Context, model.Variant) error { return nil }

// BenchmarkRealLoads runs 3 models × 3 presets on the in-process server, which takes 2 s to load
// a model and holds one at a time (a laptop): through the Scheduler, which groups jobs by model,
// and in the naive interleaved order (model 1 preset 1, model 2 preset 1, …). It reports wall
// time and loads per run; one iteration takes seconds, so run it with -benchtime 1x.
func BenchmarkRealLoads(b *testing.B) {
	models := []string{"alpha:7b", "beta:7b", "gamma:7b"}
	presets := []string{"synthese-courte", "points-cles", "decisions-actions"}
	setup := func(b *testing.B) *ollamatest.Server {
		var ms []ollamatest.Model
		for _, m := range models {
			ms = append(ms, ollamatest.Model{Name: m, ContextLength: 8192, Words: 30})
		}
		s := newServer(b, ms...)
		s.SetLoadDelay(2 * time.Second)
		s.SetMaxLoaded(1)
		return s
	}
	b.Run("grouped", func(b *testing.B) {
		s := setup(b)
		for b.Loop() {
			var variants []model.Variant
			for _, p := range presets { // given interleaved: the scheduler regroups them
				for _, m := range models {
					r := newRequest(b, s.URL(), m, p, frenchReport)
					variants = append(variants, model.Variant{ID: int64(len(variants) + 1), RunID: 1, RevisionID: 1, Index: len(variants), Spec: r.Spec, Status: model.StatusQueued})
				}
			}
			rev := newRequest(b, s.URL(), models[0], presets[0], frenchReport).Source
			sched := generate.NewScheduler([]generate.Engine{NewEngine(Options{})}, model.BuiltinPresets(), discard{})
			for _, v := range sched.Start(context.Background(), rev, variants, func(generate.Event) {}).Wait() {
				if v.Status != model.StatusDone {
					b.Fatalf("%s: %s", v.Model, v.Error)
				}
			}
		}
		b.ReportMetric(float64(s.TotalLoads())/float64(b.N), "loads/op")
	})
	b.Run("interleaved", func(b *testing.B) {
		s := setup(b)
		e := NewEngine(Options{})
		for b.Loop() {
			for _, p := range presets {
				for _, m := range models {
					if _, err := e.Generate(context.Background(), newRequest(b, s.URL(), m, p, frenchReport), func(generate.Progress) {}); err != nil {
						b.Fatal(err)
					}
				}
			}
		}
		b.ReportMetric(float64(s.TotalLoads())/float64(b.N), "loads/op")
	})
}
