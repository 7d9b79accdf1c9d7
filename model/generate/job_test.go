package generate

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

func TestSchedulerAllDone(t *testing.T) {
	sink := &fakeSink{}
	fake := &fakeEngine{name: "fake", deltas: []string{"Une ", "phrase."}}
	s := NewScheduler([]Engine{NewBuiltin(), fake}, testPresets, sink)
	s.workers = 3
	vs := variants(spec(model.EngineBuiltin, "synthese-courte"), spec(model.EngineBuiltin, "points-cles"),
		spec(model.EngineBuiltin, "decisions-actions"), spec("fake", "fake"))
	vs[0], vs[3] = vs[3], vs[0] // arrive out of order
	rec := &recorder{}
	got := s.Start(context.Background(), revision(t), vs, rec.on).Wait()
	for i, v := range got {
		if v.Index != i || v.Status != model.StatusDone || v.Text == "" || v.ErrorCode != "" {
			t.Fatalf("variant %d: %+v", i, v)
		}
		if v.Stats.Started.IsZero() || v.Stats.Finished.Before(v.Stats.Started) {
			t.Errorf("variant %d stats %+v", i, v.Stats)
		}
		rec.checkLifecycle(t, i, EventDone)
		if saved := sink.last(t, i); saved.Status != model.StatusDone || saved.Text != v.Text {
			t.Errorf("variant %d saved as %s %q", i, saved.Status, saved.Text)
		}
		if n := sink.count(i, model.StatusDone); n != 1 {
			t.Errorf("variant %d saved %d times as done, want once", i, n)
		}
		var streamed string
		for _, e := range rec.of(i) {
			streamed += e.Delta
		}
		if streamed != v.Text {
			t.Errorf("variant %d: deltas %q != text %q", i, streamed, v.Text)
		}
	}
}

func TestSchedulerFailures(t *testing.T) {
	tests := []struct {
		name     string
		engine   *fakeEngine
		spec     model.Spec
		wantCode ErrorCode
		wantText string
	}{
		{"typed engine error", &fakeEngine{name: "fake", deltas: []string{"Début."}, err: &Error{Code: "host-unreachable"}},
			spec("fake", "fake"), "host-unreachable", "Début."},
		{"plain engine error", &fakeEngine{name: "fake", deltas: []string{"Début."}, err: errors.New("boom")},
			spec("fake", "fake"), CodeInternal, "Début."},
		{"panic", &fakeEngine{name: "fake", deltas: []string{"Début."}, panicMsg: "oops"},
			spec("fake", "fake"), CodeInternal, "Début."},
		{"unknown engine", &fakeEngine{name: "fake"}, spec("ollama", "fake"), CodeEngineMissing, ""},
		{"unknown preset", &fakeEngine{name: "fake"}, spec("fake", "nope"), CodePresetMissing, ""},
		{"builtin on a model preset", &fakeEngine{name: "fake"}, spec(model.EngineBuiltin, "version-simplifiee"),
			CodeUnsupportedPreset, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sink := &fakeSink{}
			rec := &recorder{}
			s := NewScheduler([]Engine{tc.engine, NewBuiltin()}, testPresets, sink)
			v := s.Start(context.Background(), revision(t), variants(tc.spec), rec.on).Wait()[0]
			if v.Status != model.StatusFailed || ErrorCode(v.ErrorCode) != tc.wantCode || v.Error == "" || v.Text != tc.wantText {
				t.Fatalf("got %s %q %q text %q, want failed %q text %q", v.Status, v.ErrorCode, v.Error, v.Text, tc.wantCode, tc.wantText)
			}
			rec.checkLifecycle(t, 0, EventFailed)
			if saved := sink.last(t, 0); saved.Status != model.StatusFailed || saved.Text != tc.wantText {
				t.Errorf("saved %s %q", saved.Status, saved.Text)
			}
		})
	}
}

