package generate

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// renamed is a Pool where the model is m on hostA and m+"-b" on hostB (same weights, another
// name, as Ollama hosts with one digest under two names).
func renamed(s model.Spec) []Replica {
	return []Replica{{Host: hostA, Model: s.Model}, {Host: hostB + "/", Model: s.Model + "-b"}}
}

// TestSpreadEachHostWithItsParallel runs 6 variants of one model found on two hosts, hostA
// generating 1 at a time and hostB 2: the first three start together, 1 on hostA and 2 on
// hostB, neither ever runs more, and each variant records the host and model it ran on.
func TestSpreadEachHostWithItsParallel(t *testing.T) {
	e := newSpreadEngine(hostA, hostB)
	sink := &fakeSink{}
	s := NewScheduler([]Engine{e}, testPresets, sink)
	s.SetPool(renamed)
	s.SetHostParallel(func(engine, host string) int {
		if engine == model.EngineOllama && host == hostB {
			return 2
		}
		return 0 // SetParallel's value: 1
	})
	job := s.Start(context.Background(), revision(t), spreadVariants(t, hostA, "m1", 6), nil)
	first := map[string]int{}
	var reqs []Request
	for range 3 {
		r := receive(t, e.started)
		reqs = append(reqs, r)
		first[r.Spec.Host]++
	}
	if first[hostA] != 1 || first[hostB] != 2 {
		t.Errorf("first started %v, want 1 on %s and 2 on %s", first, hostA, hostB)
	}
	e.open(hostA)
	e.open(hostB)
	got := job.Wait()
	for range 3 {
		reqs = append(reqs, receive(t, e.started))
	}
	checkRecordedHosts(t, got, byPreset(reqs...), sink)
	if maxActive, _, _ := e.report(); maxActive[hostA] != 1 || maxActive[hostB] != 2 {
		t.Errorf("at most %v at once, want 1 on %s and 2 on %s", maxActive, hostA, hostB)
	}
}

// checkRecordedHosts checks that each variant is done and names, in its Spec and as saved,
// the host it ran on and the model's name there (ran maps preset → host).
func checkRecordedHosts(t *testing.T, got []model.Variant, ran map[string]string, sink *fakeSink) {
	t.Helper()
	for _, v := range got {
		want := map[string]string{hostA: "m1", hostB: "m1-b"}[ran[v.PresetID]]
		if v.Status != model.StatusDone || v.Host != ran[v.PresetID] || v.Model != want || v.Stats.WhereHost != v.Host {
			t.Errorf("variant %d: %s on %s %s (stats %s), ran on %s", v.Index, v.Status, v.Host, v.Model, v.Stats.WhereHost, ran[v.PresetID])
		}
		if saved := sink.last(t, v.Index); saved.Spec != v.Spec || saved.Stats.RetriedFrom != "" {
			t.Errorf("variant %d saved with %+v, want %+v and no retry", v.Index, saved.Spec, v.Spec)
		}
	}
}

// TestSpreadKeepsGroupsPerHost runs two models × 3 presets, interleaved, both found on two
// hosts: each host runs one model at a time and the first model's variants before the second's,
// never going back (one load per model and host).
func TestSpreadKeepsGroupsPerHost(t *testing.T) {
	e := newSpreadEngine(hostA, hostB)
	e.open(hostA)
	e.open(hostB)
	s := NewScheduler([]Engine{e}, testPresets, &fakeSink{})
	s.SetPool(everywhere(hostA, hostB))
	for _, v := range s.Start(context.Background(), revision(t), interleaved(hostA, "m1", "m2"), nil).Wait() {
		if v.Status != model.StatusDone {
			t.Errorf("variant %d: %s %s", v.Index, v.Status, v.Error)
		}
	}
	_, models, mixed := e.report()
	if mixed {
		t.Error("two models ran at once on one host")
	}
	n := 0
	for h, ms := range models {
		n += len(ms)
		if !slices.IsSorted(ms) {
			t.Errorf("%s ran %v, want m1's variants, then m2's", h, ms)
		}
	}
	if n != 6 {
		t.Errorf("%d generations, want 6: %v", n, models)
	}
}

