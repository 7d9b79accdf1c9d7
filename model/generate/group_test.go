package generate

import (
	"context"
	"slices"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

const hostA, hostB = "http://a:11434", "http://b:11434"

func TestGroupingLoadsEachModelOnce(t *testing.T) {
	e := &loadEngine{name: model.EngineOllama}
	sink := &fakeSink{}
	rec := &recorder{}
	vs := interleaved(hostA, "m1", "m2", "m3")
	got := NewScheduler([]Engine{e}, testPresets, sink).Start(context.Background(), revision(t), vs, rec.on).Wait()
	loads, starts, mixed, maxActive := e.report()
	if n := e.totalLoads(); n != 3 {
		t.Errorf("%d loads, want 3: %v", n, loads)
	}
	for _, m := range []string{"m1", "m2", "m3"} {
		if n := loads[[2]string{hostA, m}]; n != 1 {
			t.Errorf("%s loaded %d times", m, n)
		}
	}
	want := []string{"m1", "m1", "m1", "m2", "m2", "m2", "m3", "m3", "m3"}
	for i := range want {
		want[i] = hostA + " " + want[i]
	}
	if !slices.Equal(starts, want) {
		t.Errorf("started %v, want %v", starts, want)
	}
	if mixed || maxActive != 1 {
		t.Errorf("mixed %v, %d at once; want one model, one generation at a time", mixed, maxActive)
	}
	for i, v := range got {
		if v.Status != model.StatusDone || v.Text != "Un deux trois." {
			t.Errorf("variant %d: %s %q", i, v.Status, v.Text)
		}
		rec.checkLifecycle(t, i, EventDone)
		// One loading event when a variant starts, one more while its model loads: variants
		// 0, 1 and 2 are the first of their groups.
		want := 1
		if i < 3 {
			want = 2
		}
		if n := count(rec.of(i), EventLoading); n != want {
			t.Errorf("variant %d: %d loading events in %v, want %d", i, n, kinds(rec.of(i)), want)
		}
	}
}

// count returns how many of evs are of kind k.
func count(evs []Event, k EventKind) int {
	n := 0
	for _, e := range evs {
		if e.Kind == k {
			n++
		}
	}
	return n
}

func TestGroupingParallelWithinModel(t *testing.T) {
	e := &loadEngine{name: model.EngineOllama, started: make(chan Request, 8), hold: make(chan struct{})}
	s := NewScheduler([]Engine{e}, testPresets, &fakeSink{})
	s.SetParallel(2)
	vs := variants(ollamaSpec(hostA, "m1", "synthese-courte"), ollamaSpec(hostA, "m2", "synthese-courte"),
		ollamaSpec(hostA, "m1", "points-cles"), ollamaSpec(hostA, "m2", "points-cles"))
	job := s.Start(context.Background(), revision(t), vs, nil)
	// Both variants of m1 start before either can finish: they overlap.
	for range 2 {
		if r := receive(t, e.started); r.Spec.Model != "m1" {
			t.Fatalf("started %s first, want both m1", r.Spec.Model)
		}
	}
	close(e.hold)
	for i, v := range job.Wait() {
		if v.Status != model.StatusDone {
			t.Errorf("variant %d: %s", i, v.Status)
		}
	}
	if _, _, mixed, maxActive := e.report(); mixed || maxActive != 2 {
		t.Errorf("mixed %v, %d at once; want 2 of one model, never two models", mixed, maxActive)
	}
	if n := e.totalLoads(); n != 2 {
		t.Errorf("%d loads, want 2", n)
	}
}

func TestGroupingHostsRunConcurrently(t *testing.T) {
	e := &loadEngine{name: model.EngineOllama, started: make(chan Request, 8), hold: make(chan struct{})}
	vs := variants(ollamaSpec(hostA, "m1", "synthese-courte"), ollamaSpec(hostA, "m1", "points-cles"),
		ollamaSpec(hostB, "m1", "synthese-courte"))
	job := NewScheduler([]Engine{e}, testPresets, &fakeSink{}).Start(context.Background(), revision(t), vs, nil)
	hosts := map[string]bool{}
	for range 2 { // one generation per host, both held: they overlap
		hosts[receive(t, e.started).Spec.Host] = true
	}
	close(e.hold)
	job.Wait()
	if !hosts[hostA] || !hosts[hostB] {
		t.Errorf("started on %v, want both hosts at once", hosts)
	}
	if n := e.totalLoads(); n != 2 {
		t.Errorf("%d loads, want one per host", n)
	}
}

func TestGroupingBuiltinBesideOllama(t *testing.T) {
	e := &loadEngine{name: model.EngineOllama, started: make(chan Request, 8), hold: make(chan struct{})}
	w := newWatcher()
	vs := variants(ollamaSpec(hostA, "m1", "synthese-courte"), spec(model.EngineBuiltin, "points-cles"),
		spec(model.EngineBuiltin, "synthese-courte"))
	job := NewScheduler([]Engine{e, NewBuiltin()}, testPresets, &fakeSink{}).Start(context.Background(), revision(t), vs, w.on)
	receive(t, e.started)
	// The Ollama-like variant is held until the built-in ones are done: they ran beside it.
	for _, i := range []int{1, 2} {
		if ev := w.waitFinal(t, i); ev.Kind != EventDone {
			t.Errorf("built-in variant %d: %v", i, ev.Kind)
		}
	}
	close(e.hold)
	if v := job.Wait()[0]; v.Status != model.StatusDone {
		t.Errorf("ollama variant: %s", v.Status)
	}
}

func TestGroupingCancelRun(t *testing.T) {
	e := &loadEngine{name: model.EngineOllama, started: make(chan Request, 8), hold: make(chan struct{})}
	defer close(e.hold)
	sink := &fakeSink{}
	rec := &recorder{}
	vs := interleaved(hostA, "m1", "m2")
	job := NewScheduler([]Engine{e}, testPresets, sink).Start(context.Background(), revision(t), vs, rec.on)
	receive(t, e.started)
	job.Cancel()
	for i, v := range job.Wait() {
		if v.Status != model.StatusCancelled || v.ErrorCode != string(CodeCancelled) {
			t.Errorf("variant %d: %s %q", i, v.Status, v.ErrorCode)
		}
		rec.checkLifecycle(t, i, EventCancelled)
		if saved := sink.last(t, i); saved.Status != model.StatusCancelled {
			t.Errorf("variant %d saved as %s", i, saved.Status)
		}
	}
	if _, starts, _, _ := e.report(); len(starts) != 1 {
		t.Errorf("started %v, want only the first variant", starts)
	}
}

func TestGroupingCancelQueuedVariant(t *testing.T) {
	e := &loadEngine{name: model.EngineOllama, started: make(chan Request, 8), hold: make(chan struct{})}
	w := newWatcher()
	vs := variants(ollamaSpec(hostA, "m1", "synthese-courte"), ollamaSpec(hostA, "m2", "synthese-courte"))
	job := NewScheduler([]Engine{e}, testPresets, &fakeSink{}).Start(context.Background(), revision(t), vs, w.on)
	receive(t, e.started)
	job.CancelVariant(1)
	// The queued variant ends at once, while the group before it still runs.
	if ev := w.waitFinal(t, 1); ev.Kind != EventCancelled || ev.Variant.Status != model.StatusCancelled {
		t.Errorf("queued variant: %v %s", ev.Kind, ev.Variant.Status)
	}
	close(e.hold)
	got := job.Wait()
	if got[0].Status != model.StatusDone {
		t.Errorf("running variant: %s", got[0].Status)
	}
	w.checkLifecycle(t, 1, EventCancelled)
	if _, starts, _, _ := e.report(); len(starts) != 1 || e.totalLoads() != 1 {
		t.Errorf("started %v, want m2 never started nor loaded", starts)
	}
}

func TestGroupingCancelRunningVariant(t *testing.T) {
	e := &loadEngine{name: model.EngineOllama, started: make(chan Request, 8), hold: make(chan struct{})}
	w := newWatcher()
	vs := variants(ollamaSpec(hostA, "m1", "synthese-courte"), ollamaSpec(hostA, "m2", "synthese-courte"),
		ollamaSpec(hostA, "m1", "points-cles"))
	job := NewScheduler([]Engine{e}, testPresets, &fakeSink{}).Start(context.Background(), revision(t), vs, w.on)
	receive(t, e.started)
	job.CancelVariant(0)
	w.waitFinal(t, 0)
	close(e.hold)
	got := job.Wait()
	for i, want := range []model.Status{model.StatusCancelled, model.StatusDone, model.StatusDone} {
		if got[i].Status != want {
			t.Errorf("variant %d: %s, want %s", i, got[i].Status, want)
		}
	}
	if _, starts, mixed, _ := e.report(); mixed || len(starts) != 3 || starts[1] != hostA+" m1" {
		t.Errorf("started %v (mixed %v), want m1, m1, m2", starts, mixed)
	}
}

func TestPlan(t *testing.T) {
	vs := variants(ollamaSpec(hostA, "m1", "p"), spec(model.EngineBuiltin, "p"), ollamaSpec(hostA+"/", "m2", "p"),
		ollamaSpec(hostB, "m1", "p"), ollamaSpec(" "+hostA, "m1", "q"), spec(model.EngineBuiltin, "q"))
	var slots []*slot
	for _, v := range vs {
		slots = append(slots, &slot{index: v.Index, v: v})
	}
	lanes := planner{builtinParallel: 4}.plan(slots)
	type groupShape struct {
		indexes  []int
		parallel int
	}
	want := []struct {
		host      hostKey
		exclusive bool
		groups    []groupShape
	}{
		{hostKey{model.EngineOllama, hostA}, true, []groupShape{{[]int{0, 4}, 1}, {[]int{2}, 1}}},
		{hostKey{engine: model.EngineBuiltin}, false, []groupShape{{[]int{1, 5}, 4}}},
		{hostKey{model.EngineOllama, hostB}, true, []groupShape{{[]int{3}, 1}}},
	}
	if len(lanes) != len(want) {
		t.Fatalf("%d lanes, want %d", len(lanes), len(want))
	}
	for i, l := range lanes {
		w := want[i]
		if l.host != w.host || l.exclusive != w.exclusive || len(l.groups) != len(w.groups) {
			t.Fatalf("lane %d: %+v, want %+v", i, l, w)
		}
		for k, g := range l.groups {
			var got []int
			for _, sl := range g.slots {
				got = append(got, sl.index)
			}
			if !slices.Equal(got, w.groups[k].indexes) || l.parallel != w.groups[k].parallel {
				t.Errorf("lane %d group %d: %v × %d, want %v × %d", i, k, got, l.parallel, w.groups[k].indexes, w.groups[k].parallel)
			}
		}
	}
}

func TestSetParallel(t *testing.T) {
	s := NewScheduler(nil, nil, nil)
	if s.perModel != DefaultParallel {
		t.Errorf("default %d", s.perModel)
	}
	for in, want := range map[int]int{3: 3, 1: 1, 0: 1, -2: 1} {
		s.SetParallel(in)
		if s.perModel != want {
			t.Errorf("SetParallel(%d): %d, want %d", in, s.perModel, want)
		}
	}
}
