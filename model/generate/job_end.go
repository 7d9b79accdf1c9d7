package generate

import (
	"context"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/power"
)

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
		v.Stats.RetriedFrom, v.Stats.RetryCode, v.Stats.RetryText = live.RetriedFrom, live.RetryCode, live.RetryText
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
