package ollama

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
	"github.com/rapporteur/rapporteur/model/store"
)

// Integration tests of streaming, cancelling and the stall watchdog against the real Ollama
// server of ../shared/ollama (see ollamatest.Real). CI runs them with -run '^TestReal' -p 1.

// realSource is a short report: the tiny models read about one token per character, so a
// short source keeps each prompt evaluation under a second.
const realSource = "Le mardi 14 octobre 2025, 42 habitant·es du quartier des Tilleuls se sont réunis " +
	"pour discuter du réaménagement de la place. Le scénario B a recueilli 27 voix sur 42."

// realSeed fixes what the random-weight models write. Unseeded, tiny sometimes stops after a
// token or two, which may leave no text at all (CodeEmptyOutput); with this seed its answer
// to realSource is always the same.
const realSeed = 7

// realRequest asks modelName on host for a short synthesis of realSource, at most numPredict
// tokens (0: no cap), with realSeed.
func realRequest(t *testing.T, host, modelName string, numPredict int) generate.Request {
	t.Helper()
	req := newRequest(t, host, modelName, "synthese-courte", realSource)
	seed := realSeed
	req.Spec.Options.NumPredict, req.Spec.Options.Seed = numPredict, &seed
	return req
}

// workspace is a real store holding one report, its revision and a run of one variant.
type workspace struct {
	st       *store.Store
	rev      model.Revision
	runID    int64
	variants []model.Variant
}

// newWorkspace stores req's report in a new workspace and creates a run of req.Spec.
func newWorkspace(ctx context.Context, t *testing.T, req generate.Request) workspace {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r, err := st.CreateReport(ctx, model.Report{Meta: req.Source.Meta, Body: req.Source.Body})
	if err != nil {
		t.Fatal(err)
	}
	ws := workspace{st: st}
	if ws.rev, err = st.Snapshot(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	run, vs, err := st.CreateRun(ctx, model.Run{RevisionID: ws.rev.ID, Specs: []model.Spec{req.Spec}})
	if err != nil {
		t.Fatal(err)
	}
	ws.runID, ws.variants = run.ID, vs
	return ws
}

// stored returns the run's only variant as the workspace holds it.
func (ws workspace) stored(ctx context.Context, t *testing.T) model.Variant {
	t.Helper()
	vs, err := ws.st.Variants(ctx, ws.runID)
	if err != nil || len(vs) != 1 {
		t.Fatalf("stored variants %+v, %v", vs, err)
	}
	return vs[0]
}

// savesSink records every variant saved, then saves it to the workspace.
type savesSink struct {
	next  generate.Sink
	mu    sync.Mutex
	saves []model.Variant
}

func (s *savesSink) SaveVariant(ctx context.Context, v model.Variant) error {
	s.mu.Lock()
	s.saves = append(s.saves, v)
	s.mu.Unlock()
	return s.next.SaveVariant(ctx, v)
}

func (s *savesSink) all() []model.Variant {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]model.Variant(nil), s.saves...)
}

// events collects a job's events; safe for concurrent use.
type events struct {
	mu   sync.Mutex
	list []generate.Event
}

func (e *events) add(ev generate.Event) {
	e.mu.Lock()
	e.list = append(e.list, ev)
	e.mu.Unlock()
}

// deltas returns the EventDelta deltas in order.
func (e *events) deltas() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []string
	for _, ev := range e.list {
		if ev.Kind == generate.EventDelta {
			out = append(out, ev.Delta)
		}
	}
	return out
}

// last returns the last event's kind.
func (e *events) last() generate.EventKind {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.list[len(e.list)-1].Kind
}

