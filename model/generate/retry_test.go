package generate

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// flakyEngine fails its first generation after some text, and succeeds afterwards.
type flakyEngine struct{ calls atomic.Int32 }

func (e *flakyEngine) Name() string { return "flaky" }

func (e *flakyEngine) Generate(_ context.Context, _ Request, progress ProgressFunc) (Result, error) {
	if e.calls.Add(1) == 1 {
		progress(Progress{Stage: StageWriting, Delta: "Partiel "})
		return Result{Text: "Partiel "}, &Error{Code: "stream-cut", Err: errors.New("connection reset")}
	}
	progress(Progress{Stage: StageWriting, Delta: "Texte "})
	progress(Progress{Stage: StageWriting, Delta: "complet."})
	return Result{Text: "Texte complet.", Stats: model.Stats{OutputTokens: 2, PromptTokens: 9}}, nil
}

func TestRetryFailedVariant(t *testing.T) {
	sink := &fakeSink{}
	e := &flakyEngine{}
	s := NewScheduler([]Engine{e}, testPresets, sink)
	vs := variants(spec("missing", "fake"), spec("flaky", "fake")) // the first is not retried
	first := s.Start(context.Background(), revision(t), vs, nil).Wait()
	failed := first[1]
	if failed.Status != model.StatusFailed || failed.ErrorCode != "stream-cut" || failed.Text != "Partiel " {
		t.Fatalf("first run: %s %q %q", failed.Status, failed.ErrorCode, failed.Text)
	}
	rec := &recorder{}
	again := s.Retry(context.Background(), revision(t), failed, rec.on).Wait()
	if len(again) != 1 {
		t.Fatalf("retry returned %d variants", len(again))
	}
	v := again[0]
	if v.ID != failed.ID || v.Index != 1 || v.Status != model.StatusDone || v.Text != "Texte complet." || v.Error != "" || v.ErrorCode != "" {
		t.Errorf("retried: %+v", v)
	}
	if v.Stats.PromptTokens != 9 || v.Stats.Started.Before(failed.Stats.Finished) {
		t.Errorf("retried stats %+v not the new generation's", v.Stats)
	}
	checkRetried(t, rec, sink, v)
	if n := e.calls.Load(); n != 2 {
		t.Errorf("engine called %d times, want 2", n)
	}
}

// checkRetried verifies the events and saves of a retried variant v.
func checkRetried(t *testing.T, rec *recorder, sink *fakeSink, v model.Variant) {
	t.Helper()
	rec.checkLifecycle(t, v.Index, EventDone)
	if q := rec.of(v.Index)[0].Variant; q.Status != model.StatusQueued || q.Text != "" || q.Error != "" || q.Stats != (model.Stats{}) {
		t.Errorf("queued again as %+v, want a reset variant", q)
	}
	if saved := sink.last(t, v.Index); saved.ID != v.ID || saved.Status != model.StatusDone || saved.Text != v.Text {
		t.Errorf("saved %d %s %q", saved.ID, saved.Status, saved.Text)
	}
}

func TestRetryCancelledVariant(t *testing.T) {
	emitted := make(chan string, 10)
	fake := &fakeEngine{name: "fake", deltas: []string{"Début. "}, block: true, emitted: emitted}
	s := NewScheduler([]Engine{fake}, testPresets, &fakeSink{})
	job := s.Start(context.Background(), revision(t), variants(spec("fake", "fake")), nil)
	<-emitted
	job.Cancel()
	cancelled := job.Wait()[0]
	if cancelled.Status != model.StatusCancelled {
		t.Fatalf("first run: %s", cancelled.Status)
	}
	fake.block = false
	v := s.Retry(context.Background(), revision(t), cancelled, nil).Wait()[0]
	if v.Status != model.StatusDone || v.Text != "Début. " || v.ErrorCode != "" {
		t.Errorf("retried: %s %q %q", v.Status, v.Text, v.ErrorCode)
	}
}
