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
	u.watch(run, func(push func(generate.Event)) *generate.Job {
		return u.sched.Start(u.ctx, rev, variants, push)
	})
}

// retryRun writes variant index of the active run again in a new job, keeping the run on screen.
func (u *UI) retryRun(rev model.Revision, index int) {
	run := u.run
	v := run.variants[index]
	u.watch(run, func(push func(generate.Event)) *generate.Job {
		return u.sched.Retry(u.ctx, rev, v, push)
	})
}

// watch starts a job of run and follows it: its events reach the screens while it is the run's
// current job (a late event of a replaced job is dropped), and its end is shown once.
func (u *UI) watch(run *activeRun, start func(push func(generate.Event)) *generate.Job) {
	var job *generate.Job
	events := newPacer(redrawInterval, func(events map[int]generate.Event) {
		if u.run == run && run.job == job { // on the UI thread, after job is set below
			u.applyRun(events)
		}
	})
	job = start(func(ev generate.Event) { events.push(ev.Index, ev) })
	run.job = job
	go func() {
		<-job.Done()
		runOnUI(func() { u.runFinished(run, job) })
	}()
}

// applyRun shows a batch of streamed events; it runs on the UI thread.
func (u *UI) applyRun(events map[int]generate.Event) {
	run := u.run
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

// runFinished updates the screens once every variant of job is final.
func (u *UI) runFinished(run *activeRun, job *generate.Job) {
	if run != u.run || run.job != job {
		return
	}
	results := job.Wait() // a retry job holds one variant only
	for _, v := range results {
		if v.Index >= 0 && v.Index < len(run.variants) {
			run.variants[v.Index] = v
		}
	}
	u.gen.finished(run, results)
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