// TestSpreadRetriesOnHostDeath kills the host of one of two running variants: that variant
// goes back to the queue with its first try recorded, starts again on the other host with an
// empty text, and the run ends with every variant done; the dead host takes nothing more.
func TestSpreadRetriesOnHostDeath(t *testing.T) {
	e := newSpreadEngine(hostA, hostB)
	sink := &fakeSink{}
	ev := newStream()
	s := NewScheduler([]Engine{e}, testPresets, sink)
	s.SetPool(everywhere(hostA, hostB))
	job := s.Start(context.Background(), revision(t), spreadVariants(t, hostA, "m1", 3), ev.on)
	ran := byPreset(receive(t, e.started), receive(t, e.started))
	e.kill(hostA)
	queued := ev.await(t, "the retry queued", retryQueued)
	r := queued.Index
	if ran[queued.Variant.PresetID] != hostA || queued.Variant.Status != model.StatusQueued || queued.Variant.Text != "" {
		t.Errorf("queued again: %+v, want the variant that ran on %s, queued, no text", queued.Variant, hostA)
	}
	e.open(hostB)
	loading := ev.await(t, "the retry started", func(e Event) bool { return e.Index == r && e.Kind == EventLoading })
	checkRetryStart(t, loading.Variant, hostA, hostB)
	got := job.Wait()
	checkAllOn(t, ev, got, r, hostB)
	want := model.Stats{RetriedFrom: hostA, RetryCode: string(CodeStreamCut), RetryText: partial}
	if v := got[r]; retryRecord(v.Stats) != want {
		t.Errorf("retried variant with %+v, want %+v", retryRecord(v.Stats), want)
	}
	if saved := sink.last(t, r); saved.Host != hostB || retryRecord(saved.Stats) != want {
		t.Errorf("saved on %s with %+v", saved.Host, retryRecord(saved.Stats))
	}
	if _, models, _ := e.report(); len(models[hostA]) != 1 || len(models[hostB]) != 3 {
		t.Errorf("generations %v, want 1 on the dead host and 3 on the other", models)
	}
}

// retryQueued reports whether e puts a variant back in the queue for its retry.
func retryQueued(e Event) bool { return e.Kind == EventQueued && e.Variant.Stats.RetriedFrom != "" }

// checkRetryStart checks the snapshot of a retry that starts on host to after from died:
// running, its text empty, its first try recorded.
func checkRetryStart(t *testing.T, v model.Variant, from, to string) {
	t.Helper()
	if v.Text != "" || v.Status != model.StatusRunning || v.Host != to || v.Stats.RetriedFrom != from {
		t.Errorf("retry started as %s on %s with text %q, retried from %q", v.Status, v.Host, v.Text, v.Stats.RetriedFrom)
	}
}

// checkAllOn checks that every variant is done on host with its whole text, and that only
// variant r was retried.
func checkAllOn(t *testing.T, ev *stream, got []model.Variant, r int, host string) {
	t.Helper()
	for i, v := range got {
		if v.Status != model.StatusDone || v.Text != partial+"fin." || v.Host != host {
			t.Errorf("variant %d: %s %q on %s", i, v.Status, v.Text, v.Host)
		}
		ev.checkLifecycle(t, i, EventDone)
		if retried := v.Stats.RetriedFrom != ""; retried != (i == r) {
			t.Errorf("variant %d: retried from %q", i, v.Stats.RetriedFrom)
		}
	}
}

// TestSpreadNoRetryForOtherFailures: a variant that fails for another reason than its host
// dying (here the host is out of memory) fails as usual, and is not tried elsewhere.
func TestSpreadNoRetryForOtherFailures(t *testing.T) {
	e := newSpreadEngine(hostA, hostB)
	e.fail = map[string]error{hostA: newError(CodeOutOfMemory, "model requires more system memory")}
	s := NewScheduler([]Engine{e}, testPresets, &fakeSink{})
	s.SetPool(everywhere(hostA, hostB))
	job := s.Start(context.Background(), revision(t), spreadVariants(t, hostA, "m1", 2), nil)
	ran := byPreset(receive(t, e.started), receive(t, e.started))
	e.open(hostA)
	e.open(hostB)
	for _, v := range job.Wait() {
		want := map[string]model.Status{hostA: model.StatusFailed, hostB: model.StatusDone}[ran[v.PresetID]]
		if v.Status != want || v.Stats.RetriedFrom != "" || v.Host != ran[v.PresetID] {
			t.Errorf("variant %d on %s: %s, retried from %q; want %s, not retried", v.Index, v.Host, v.Status, v.Stats.RetriedFrom, want)
		}
	}
	if _, models, _ := e.report(); len(models[hostA])+len(models[hostB]) != 2 {
		t.Errorf("generations %v, want 2", models)
	}
}

