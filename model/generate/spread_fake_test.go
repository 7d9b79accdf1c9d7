package generate

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// partial is what a spreadEngine generation writes before it waits for its host's gate.
const partial = "Texte partiel "

// spreadEngine is a fake model server on several hosts. A generation writes partial, reports
// itself on started, then waits for its host's gate to open (and writes the rest), for its
// host to die (and returns its partial text with CodeStreamCut, as a cut stream does), or for
// its context. A dead host refuses new generations with CodeHostUnreachable. fail, when set,
// gives the error a generation on a host ends with instead of its text.
type spreadEngine struct {
	started chan Request
	gates   map[string]chan struct{} // host → closed to let its generations finish
	deaths  map[string]chan struct{} // host → closed when the host dies
	fail    map[string]error         // host → the error its generations end with

	mu        sync.Mutex
	active    map[string]int      // host → generations running
	maxActive map[string]int      // host → most generations running at once
	models    map[string][]string // host → the model of each generation, in start order
	mixed     bool                // two models ran at once on one host
}

func newSpreadEngine(hosts ...string) *spreadEngine {
	e := &spreadEngine{started: make(chan Request, 64), gates: map[string]chan struct{}{}, deaths: map[string]chan struct{}{},
		active: map[string]int{}, maxActive: map[string]int{}, models: map[string][]string{}}
	for _, h := range hosts {
		e.gates[h], e.deaths[h] = make(chan struct{}), make(chan struct{})
	}
	return e
}

func (e *spreadEngine) Name() string { return model.EngineOllama }

func (e *spreadEngine) Generate(ctx context.Context, req Request, progress ProgressFunc) (Result, error) {
	host := req.Spec.Host
	select {
	case <-e.deaths[host]:
		return Result{}, newError(CodeHostUnreachable, "connection refused")
	default:
	}
	e.enter(host, req.Spec.Model)
	defer e.leave(host)
	progress(Progress{Stage: StageWriting, Delta: partial, Fraction: -1})
	e.started <- req
	select {
	case <-e.gates[host]:
	case <-e.deaths[host]:
		return Result{Text: partial}, newError(CodeStreamCut, "unexpected EOF")
	case <-ctx.Done():
		return Result{Text: partial}, ctx.Err()
	}
	if err := e.fail[host]; err != nil {
		return Result{Text: partial}, err
	}
	progress(Progress{Stage: StageWriting, Delta: "fin.", Fraction: 1})
	return Result{Text: partial + "fin.", Stats: model.Stats{OutputTokens: 2, Where: model.PlaceNetwork, WhereHost: host}}, nil
}

func (e *spreadEngine) enter(host, m string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	models := e.models[host]
	if e.active[host] > 0 && models[len(models)-1] != m {
		e.mixed = true
	}
	e.models[host] = append(models, m)
	e.active[host]++
	e.maxActive[host] = max(e.maxActive[host], e.active[host])
}

func (e *spreadEngine) leave(host string) {
	e.mu.Lock()
	e.active[host]--
	e.mu.Unlock()
}

// report returns the engine's records, read under its lock.
func (e *spreadEngine) report() (maxActive map[string]int, models map[string][]string, mixed bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	models = map[string][]string{}
	for h, ms := range e.models {
		models[h] = append([]string(nil), ms...)
	}
	maxActive = map[string]int{}
	for h, n := range e.maxActive {
		maxActive[h] = n
	}
	return maxActive, models, e.mixed
}

// open lets the generations of host finish.
func (e *spreadEngine) open(host string) { close(e.gates[host]) }

// kill makes host die.
func (e *spreadEngine) kill(host string) { close(e.deaths[host]) }

// everywhere is a Pool that finds every model on each of hosts, under its own name.
func everywhere(hosts ...string) Pool {
	return func(s model.Spec) []Replica {
		var out []Replica
		for _, h := range hosts {
			out = append(out, Replica{Host: h, Model: s.Model})
		}
		return out
	}
}

// stream is an onEvent that hands every event to a channel, so a test can wait for one.
type stream struct {
	*recorder
	events chan Event
}

func newStream() *stream { return &stream{recorder: &recorder{}, events: make(chan Event, 512)} }

func (s *stream) on(e Event) {
	s.recorder.on(e)
	s.events <- e
}

// await returns the first event that satisfies ok, failing the test if none comes.
func (s *stream) await(t *testing.T, what string, ok func(Event) bool) Event {
	t.Helper()
	timeout := time.After(guard)
	for {
		select {
		case e := <-s.events:
			if ok(e) {
				return e
			}
		case <-timeout:
			t.Fatalf("never saw %s", what)
		}
	}
}

// byPreset returns, from a started request, the preset that identifies its variant.
func byPreset(reqs ...Request) map[string]string {
	out := map[string]string{}
	for _, r := range reqs {
		out[r.Preset.ID] = r.Spec.Host
	}
	return out
}

// spreadPresets are the presets of spreadVariants, one per variant.
var spreadPresets = []string{"synthese-courte", "points-cles", "decisions-actions", "fake", "compte-rendu-detaille", "version-simplifiee", "lettre-information"}

// spreadVariants returns n variants of model m written for host, each with its own preset.
func spreadVariants(t *testing.T, host, m string, n int) []model.Variant {
	t.Helper()
	if n > len(spreadPresets) {
		t.Fatalf("at most %d variants", len(spreadPresets))
	}
	var specs []model.Spec
	for _, p := range spreadPresets[:n] {
		if _, ok := model.FindPreset(testPresets, p); !ok {
			t.Fatalf("no preset %q", p)
		}
		specs = append(specs, ollamaSpec(host, m, p))
	}
	return variants(specs...)
}
