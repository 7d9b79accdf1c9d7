package generate

import (
	"context"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// Simulated costs of the grouping benchmark: loading a model, and writing one variant.
const (
	benchLoadCost = 2 * time.Second
	benchGenCost  = 300 * time.Millisecond
)

// BenchmarkSchedulerGrouping runs 3 models × 3 presets on one host that holds one model at a
// time, on a virtual clock: each load costs 2 s and each generation 300 ms of simulated time.
// "grouped" goes through the Scheduler, given the variants in the naive order; "interleaved"
// calls the engine in that naive order (model 1 / preset 1, model 2 / preset 1, …), one after
// another. sim-s/op is the simulated time of the nine variants, loads/op the models loaded.
func BenchmarkSchedulerGrouping(b *testing.B) {
	vs := interleaved(hostA, "m1", "m2", "m3")
	rev := model.Revision{ID: 1, ReportID: 1, Number: 1, Body: "Texte."}
	b.Run("grouped", func(b *testing.B) {
		benchLoads(b, func(e *loadEngine) {
			NewScheduler([]Engine{e}, testPresets, nil).Start(context.Background(), rev, vs, nil).Wait()
		})
	})
	b.Run("interleaved", func(b *testing.B) {
		benchLoads(b, func(e *loadEngine) {
			for _, v := range vs {
				_, _ = e.Generate(context.Background(), Request{Source: rev, Spec: v.Spec}, func(Progress) {})
			}
		})
	})
}

// benchLoads runs the variants with run on a fresh simulated host per iteration, and reports
// the simulated seconds and loads per run.
func benchLoads(b *testing.B, run func(e *loadEngine)) {
	var simulated time.Duration
	loads, n := 0, 0
	for b.Loop() {
		e := &loadEngine{name: model.EngineOllama, loadCost: benchLoadCost, genCost: benchGenCost}
		run(e)
		simulated += e.simulated
		loads += e.totalLoads()
		n++
	}
	b.ReportMetric(simulated.Seconds()/float64(n), "sim-s/op")
	b.ReportMetric(float64(loads)/float64(n), "loads/op")
}