// TestSpreadNoReplicaFails: without a pool, a variant whose host dies fails, its text kept.
func TestSpreadNoReplicaFails(t *testing.T) {
	e := newSpreadEngine(hostA)
	job := NewScheduler([]Engine{e}, testPresets, &fakeSink{}).Start(context.Background(), revision(t), spreadVariants(t, hostA, "m1", 1), nil)
	receive(t, e.started)
	e.kill(hostA)
	if v := job.Wait()[0]; v.Status != model.StatusFailed || v.ErrorCode != string(CodeStreamCut) || v.Text != partial || v.Stats.RetriedFrom != "" {
		t.Errorf("variant: %s %s %q, retried from %q", v.Status, v.ErrorCode, v.Text, v.Stats.RetriedFrom)
	}
}

// TestSpreadEveryReplicaDead kills both hosts of a model: the variant of the first one is
// queued for a retry, then both fail, the retried one because its second host refuses it.
func TestSpreadEveryReplicaDead(t *testing.T) {
	e := newSpreadEngine(hostA, hostB)
	ev := newStream()
	s := NewScheduler([]Engine{e}, testPresets, &fakeSink{})
	s.SetPool(everywhere(hostA, hostB))
	job := s.Start(context.Background(), revision(t), spreadVariants(t, hostA, "m1", 2), ev.on)
	ran := byPreset(receive(t, e.started), receive(t, e.started))
	e.kill(hostA)
	r := ev.await(t, "the retry queued", retryQueued).Index
	e.kill(hostB)
	for i, v := range job.Wait() {
		want := CodeStreamCut
		if i == r {
			want = CodeHostUnreachable
		}
		if v.Status != model.StatusFailed || v.ErrorCode != string(want) {
			t.Errorf("variant %d (first on %s): %s %s, want failed %s", i, ran[v.PresetID], v.Status, v.ErrorCode, want)
		}
		ev.checkLifecycle(t, i, EventFailed)
	}
}

// TestSpreadCancelRetry cancels a retried variant while its retry runs: it ends cancelled with
// the retry's partial text, the first try's kept in its Stats.
func TestSpreadCancelRetry(t *testing.T) {
	e := newSpreadEngine(hostA, hostB)
	s := NewScheduler([]Engine{e}, testPresets, &fakeSink{})
	s.SetPool(everywhere(hostA, hostB))
	job := s.Start(context.Background(), revision(t), spreadVariants(t, hostA, "m1", 1), nil)
	first := receive(t, e.started).Spec.Host
	e.kill(first)
	retry := receive(t, e.started)
	job.CancelVariant(0)
	v := job.Wait()[0]
	if retry.Spec.Host == first || v.Host != retry.Spec.Host {
		t.Errorf("retried on %s, recorded %s, after %s died", retry.Spec.Host, v.Host, first)
	}
	if v.Status != model.StatusCancelled || v.Text != partial || v.Stats.RetriedFrom != first || v.Stats.RetryText != partial {
		t.Errorf("variant: %s %q, retried from %q with %q", v.Status, v.Text, v.Stats.RetriedFrom, v.Stats.RetryText)
	}
}

// TestSpreadCancelQueuedRetry cancels a variant waiting for its retry (the other host is busy):
// it ends at once, cancelled, its first try recorded and its text empty.
func TestSpreadCancelQueuedRetry(t *testing.T) {
	e := newSpreadEngine(hostA, hostB)
	ev := newStream()
	s := NewScheduler([]Engine{e}, testPresets, &fakeSink{})
	s.SetPool(everywhere(hostA, hostB))
	job := s.Start(context.Background(), revision(t), spreadVariants(t, hostA, "m1", 2), ev.on)
	receive(t, e.started)
	receive(t, e.started)
	e.kill(hostA)
	r := ev.await(t, "the retry queued", retryQueued).Index
	job.CancelVariant(r)
	end := ev.await(t, "the cancelled retry", func(e Event) bool { return e.Index == r && e.Kind.Final() })
	want := model.Stats{RetriedFrom: hostA, RetryCode: string(CodeStreamCut), RetryText: partial}
	if v := end.Variant; end.Kind != EventCancelled || v.Text != "" || retryRecord(v.Stats) != want {
		t.Errorf("cancelled retry: %v %q with %+v, want cancelled, no text, %+v", end.Kind, v.Text, retryRecord(v.Stats), want)
	}
	e.open(hostB)
	if got := job.Wait(); got[1-r].Status != model.StatusDone || got[r].Status != model.StatusCancelled {
		t.Errorf("variants: %s and %s", got[0].Status, got[1].Status)
	}
	if _, models, _ := e.report(); len(models[hostB]) != 1 {
		t.Errorf("generations %v, want the cancelled retry never started", models)
	}
}