func TestSchedulerCancelRun(t *testing.T) {
	sink := &fakeSink{}
	emitted := make(chan string, 10)
	fake := &fakeEngine{name: "fake", deltas: []string{"Première phrase. "}, block: true, emitted: emitted}
	s := NewScheduler([]Engine{fake}, testPresets, sink)
	s.SetParallel(1) // the second variant is still queued when the run is cancelled
	rec := &recorder{}
	job := s.Start(context.Background(), revision(t), variants(spec("fake", "fake"), spec("fake", "fake")), rec.on)
	<-emitted
	job.Cancel()
	got := job.Wait()
	for i, want := range []string{"Première phrase. ", ""} {
		v := got[i]
		if v.Status != model.StatusCancelled || v.ErrorCode != string(CodeCancelled) || v.Text != want {
			t.Errorf("variant %d: %s %q text %q, want cancelled %q", i, v.Status, v.ErrorCode, v.Text, want)
		}
		rec.checkLifecycle(t, i, EventCancelled)
		if saved := sink.last(t, i); saved.Status != model.StatusCancelled || saved.Text != want {
			t.Errorf("variant %d saved %s %q", i, saved.Status, saved.Text)
		}
	}
	select {
	case <-job.Done():
	default:
		t.Error("Done not closed after Wait")
	}
}

func TestSchedulerCancelParentContext(t *testing.T) {
	emitted := make(chan string, 10)
	fake := &fakeEngine{name: "fake", deltas: []string{"Texte. "}, block: true, emitted: emitted}
	ctx, cancel := context.WithCancel(context.Background())
	job := NewScheduler([]Engine{fake}, testPresets, &fakeSink{}).Start(ctx, revision(t), variants(spec("fake", "fake")), nil)
	<-emitted
	cancel()
	if v := job.Wait()[0]; v.Status != model.StatusCancelled || v.Text != "Texte. " {
		t.Errorf("got %s %q", v.Status, v.Text)
	}
}

func TestSchedulerCancelOneVariant(t *testing.T) {
	sink := &fakeSink{}
	emitted := make(chan string, 10)
	slow := &fakeEngine{name: "slow", deltas: []string{"Partiel. "}, block: true, emitted: emitted}
	s := NewScheduler([]Engine{slow, NewBuiltin()}, testPresets, sink)
	s.workers = 2
	rec := &recorder{}
	job := s.Start(context.Background(), revision(t), variants(spec("slow", "fake"), spec(model.EngineBuiltin, "points-cles")), rec.on)
	<-emitted
	job.CancelVariant(0)
	job.CancelVariant(42) // unknown: ignored
	got := job.Wait()
	if got[0].Status != model.StatusCancelled || got[0].Text != "Partiel. " {
		t.Errorf("cancelled variant: %s %q", got[0].Status, got[0].Text)
	}
	if got[1].Status != model.StatusDone || got[1].Text == "" {
		t.Errorf("other variant: %s %q", got[1].Status, got[1].Text)
	}
	rec.checkLifecycle(t, 0, EventCancelled)
	rec.checkLifecycle(t, 1, EventDone)
}

func TestSchedulerIgnoresWhatComesAfterCancel(t *testing.T) {
	sink := &fakeSink{}
	emitted := make(chan string, 10)
	fake := &fakeEngine{name: "fake", deltas: []string{"Avant. "}, block: true, late: []string{"Après. ", "Encore."}, emitted: emitted}
	rec := &recorder{}
	job := NewScheduler([]Engine{fake}, testPresets, sink).Start(context.Background(), revision(t), variants(spec("fake", "fake")), rec.on)
	<-emitted
	job.CancelVariant(0)
	v := job.Wait()[0]
	if v.Text != "Avant. " || v.Status != model.StatusCancelled {
		t.Errorf("got %s %q, want the text from before the cancel", v.Status, v.Text)
	}
	if saved := sink.last(t, 0); saved.Text != "Avant. " {
		t.Errorf("saved %q", saved.Text)
	}
	rec.checkLifecycle(t, 0, EventCancelled)
}

