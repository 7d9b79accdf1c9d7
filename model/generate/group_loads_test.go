package generate

import (
	"context"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// TestGroupingSavesLoads runs 3 models × 3 presets on one host that holds one model at a
// time, given in the naive order (model 1 / preset 1, model 2 / preset 1, …): the Scheduler
// loads each model once, where calling the engine in that order loads one per variant.
func TestGroupingSavesLoads(t *testing.T) {
	vs := interleaved(hostA, "m1", "m2", "m3")
	rev := model.Revision{ID: 1, ReportID: 1, Number: 1, Body: "Texte."}

	grouped := &loadEngine{name: model.EngineOllama}
	NewScheduler([]Engine{grouped}, testPresets, nil).Start(context.Background(), rev, vs, nil).Wait()
	if n := grouped.totalLoads(); n != 3 {
		t.Errorf("through the Scheduler: %d loads, want 3", n)
	}

	naive := &loadEngine{name: model.EngineOllama}
	for _, v := range vs {
		if _, err := naive.Generate(context.Background(), Request{Source: rev, Spec: v.Spec}, func(Progress) {}); err != nil {
			t.Fatal(err)
		}
	}
	if n := naive.totalLoads(); n != len(vs) {
		t.Errorf("in the naive order: %d loads, want %d", n, len(vs))
	}
}

// BenchmarkSchedulerGrouping measures the Scheduler's own work (planning, goroutines, events)
// for 9 variants of 3 models on one host, with an engine that costs nothing.
func BenchmarkSchedulerGrouping(b *testing.B) {
	vs := interleaved(hostA, "m1", "m2", "m3")
	rev := model.Revision{ID: 1, ReportID: 1, Number: 1, Body: "Texte."}
	for b.Loop() {
		e := &loadEngine{name: model.EngineOllama}
		NewScheduler([]Engine{e}, testPresets, nil).Start(context.Background(), rev, vs, nil).Wait()
	}
}