func TestParallelOf(t *testing.T) {
	f := parallelOf(func(_, host string) int { return map[string]int{hostA: 3, hostB: -1}[host] }, 2)
	for h, want := range map[string]int{hostA: 3, hostB: 2, "http://c": 2} {
		if n := f(hostKey{model.EngineOllama, h}); n != want {
			t.Errorf("%s: %d, want %d", h, n, want)
		}
	}
	if n := parallelOf(nil, 0)(hostKey{model.EngineOllama, hostA}); n != 1 {
		t.Errorf("no function, SetParallel 0: %d, want 1", n)
	}
}

// planSpread is a spreadEngine that plans a window per host: 1,000 tokens on hostA, 2,000 on
// hostB. It records each plan's requests as "host model" and the window each generation got.
type planSpread struct {
	*spreadEngine

	pmu     sync.Mutex
	planned [][]string
	windows map[string][]int // host → the Window of each generation
}

func (e *planSpread) PlanWindow(_ context.Context, reqs []Request) int {
	e.pmu.Lock()
	defer e.pmu.Unlock()
	var plan []string
	for _, r := range reqs {
		plan = append(plan, r.Spec.Host+" "+r.Spec.Model)
	}
	e.planned = append(e.planned, plan)
	return map[string]int{hostA: 1000, hostB: 2000}[reqs[0].Spec.Host]
}

func (e *planSpread) Generate(ctx context.Context, req Request, progress ProgressFunc) (Result, error) {
	e.pmu.Lock()
	e.windows[req.Spec.Host] = append(e.windows[req.Spec.Host], req.Window)
	e.pmu.Unlock()
	return e.spreadEngine.Generate(ctx, req, progress)
}

// TestSpreadWindowPerHost: each host plans the window of the variants it may run, with its own
// name of the model, and its generations get that window.
func TestSpreadWindowPerHost(t *testing.T) {
	e := &planSpread{spreadEngine: newSpreadEngine(hostA, hostB), windows: map[string][]int{}}
	s := NewScheduler([]Engine{e}, testPresets, &fakeSink{})
	s.SetPool(renamed)
	job := s.Start(context.Background(), revision(t), spreadVariants(t, hostA, "m1", 4), nil)
	receive(t, e.started) // one variant on each host: both have planned
	receive(t, e.started)
	e.open(hostA)
	e.open(hostB)
	job.Wait()
	want := map[string]string{hostA: hostA + " m1", hostB: hostB + " m1-b"}
	hosts := map[string]bool{}
	for _, plan := range e.planned {
		host := strings.Fields(plan[0])[0]
		hosts[host] = true
		for _, r := range plan {
			if r != want[host] {
				t.Errorf("plan %v mixes hosts or names the wrong model", plan)
			}
		}
	}
	if len(hosts) != 2 || len(e.planned) != 2 {
		t.Errorf("planned %v, want one plan per host", e.planned)
	}
	for h, ws := range e.windows {
		for _, w := range ws {
			if w != map[string]int{hostA: 1000, hostB: 2000}[h] {
				t.Errorf("%s generated with windows %v", h, ws)
			}
		}
	}
}

// TestSpreadBusyHostDoesNotHoldTheRun: a run whose last variant waits for its retry on a host
// another run holds ends as soon as that variant is cancelled, without waiting for the host.
func TestSpreadBusyHostDoesNotHoldTheRun(t *testing.T) {
	e := newSpreadEngine(hostA, hostB)
	defer e.open(hostB)
	s := NewScheduler([]Engine{e}, testPresets, &fakeSink{})
	other := s.Start(context.Background(), revision(t), spreadVariants(t, hostB, "m2", 1), nil)
	receive(t, e.started) // the other run holds hostB
	s.SetPool(everywhere(hostA, hostB))
	ev := newStream()
	job := s.Start(context.Background(), revision(t), spreadVariants(t, hostA, "m1", 1), ev.on)
	receive(t, e.started)
	e.kill(hostA)
	ev.await(t, "the retry queued", retryQueued)
	job.CancelVariant(0)
	select {
	case <-job.Done():
	case <-other.Done():
		t.Fatal("the other run ended first")
	case <-time.After(guard):
		t.Fatal("the run waits for the host the other run holds")
	}
	if v := job.Wait()[0]; v.Status != model.StatusCancelled || v.Stats.RetriedFrom != hostA {
		t.Errorf("variant: %s, retried from %q", v.Status, v.Stats.RetriedFrom)
	}
}