func TestSchedulerEngineIgnoringCancel(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	emitted := make(chan string, 10)
	fake := &fakeEngine{name: "fake", deltas: []string{"Bloqué. "}, block: true, ignoreCtx: release, late: []string{"Trop tard."}, emitted: emitted}
	s := NewScheduler([]Engine{fake}, testPresets, &fakeSink{})
	s.cancelGrace = time.Millisecond
	rec := &recorder{}
	job := s.Start(context.Background(), revision(t), variants(spec("fake", "fake")), rec.on)
	<-emitted
	job.Cancel()
	if v := job.Wait()[0]; v.Status != model.StatusCancelled || v.Text != "Bloqué. " {
		t.Errorf("got %s %q", v.Status, v.Text)
	}
	rec.checkLifecycle(t, 0, EventCancelled)
}

func TestSchedulerPeriodicSaves(t *testing.T) {
	sink := &fakeSink{}
	fake := &fakeEngine{name: "fake", deltas: []string{"Un. ", "Deux. ", "Trois. ", "Quatre. ", "Cinq."}, sleep: time.Millisecond}
	s := NewScheduler([]Engine{fake}, testPresets, sink)
	s.SetSaveInterval(time.Nanosecond)
	v := s.Start(context.Background(), revision(t), variants(spec("fake", "fake")), nil).Wait()[0]
	if v.Status != model.StatusDone {
		t.Fatalf("status %s", v.Status)
	}
	sink.mu.Lock()
	defer sink.mu.Unlock()
	partial := 0
	for _, sv := range sink.saves {
		if sv.Status == model.StatusRunning && sv.Text != "" {
			partial++
		}
	}
	if partial < 2 {
		t.Errorf("%d partial saves while streaming, want at least 2", partial)
	}
}

func TestSchedulerSinkFailure(t *testing.T) {
	tests := []struct {
		name     string
		failFrom int // the first save that fails
		wantText string
	}{
		{"every save fails", 1, ""},
		{"fails while streaming", 2, "Un. "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sink := &fakeSink{fail: func(n int, _ model.Variant) error {
				if n >= tc.failFrom {
					return errors.New("disk full")
				}
				return nil
			}}
			emitted := make(chan string, 10)
			fake := &fakeEngine{name: "fake", deltas: []string{"Un. ", "Deux. "}, sleep: time.Millisecond, block: true, emitted: emitted}
			s := NewScheduler([]Engine{fake}, testPresets, sink)
			s.SetSaveInterval(time.Nanosecond)
			rec := &recorder{}
			v := s.Start(context.Background(), revision(t), variants(spec("fake", "fake")), rec.on).Wait()[0]
			if v.Status != model.StatusFailed || v.ErrorCode != string(CodeSaveFailed) || v.Text != tc.wantText {
				t.Errorf("got %s %q text %q", v.Status, v.ErrorCode, v.Text)
			}
			rec.checkLifecycle(t, 0, EventFailed)
			if last := rec.of(0)[len(rec.of(0))-1]; last.Variant.Text != tc.wantText {
				t.Errorf("final event text %q", last.Variant.Text)
			}
		})
	}
}

func TestSchedulerFinalSaveFailure(t *testing.T) {
	sink := &fakeSink{fail: func(_ int, v model.Variant) error {
		if v.Status.Final() {
			return errors.New("disk full")
		}
		return nil
	}}
	v := NewScheduler([]Engine{NewBuiltin()}, testPresets, sink).
		Start(context.Background(), revision(t), variants(spec(model.EngineBuiltin, "points-cles")), nil).Wait()[0]
	if v.Status != model.StatusFailed || v.ErrorCode != string(CodeSaveFailed) || v.Text == "" {
		t.Errorf("got %s %q text %q", v.Status, v.ErrorCode, v.Text)
	}
}