// TestRealSchedulerStreamsIntoStore streams 400 tokens of tiny-long through the Scheduler into
// a real workspace: partial saves are made as the text grows, and the final save holds exactly
// the streamed deltas, with the real server's eval_count and done_reason.
func TestRealSchedulerStreamsIntoStore(t *testing.T) {
	host := ollamatest.Real(t)
	ctx := realContext(t, 2*time.Minute)
	const numPredict = 400
	req := realRequest(t, host, ollamatest.RealTinyLong, numPredict)
	ws := newWorkspace(ctx, t, req)
	sink := &savesSink{next: ws.st}
	sched := generate.NewScheduler([]generate.Engine{NewEngine(Options{})}, model.BuiltinPresets(), sink)
	sched.SetSaveInterval(time.Millisecond)
	evs := &events{}
	got := sched.Start(ctx, ws.rev, ws.variants, evs.add).Wait()[0]
	streamed := strings.Join(evs.deltas(), "")

	v := ws.stored(ctx, t)
	t.Logf("%d deltas, %d saves, stats %+v", len(evs.deltas()), len(sink.all()), v.Stats)
	if got.Status != model.StatusDone || v.Status != model.StatusDone || evs.last() != generate.EventDone {
		t.Fatalf("status %s, stored %s (%s), last event %s", got.Status, v.Status, v.Error, evs.last())
	}
	if streamed == "" || v.Text != streamed || got.Text != streamed {
		t.Errorf("stored text %q, job text %q, deltas %q", v.Text, got.Text, streamed)
	}
	if v.Stats.DoneReason != "length" || v.Stats.OutputTokens != numPredict {
		t.Errorf("done_reason %q, output tokens %d; want length, %d", v.Stats.DoneReason, v.Stats.OutputTokens, numPredict)
	}
	if v.Prompt != Messages(generate.Request{Source: ws.rev, Preset: req.Preset, Spec: req.Spec})[0].Content {
		t.Errorf("stored prompt %q is not the system message sent", v.Prompt)
	}
	checkPartialSaves(t, sink.all(), streamed)
}

// checkPartialSaves checks that saves holds at least three partial saves of a running variant,
// each a longer prefix of final than the one before, and ends with the final save of final.
func checkPartialSaves(t *testing.T, saves []model.Variant, final string) {
	t.Helper()
	prev, partial := "", 0
	for _, s := range saves {
		if s.Status != model.StatusRunning || s.Text == "" {
			continue
		}
		partial++
		if len(s.Text) <= len(prev) || !strings.HasPrefix(s.Text, prev) || !strings.HasPrefix(final, s.Text) {
			t.Fatalf("partial save %d %q does not grow %q towards %q", partial, s.Text, prev, final)
		}
		prev = s.Text
	}
	if partial < 3 {
		t.Errorf("%d partial saves of the running variant, want at least 3", partial)
	}
	if end := saves[len(saves)-1]; end.Status != model.StatusDone || end.Text != final {
		t.Errorf("last save %s %q, want done with the streamed text", end.Status, end.Text)
	}
}

