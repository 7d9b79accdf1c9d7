package generate

import (
	"cmp"
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
	"github.com/rapporteur/rapporteur/model/power"
)

// Job is one run of variants being generated.
type Job struct {
	sched        *Scheduler
	rev          model.Revision
	presets      []model.Preset // the scheduler's presets when the job started; read only
	ctx          context.Context
	cancel       context.CancelFunc
	saveCtx      context.Context // not cancelled with the run: a cancelled variant is still saved
	onEvent      func(Event)
	saveInterval time.Duration
	grace        time.Duration
	meter        EnergyMeter
	done         chan struct{}
	lanes        []*lane
	laneOf       map[hostKey]*lane
	pending      sync.WaitGroup // the variants not yet final
	sessions     sync.WaitGroup // the sessions started for a retry (see ensureServed)

	deadMu sync.Mutex
	dead   map[string]bool // the hosts a variant of the job saw die

	// mu guards every slot's variant and final flag, and serialises calls to onEvent.
	mu    sync.Mutex
	slots []*slot // in Index order
}

// slot is one variant of the job and what its generation needs.
type slot struct {
	index    int // the variant's Index, read without the lock
	v        model.Variant
	ctx      context.Context
	cancel   context.CancelFunc
	stopped  atomic.Bool // cancelled by the user: what arrives afterwards is ignored
	claimed  atomic.Bool // taken by a worker, or ended while queued: only one of them runs it
	unwatch  func() bool // stops the watcher that ends the variant if cancelled while queued
	window   int         // the context window its group shares on its host (see WindowPlanner); set before it runs
	retried  bool        // it was started again after its host died; read and set by its worker
	died     bool        // its host died while it ran; under its group's mu
	deadHost string      // that host; under its group's mu

	// Under Job.mu.
	text     strings.Builder
	final    bool // the outcome is decided; nothing changes the variant any more
	lastSave time.Time
	firstAt  time.Time
	firstN   int          // tokens of the first delta, which the live rate does not count
	energy   power.Sample // the processor's energy counters when the generation began
	energyOK bool         // energy was read

	saveMu     sync.Mutex // orders the saves of this variant
	finalSaved bool       // under saveMu
}

// outcome is what an engine returned.
type outcome struct {
	res Result
	err error
}

// Cancel stops every variant of the run that is not finished. Each keeps its partial text
// and ends with status cancelled.
func (j *Job) Cancel() {
	for _, sl := range j.slots {
		sl.stopped.Store(true)
	}
	j.cancel()
}

// CancelVariant stops the variant with the given Index, if it is not finished.
func (j *Job) CancelVariant(index int) {
	for _, sl := range j.slots {
		if sl.index == index {
			sl.stopped.Store(true)
			sl.cancel()
		}
	}
}

// Done returns a channel closed when every variant of the run is final and saved.
func (j *Job) Done() <-chan struct{} { return j.done }

// Wait blocks until every variant is final, and returns them in Index order.
func (j *Job) Wait() []model.Variant {
	<-j.done
	j.mu.Lock()
	defer j.mu.Unlock()
	out := make([]model.Variant, len(j.slots))
	for i, sl := range j.slots {
		out[i] = sl.v
	}
	return out
}

// run announces every variant, then generates them lane by lane (see plan): the lanes in
// parallel, the groups of a lane one after another.
func (j *Job) run() {
	defer close(j.done)
	defer j.cancel()
	j.mu.Lock()
	for _, sl := range j.slots {
		j.emit(sl, EventQueued, "", 0)
	}
	j.mu.Unlock()
	j.pending.Add(len(j.slots))
	for _, sl := range j.slots {
		j.watchQueued(sl)
	}
	var wg sync.WaitGroup
	for _, l := range j.lanes {
		wg.Go(func() { j.runLane(l) })
	}
	j.pending.Wait()
	// Every variant is final: a lane or a session still waiting for its host (held by another
	// job) has nothing left to do.
	j.closeGroups()
	j.cancel()
	wg.Wait()
	j.sessions.Wait()
}

// emit sends an event with a snapshot of sl's variant. The caller holds j.mu.
func (j *Job) emit(sl *slot, kind EventKind, delta string, fraction float64) {
	if j.onEvent != nil {
		j.onEvent(Event{Index: sl.v.Index, Kind: kind, Delta: delta, Fraction: fraction, Variant: sl.v})
	}
}