func TestSchedulerEmptyRun(t *testing.T) {
	job := NewScheduler(nil, nil, nil).Start(context.Background(), model.Revision{}, nil, nil)
	if got := job.Wait(); len(got) != 0 {
		t.Errorf("got %d variants", len(got))
	}
}

func TestSetSaveInterval(t *testing.T) {
	s := NewScheduler(nil, nil, nil)
	for _, tc := range []struct{ in, want time.Duration }{
		{500 * time.Millisecond, 500 * time.Millisecond}, {0, DefaultSaveInterval}, {-time.Second, DefaultSaveInterval},
	} {
		t.Run(tc.in.String(), func(t *testing.T) {
			s.SetSaveInterval(tc.in)
			if s.saveInterval != tc.want {
				t.Errorf("got %v, want %v", s.saveInterval, tc.want)
			}
		})
	}
}

func TestEventKindString(t *testing.T) {
	for k, want := range map[EventKind]string{
		EventQueued: "queued", EventLoading: "loading", EventDelta: "delta", EventDone: "done",
		EventFailed: "failed", EventCancelled: "cancelled", EventKind(99): "unknown", EventKind(-1): "unknown",
	} {
		if got := k.String(); got != want {
			t.Errorf("%d: got %q, want %q", int(k), got, want)
		}
	}
}

func TestSchedulerLiveTokens(t *testing.T) {
	tests := []struct {
		name       string
		engine     Engine
		spec       model.Spec
		perDelta   func(delta string) int
		paced      bool // time passes between deltas, so the rate is known from the second
		wantTokens int  // in the final variant
	}{
		{"one token per delta, engine count wins", &fakeEngine{name: "fake", deltas: []string{"Un", " deux", " trois", " quatre"}, sleep: time.Millisecond},
			spec("fake", "fake"), func(string) int { return 1 }, true, 3},
		{"engine without a count", &loadEngine{name: model.EngineOllama, stats: model.Stats{PromptTokens: 5}},
			ollamaSpec(hostA, "m1", "fake"), func(string) int { return 1 }, false, 3},
		{"words for the built-in engine", &Builtin{Pace: time.Millisecond},
			spec(model.EngineBuiltin, "points-cles"), analysis.WordCount, true, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recorder{}
			v := NewScheduler([]Engine{tc.engine}, testPresets, nil).Start(context.Background(), revision(t), variants(tc.spec), rec.on).Wait()[0]
			checkLiveTokens(t, rec.of(0), tc.perDelta, tc.paced)
			want := tc.wantTokens
			if want == 0 {
				want = analysis.WordCount(v.Text)
			}
			if v.Stats.OutputTokens != want {
				t.Errorf("final OutputTokens %d, want %d", v.Stats.OutputTokens, want)
			}
		})
	}
}

// checkLiveTokens verifies every delta event carries the tokens counted so far and, from the
// second delta on when paced, a positive rate.
func checkLiveTokens(t *testing.T, evs []Event, perDelta func(string) int, paced bool) {
	t.Helper()
	tokens, deltas := 0, 0
	for _, e := range evs {
		if e.Kind != EventDelta || e.Delta == "" {
			continue
		}
		deltas++
		tokens += perDelta(e.Delta)
		st := e.Variant.Stats
		if st.OutputTokens != tokens {
			t.Errorf("delta %d: OutputTokens %d, want %d", deltas, st.OutputTokens, tokens)
		}
		if paced && deltas > 1 && st.TokensPerSecond <= 0 {
			t.Errorf("delta %d: TokensPerSecond %v", deltas, st.TokensPerSecond)
		}
		if st.FirstToken <= 0 {
			t.Errorf("delta %d: FirstToken %v", deltas, st.FirstToken)
		}
	}
	if deltas < 2 {
		t.Fatalf("%d deltas", deltas)
	}
}
