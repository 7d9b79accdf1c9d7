package generate

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// guard bounds how long a test waits for something that must happen; it only turns a hang
// into a failure and never measures anything.
const guard = 10 * time.Second

// loadEngine is a fake model server. Each host holds one loaded model at a time: a request for
// another model loads it, which is counted and reported as StageLoading. It records whether two models ever ran at once on one host and how many
// generations of one model ran at once.
type loadEngine struct {
	name    string
	started chan Request  // if not nil (and buffered), receives each request once its model is loaded
	hold    chan struct{} // if not nil, a generation waits for it to close, or for its ctx, before writing
	deltas  []string      // the text, streamed piece by piece; a default when nil
	stats   model.Stats   // returned with the result

	mu        sync.Mutex
	loaded    map[string]string         // host → model loaded
	active    map[string]map[string]int // host → model → generations running
	loads     map[[2]string]int         // (host, model) → loads
	starts    []string                  // "host model", in the order generations started
	mixed     bool                      // two models ran at once on one host
	maxActive int                       // most generations of one model at once on one host
}

func (e *loadEngine) Name() string { return e.name }

func (e *loadEngine) Generate(ctx context.Context, req Request, progress ProgressFunc) (Result, error) {
	host, m := req.Spec.Host, req.Spec.Model
	if e.enter(host, m) {
		progress(Progress{Stage: StageLoading, Fraction: -1})
	}
	defer e.leave(host, m)
	if e.started != nil {
		e.started <- req
	}
	if e.hold != nil {
		select {
		case <-e.hold:
		case <-ctx.Done():
			return Result{}, ctx.Err()
		}
	}
	deltas := e.deltas
	if deltas == nil {
		deltas = []string{"Un ", "deux ", "trois."}
	}
	var text strings.Builder
	for _, d := range deltas {
		if err := ctx.Err(); err != nil {
			return Result{Text: text.String()}, err
		}
		text.WriteString(d)
		progress(Progress{Stage: StageWriting, Delta: d, Fraction: -1})
	}
	return Result{Text: text.String(), Stats: e.stats}, nil
}

// enter records the start of a generation of m on host and reports whether it loaded m.
func (e *loadEngine) enter(host, m string) (loaded bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.loaded == nil {
		e.loaded, e.active, e.loads = map[string]string{}, map[string]map[string]int{}, map[[2]string]int{}
	}
	if e.active[host] == nil {
		e.active[host] = map[string]int{}
	}
	for other, n := range e.active[host] {
		if other != m && n > 0 {
			e.mixed = true
		}
	}
	if e.loaded[host] != m {
		e.loaded[host] = m
		e.loads[[2]string{host, m}]++
		loaded = true
	}
	e.active[host][m]++
	e.maxActive = max(e.maxActive, e.active[host][m])
	e.starts = append(e.starts, host+" "+m)
	return loaded
}

// leave records the end of a generation of m on host.
func (e *loadEngine) leave(host, m string) {
	e.mu.Lock()
	e.active[host][m]--
	e.mu.Unlock()
}

// totalLoads returns the loads of every model on every host.
func (e *loadEngine) totalLoads() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, c := range e.loads {
		n += c
	}
	return n
}

// report returns the engine's records, read under its lock.
func (e *loadEngine) report() (loads map[[2]string]int, starts []string, mixed bool, maxActive int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.loads, append([]string(nil), e.starts...), e.mixed, e.maxActive
}

// watcher is a recorder that also hands every final event to a channel, so a test can wait
// for a variant to end.
type watcher struct {
	*recorder
	final chan Event
	ended map[int]Event // final events taken from the channel; used by the test's goroutine only
}

func newWatcher() *watcher {
	return &watcher{recorder: &recorder{}, final: make(chan Event, 64), ended: map[int]Event{}}
}

func (w *watcher) on(e Event) {
	w.recorder.on(e)
	if e.Kind.Final() {
		w.final <- e
	}
}

// waitFinal waits for the final event of the variant with the given index and returns it.
func (w *watcher) waitFinal(t *testing.T, index int) Event {
	t.Helper()
	timeout := time.After(guard)
	for {
		if e, ok := w.ended[index]; ok {
			return e
		}
		select {
		case e := <-w.final:
			w.ended[e.Index] = e
		case <-timeout:
			t.Fatalf("variant %d never ended", index)
		}
	}
}

// receive returns the next request an engine started, failing the test if none comes.
func receive(t *testing.T, started <-chan Request) Request {
	t.Helper()
	select {
	case r := <-started:
		return r
	case <-time.After(guard):
		t.Fatal("no generation started")
	}
	return Request{}
}

// ollamaSpec returns the spec of an Ollama-like variant.
func ollamaSpec(host, modelName, preset string) model.Spec {
	return model.Spec{Engine: model.EngineOllama, Host: host, Model: modelName, PresetID: preset}
}

// modelPresets are three presets the fake engines serve.
var modelPresets = []string{"synthese-courte", "points-cles", "decisions-actions"}

// interleaved returns the variants of every model × preset on host, in the naive order:
// model 1 / preset 1, model 2 / preset 1, …, model 1 / preset 2, …
func interleaved(host string, models ...string) []model.Variant {
	var specs []model.Spec
	for _, p := range modelPresets {
		for _, m := range models {
			specs = append(specs, ollamaSpec(host, m, p))
		}
	}
	return variants(specs...)
}
