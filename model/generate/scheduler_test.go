package generate

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// fakeSink records every save; fail, when set, decides whether a save fails.
type fakeSink struct {
	mu    sync.Mutex
	saves []model.Variant
	fail  func(n int, v model.Variant) error // n counts saves from 1
}

func (s *fakeSink) SaveVariant(_ context.Context, v model.Variant) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		if err := s.fail(len(s.saves)+1, v); err != nil {
			return err
		}
	}
	s.saves = append(s.saves, v)
	return nil
}

// last returns the last saved state of the variant with the given index.
func (s *fakeSink) last(t *testing.T, index int) model.Variant {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.saves) - 1; i >= 0; i-- {
		if s.saves[i].Index == index {
			return s.saves[i]
		}
	}
	t.Fatalf("variant %d never saved", index)
	return model.Variant{}
}

func (s *fakeSink) count(index int, status model.Status) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.saves {
		if v.Index == index && v.Status == status {
			n++
		}
	}
	return n
}

// fakeEngine streams deltas, then ends as told.
type fakeEngine struct {
	name      string
	deltas    []string
	sleep     time.Duration // before each delta
	err       error         // returned at the end
	panicMsg  string        // panics at the end
	block     bool          // after the deltas, waits for cancellation
	ignoreCtx chan struct{} // with block: waits for this channel instead, ignoring ctx
	late      []string      // deltas sent after cancellation, which must be ignored
	emitted   chan string   // receives each delta sent, if not nil
}

func (e *fakeEngine) Name() string { return e.name }

func (e *fakeEngine) Generate(ctx context.Context, req Request, progress ProgressFunc) (Result, error) {
	var text strings.Builder
	progress(Progress{Stage: StageLoading, Fraction: -1})
	for i, d := range e.deltas {
		time.Sleep(e.sleep)
		if ctx.Err() != nil && e.ignoreCtx == nil {
			return Result{Text: text.String()}, ctx.Err()
		}
		text.WriteString(d)
		progress(Progress{Stage: StageWriting, Delta: d, Fraction: float64(i+1) / float64(len(e.deltas))})
		if e.emitted != nil {
			e.emitted <- d
		}
	}
	switch {
	case e.block && e.ignoreCtx != nil:
		<-e.ignoreCtx
	case e.block:
		<-ctx.Done()
	}
	for _, d := range e.late {
		text.WriteString(d)
		progress(Progress{Stage: StageWriting, Delta: d})
	}
	if e.panicMsg != "" {
		panic(e.panicMsg)
	}
	if e.block {
		return Result{Text: text.String(), Stats: model.Stats{OutputTokens: 3}}, ctx.Err()
	}
	return Result{Text: text.String(), Stats: model.Stats{OutputTokens: 3}}, e.err
}

// recorder collects events and checks they are never delivered concurrently.
type recorder struct {
	mu       sync.Mutex
	inFlight atomic.Int32
	events   []Event
	overlap  bool
}

func (r *recorder) on(e Event) {
	if r.inFlight.Add(1) > 1 {
		r.overlap = true
	}
	r.mu.Lock()
	r.events = append(r.events, e)
	r.mu.Unlock()
	r.inFlight.Add(-1)
}

func (r *recorder) of(index int) []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Event
	for _, e := range r.events {
		if e.Index == index {
			out = append(out, e)
		}
	}
	return out
}

// checkLifecycle verifies a variant's events: queued first, one final event, last.
func (r *recorder) checkLifecycle(t *testing.T, index int, want EventKind) {
	t.Helper()
	evs := r.of(index)
	if len(evs) < 2 || evs[0].Kind != EventQueued || evs[len(evs)-1].Kind != want {
		t.Fatalf("variant %d events %v, want queued … %v", index, kinds(evs), want)
	}
	for _, e := range evs[:len(evs)-1] {
		if e.Kind.Final() {
			t.Errorf("variant %d: final event %v before the end", index, e.Kind)
		}
	}
	if r.overlap {
		t.Error("onEvent called concurrently")
	}
}

func kinds(evs []Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Kind.String())
	}
	return out
}

func variants(specs ...model.Spec) []model.Variant {
	out := make([]model.Variant, len(specs))
	for i, s := range specs {
		out[i] = model.Variant{ID: int64(i + 1), RunID: 1, RevisionID: 1, Index: i, Spec: s, Status: model.StatusQueued}
	}
	return out
}

func spec(engine, preset string) model.Spec {
	return model.Spec{Engine: engine, PresetID: preset}
}

var testPresets = append(model.BuiltinPresets(), model.Preset{ID: "fake", Name: model.Localized{model.French: "Faux"}})

func revision(t *testing.T) model.Revision {
	f := fixtures(t)[0]
	return model.Revision{ID: 1, ReportID: 1, Number: 1, Meta: model.Meta{Title: "Atelier", Kind: model.KindWorkshop, Language: f.lang}, Body: f.body}
}
