package generate

import (
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
	pending      sync.WaitGroup // the variants not yet final

	// mu guards every slot's variant and final flag, and serialises calls to onEvent.
	mu    sync.Mutex
	slots []*slot // in Index order
}

// slot is one variant of the job and what its generation needs.
type slot struct {
	index   int // the variant's Index, read without the lock
	v       model.Variant
	ctx     context.Context
	cancel  context.CancelFunc
	stopped atomic.Bool // cancelled by the user: what arrives afterwards is ignored
	claimed atomic.Bool // taken by a worker, or ended while queued: only one of them runs it
	unwatch func() bool // stops the watcher that ends the variant if cancelled while queued
	window  int         // the context window its group shares (see WindowPlanner); set before it runs

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
	wg.Wait()
	j.pending.Wait()
}

// emit sends an event with a snapshot of sl's variant. The caller holds j.mu.
func (j *Job) emit(sl *slot, kind EventKind, delta string, fraction float64) {
	if j.onEvent != nil {
		j.onEvent(Event{Index: sl.v.Index, Kind: kind, Delta: delta, Fraction: fraction, Variant: sl.v})
	}
}

// runVariant generates one variant from start to its final state.
func (j *Job) runVariant(sl *slot) {
	if err := sl.ctx.Err(); err != nil {
		j.finish(sl, outcome{err: err})
		return
	}
	engine, ok := j.sched.engines[sl.v.Engine]
	if !ok {
		j.finish(sl, outcome{err: newError(CodeEngineMissing, "no engine named %q", sl.v.Engine)})
		return
	}
	preset, ok := model.FindPreset(j.presets, sl.v.PresetID)
	if !ok {
		j.finish(sl, outcome{err: newError(CodePresetMissing, "no preset with id %q", sl.v.PresetID)})
		return
	}
	j.begin(sl, engine, preset)
	if err := j.save(sl, false); err != nil {
		j.failSave(sl, err)
		return
	}
	out := make(chan outcome, 1)
	go func() { out <- j.generate(sl, engine, preset) }()
	select {
	case o := <-out:
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
}

// begin marks sl running and records the version of preset it is made with and, when the
// engine is a Prompter, the exact instructions it is given.
func (j *Job) begin(sl *slot, e Engine, preset model.Preset) {
	j.mu.Lock()
	spec := sl.v.Spec
	j.mu.Unlock()
	prompt := systemPrompt(e, Request{Source: j.rev, Preset: preset, Spec: spec})
	j.mu.Lock()
	defer j.mu.Unlock()
	sl.v.PresetVersion, sl.v.Prompt = preset.Version, prompt
	sl.v.Status = model.StatusRunning
	sl.v.Text, sl.v.Error, sl.v.ErrorCode = "", "", ""
	sl.v.Stats = model.Stats{Started: time.Now()}
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

// save writes sl's variant to the sink. After the final save, no save happens any more; a
// periodic save is skipped once the outcome is decided.
func (j *Job) save(sl *slot, final bool) error {
	sl.saveMu.Lock()
	defer sl.saveMu.Unlock()
	if sl.finalSaved {
		return nil
	}
	j.mu.Lock()
	if sl.final && !final {
		j.mu.Unlock()
		return nil
	}
	v := sl.v
	j.mu.Unlock()
	sl.finalSaved = final
	if j.sched.sink == nil {
		return nil
	}
	if err := j.sched.sink.SaveVariant(j.saveCtx, v); err != nil {
		return &Error{Code: CodeSaveFailed, Err: err}
	}
	return nil
}

// failSave ends sl as failed because the sink refused it, stopping its engine. The text
// stays in memory and in the event.
func (j *Job) failSave(sl *slot, err error) {
	j.mu.Lock()
	if sl.final {
		j.mu.Unlock()
		return
	}
	sl.final = true
	j.settle(sl, model.StatusFailed, err, Result{})
	j.mu.Unlock()
	sl.cancel()
	_ = j.save(sl, true) // one more try, so the failure itself is recorded if the sink recovered
	j.mu.Lock()
	j.emit(sl, EventFailed, "", -1)
	j.mu.Unlock()
}

// finish decides sl's final state from the engine's outcome, saves it and emits the last
// event. The first call wins; later ones do nothing.
func (j *Job) finish(sl *slot, o outcome) {
	j.mu.Lock()
	if sl.final {
		j.mu.Unlock()
		return
	}
	sl.final = true
	status := model.StatusFailed
	switch {
	case sl.stopped.Load() || (o.err != nil && CodeOf(o.err) == CodeCancelled):
		status = model.StatusCancelled
		if o.err == nil || CodeOf(o.err) != CodeCancelled {
			o.err = context.Canceled
		}
	case o.err == nil:
		status = model.StatusDone
	}
	j.settle(sl, status, o.err, o.res)
	j.mu.Unlock()

	err := j.save(sl, true)
	j.mu.Lock()
	defer j.mu.Unlock()
	if err != nil {
		j.settle(sl, model.StatusFailed, err, Result{})
	}
	switch sl.v.Status {
	case model.StatusDone:
		j.emit(sl, EventDone, "", 1)
	case model.StatusCancelled:
		j.emit(sl, EventCancelled, "", -1)
	default:
		j.emit(sl, EventFailed, "", -1)
	}
}

// settle sets sl's final status, error and stats. The caller holds j.mu.
func (j *Job) settle(sl *slot, status model.Status, err error, res Result) {
	v := &sl.v
	v.Status = status
	v.Error, v.ErrorCode = "", ""
	if err != nil {
		v.Error, v.ErrorCode = err.Error(), string(CodeOf(err))
	}
	// The streamed text is what the user saw; a finished engine's own text is authoritative,
	// and a failed engine that did not stream may still have returned a partial text.
	if (status == model.StatusDone || (status == model.StatusFailed && v.Text == "")) && res.Text != "" {
		v.Text = res.Text
	}
	if res.Stats != (model.Stats{}) {
		live := v.Stats
		v.Stats = res.Stats
		v.Stats.Started = live.Started
		if v.Stats.OutputTokens == 0 { // the engine did not count: keep the live count
			v.Stats.OutputTokens, v.Stats.TokensPerSecond = live.OutputTokens, live.TokensPerSecond
		}
	}
	if v.Stats.FirstToken == 0 && !sl.firstAt.IsZero() {
		v.Stats.FirstToken = sl.firstAt.Sub(v.Stats.Started)
	}
	v.Stats.Finished = time.Now()
	if !v.Stats.Started.IsZero() {
		v.Stats.Total = v.Stats.Finished.Sub(v.Stats.Started)
	}
	j.measureEnergy(sl)
}

// measureEnergy records the energy the processor used during sl's generation, when its
// counters could be read before and after and the variant was written on this computer (the
// counters say nothing of another machine). The caller holds j.mu.
func (j *Job) measureEnergy(sl *slot) {
	v := &sl.v
	v.Stats.EnergyJoules, v.Stats.EnergyMethod = 0, ""
	if !sl.energyOK || v.Stats.Where != model.PlaceThisComputer {
		return
	}
	after, ok := j.meter.Read()
	if !ok {
		return
	}
	if joules, ok := power.Joules(sl.energy, after); ok {
		v.Stats.EnergyJoules, v.Stats.EnergyMethod = joules, model.EnergyRAPL
	}
}