// TestRealCancelKeepsDeltas cancels tiny-long (which never stops by itself) after a few deltas
// from the event callback: the variant ends cancelled, keeps exactly the text received before
// the cancel, and the next request to the same model is answered (see Ollama bug #17131).
func TestRealCancelKeepsDeltas(t *testing.T) {
	host := ollamatest.Real(t)
	ctx := realContext(t, 2*time.Minute)
	const cancelAfter = 20
	req := realRequest(t, host, ollamatest.RealTinyLong, 0)
	ws := newWorkspace(ctx, t, req)
	sched := generate.NewScheduler([]generate.Engine{NewEngine(Options{})}, model.BuiltinPresets(), ws.st)
	// A save on every delta keeps the client behind the server, so that lines are waiting in
	// the buffers when the cancel comes: none of them may reach the variant.
	sched.SetSaveInterval(time.Nanosecond)
	started := make(chan *generate.Job, 1)
	evs := &events{}
	var n int // onEvent calls are serialised by the job
	var cancelledAt time.Time
	onEvent := func(ev generate.Event) {
		evs.add(ev)
		if ev.Kind == generate.EventDelta {
			if n++; n == cancelAfter {
				cancelledAt = time.Now()
				(<-started).CancelVariant(ev.Index)
			}
		}
	}
	begin := time.Now()
	job := sched.Start(ctx, ws.rev, ws.variants, onEvent)
	started <- job
	got := job.Wait()[0]
	t.Logf("cancelled %v after the start, the job ended %v later", cancelledAt.Sub(begin), time.Since(cancelledAt))

	deltas := evs.deltas()
	v := ws.stored(ctx, t)
	if got.Status != model.StatusCancelled || v.Status != model.StatusCancelled || evs.last() != generate.EventCancelled {
		t.Fatalf("status %s, stored %s (%s), last event %s", got.Status, v.Status, v.Error, evs.last())
	}
	if len(deltas) != cancelAfter {
		t.Errorf("%d deltas, want %d: a delta came after the cancel", len(deltas), cancelAfter)
	}
	if want := strings.Join(deltas, ""); v.Text != want || got.Text != want {
		t.Errorf("kept %q (job %q), want the deltas before the cancel %q", v.Text, got.Text, want)
	}
	checkNextRequest(ctx, t, host)
}

// checkNextRequest checks tiny-long still answers after a cancel. A slot held by Ollama bug
// #17131 shows as CodeStalled after 30 s instead of an answer.
func checkNextRequest(ctx context.Context, t *testing.T, host string) {
	t.Helper()
	e := NewEngine(Options{StallTimeout: 10 * time.Second, LoadTimeout: 30 * time.Second})
	res, err := e.Generate(ctx, realRequest(t, host, ollamatest.RealTinyLong, 10), nil)
	if err != nil {
		t.Fatalf("request after the cancel (Ollama bug #17131 holds the slot?): %v", err)
	}
	if res.Stats.DoneReason != "length" || res.Stats.OutputTokens != 10 {
		t.Errorf("request after the cancel: %q, %d tokens", res.Stats.DoneReason, res.Stats.OutputTokens)
	}
}

// TestRealStallWatchdogSparesSlowPrompt reads a ~10,000-token prompt, which takes the real
// server far longer than the 3 s stall timeout, before the first token: the watchdog must
// leave it alone (the load timeout covers the wait before the first line). About 30-40 s.
func TestRealStallWatchdogSparesSlowPrompt(t *testing.T) {
	host := ollamatest.Real(t)
	ctx := realContext(t, 2*time.Minute)
	const stall, numPredict = 3 * time.Second, 20
	// The nonce keeps a cached prefix of an earlier run from shortening the evaluation.
	body := fmt.Sprintf("Référence %d\n\n%s", time.Now().UnixNano(), longReport(12))
	// tiny-long rather than tiny: it never stops by itself, so done_reason and eval_count are fixed.
	req := newRequest(t, host, ollamatest.RealTinyLong, "synthese-courte", body)
	req.Spec.Options.NumPredict = numPredict
	res, err := NewEngine(Options{StallTimeout: stall}).Generate(ctx, req, nil)
	s := res.Stats
	t.Logf("%d prompt tokens read in %v (stall timeout %v), load %v, first token after %v, total %v",
		s.PromptTokens, s.PromptEval, stall, s.Load, s.FirstToken, s.Total)
	if err != nil {
		t.Fatalf("code %s: %v", generate.CodeOf(err), err)
	}
	if s.PromptTokens < 9500 || s.PromptEval <= stall {
		t.Errorf("%d prompt tokens in %v: the prompt did not take longer than the stall timeout %v", s.PromptTokens, s.PromptEval, stall)
	}
	if s.DoneReason != "length" || s.OutputTokens != numPredict || s.SourceTruncated {
		t.Errorf("done %q, %d tokens, truncated %v", s.DoneReason, s.OutputTokens, s.SourceTruncated)
	}
}