// runVariant generates one variant of g on host h, and is true when the variant is final;
// false when its host died and it went back to g's queue to be retried on another (see
// retryDead).
func (j *Job) runVariant(sl *slot, g *group, h hostKey) bool {
	// Cancel stops every variant before it cancels their contexts, one by one: a variant
	// stopped but whose context is not cancelled yet must not start either.
	if err := sl.ctx.Err(); err != nil || sl.stopped.Load() {
		j.finish(sl, outcome{err: cmp.Or(err, context.Canceled)})
		return true
	}
	engine, ok := j.sched.engines[sl.v.Engine]
	if !ok {
		j.finish(sl, outcome{err: newError(CodeEngineMissing, "no engine named %q", sl.v.Engine)})
		return true
	}
	preset, ok := model.FindPreset(j.presets, sl.v.PresetID)
	if !ok {
		j.finish(sl, outcome{err: newError(CodePresetMissing, "no preset with id %q", sl.v.PresetID)})
		return true
	}
	j.begin(sl, engine, preset, g, h.host)
	if err := j.save(sl, false); err != nil {
		j.failSave(sl, err)
		return true
	}
	out := make(chan outcome, 1)
	go func() { out <- j.generate(sl, engine, preset) }()
	select {
	case o := <-out:
		if j.retryDead(sl, g, h.host, o) {
			return false
		}
		j.finish(sl, o)
	case <-sl.ctx.Done():
		sl.stopped.Store(true)
		t := time.NewTimer(j.grace)
		defer t.Stop()
		select {
		case o := <-out:
			j.finish(sl, o)
		case <-t.C: // the engine does not return: end the variant without it
			j.finish(sl, outcome{err: sl.ctx.Err()})
		}
	}
	return true
}

// begin marks sl running on host h of g (its Spec then names h's host and model), and
// records the version of preset it is made with and, when the engine is a Prompter, the exact
// instructions it is given. A retry keeps the record of its first try in the Stats.
func (j *Job) begin(sl *slot, e Engine, preset model.Preset, g *group, h string) {
	j.mu.Lock()
	spec := g.onReplica(sl.v.Spec, h)
	sl.v.Spec = spec
	j.mu.Unlock()
	prompt := systemPrompt(e, Request{Source: j.rev, Preset: preset, Spec: spec})
	j.mu.Lock()
	defer j.mu.Unlock()
	sl.v.PresetVersion, sl.v.Prompt = preset.Version, prompt
	sl.v.Status = model.StatusRunning
	sl.v.Text, sl.v.Error, sl.v.ErrorCode = "", "", ""
	sl.v.Stats = retryRecord(sl.v.Stats)
	sl.v.Stats.Started = time.Now()
	sl.lastSave = sl.v.Stats.Started
	sl.energy, sl.energyOK = j.meter.Read()
	j.emit(sl, EventLoading, "", -1)
}

// systemPrompt is e's SystemPrompt for req when e is a Prompter, else empty; a panic gives
// empty too, and Generate reports the engine's failure.
func systemPrompt(e Engine, req Request) (prompt string) {
	p, ok := e.(Prompter)
	if !ok {
		return ""
	}
	defer func() {
		if recover() != nil {
			prompt = ""
		}
	}()
	return p.SystemPrompt(req)
}

// generate calls the engine, turning a panic into an internal error.
func (j *Job) generate(sl *slot, e Engine, p model.Preset) (o outcome) {
	defer func() {
		if r := recover(); r != nil {
			o = outcome{err: newError(CodeInternal, "engine %q panicked: %v", e.Name(), r)}
		}
	}()
	req := Request{Source: j.rev, Preset: p, Spec: sl.v.Spec, Window: sl.window}
	res, err := e.Generate(sl.ctx, req, func(pr Progress) { j.progress(sl, pr) })
	return outcome{res: res, err: err}
}

// progress records an engine's progress, unless the variant is stopped or final, and saves
// the partial text when the save interval has passed.
func (j *Job) progress(sl *slot, pr Progress) {
	j.mu.Lock()
	if sl.final || sl.stopped.Load() || sl.ctx.Err() != nil {
		j.mu.Unlock()
		return
	}
	if pr.Stage == StageLoading {
		j.emit(sl, EventLoading, "", pr.Fraction)
		j.mu.Unlock()
		return
	}
	now := time.Now()
	if pr.Delta != "" {
		countTokens(sl, pr.Delta, now)
	}
	sl.text.WriteString(pr.Delta)
	sl.v.Text = sl.text.String()
	j.emit(sl, EventDelta, pr.Delta, pr.Fraction)
	due := pr.Delta != "" && now.Sub(sl.lastSave) >= j.saveInterval
	if due {
		sl.lastSave = now
	}
	j.mu.Unlock()
	if due {
		if err := j.save(sl, false); err != nil {
			j.failSave(sl, err)
		}
	}
}

// countTokens adds delta to sl's live stats: OutputTokens (one per delta, or its words for the
// built-in engine, which streams sentences), FirstToken and TokensPerSecond over the time since
// the first delta. The caller holds j.mu. An engine's final stats replace these.
func countTokens(sl *slot, delta string, now time.Time) {
	n := 1
	if sl.v.Engine == model.EngineBuiltin {
		n = analysis.WordCount(delta)
	}
	st := &sl.v.Stats
	st.OutputTokens += n
	if sl.firstAt.IsZero() {
		sl.firstAt, sl.firstN = now, n
		st.FirstToken = now.Sub(st.Started)
	}
	if d := now.Sub(sl.firstAt); d > 0 {
		st.TokensPerSecond = float64(st.OutputTokens-sl.firstN) / d.Seconds()
	}
}
