package ui

import (
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// activeRun is the generation under way, or the last one started, and what every screen needs
// to know of it. It belongs to the UI rather than to a screen so that it survives the screens
// being rebuilt (a change of language) and the user opening another report meanwhile.
type activeRun struct {
	job      *generate.Job
	reportID int64
	title    string // the report's title, to name the run while another report is open
	runID    int64
	variants []model.Variant // latest state of each variant, by index
}

// running reports whether a generation is under way.
func (u *UI) running() bool {
	return u.run != nil && !isDone(u.run.job)
}

// startRun starts the scheduler on the variants of a new run and routes its events to the
// screens, whichever screens exist when they arrive.
func (u *UI) startRun(title string, rev model.Revision, variants []model.Variant) {
	run := &activeRun{reportID: rev.ReportID, title: title, runID: variants[0].RunID,
		variants: append([]model.Variant(nil), variants...)}
	u.run = run
	bridge := newStreamBridge(u.applyRun)
	run.job = u.sched.Start(u.ctx, rev, variants, bridge.push)
	go func() {
		<-run.job.Done()
		runOnUI(func() { u.runFinished(run) })
	}()
}

// retryRun writes variant index of the active run again in a new job, keeping the run on screen.
func (u *UI) retryRun(rev model.Revision, index int) {
	run := u.run
	bridge := newStreamBridge(u.applyRun)
	run.job = u.sched.Retry(u.ctx, rev, run.variants[index], bridge.push)
	go func() {
		<-run.job.Done()
		runOnUI(func() { u.runFinished(run) })
	}()
}

// applyRun shows a batch of streamed events; it runs on the UI thread. Events of a run that is
// no longer the active one are dropped.
func (u *UI) applyRun(events map[int]generate.Event) {
	run := u.run
	if run == nil {
		return
	}
	current := map[int]generate.Event{}
	for i, ev := range events {
		if ev.Variant.RunID != run.runID || i < 0 || i >= len(run.variants) {
			continue
		}
		run.variants[i] = ev.Variant
		current[i] = ev
	}
	u.gen.apply(current)
	u.cmp.updateVariants(current)
}

// runFinished updates the screens once every variant of run is final.
func (u *UI) runFinished(run *activeRun) {
	if run != u.run {
		return
	}
	for _, v := range run.job.Wait() {
		if v.Index >= 0 && v.Index < len(run.variants) {
			run.variants[v.Index] = v // a retry job holds one variant only
		}
	}
	u.gen.finished(run)
	u.cmp.runFinished(run)
}

// stopRun cancels the generation under way, if any, and waits up to timeout for its partial
// text to be saved. With reportID > 0 it only stops a run of that report.
func (u *UI) stopRun(reportID int64, timeout time.Duration) {
	if !u.running() || (reportID > 0 && u.run.reportID != reportID) {
		return
	}
	u.run.job.Cancel()
	select {
	case <-u.run.job.Done():
	case <-time.After(timeout):
	}
}
