package ui

import (
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// activeRun is the generation under way, or the last one started, and what every screen needs
// to know of it. It belongs to the runner rather than to a screen so that it survives the
// screens being rebuilt (a change of language) and the user opening another report meanwhile.
type activeRun struct {
	job      *generate.Job
	reportID int64
	title    string // the report's title, to name the run while another report is open
	runID    int64
	variants []model.Variant // latest state of each variant, by index
}

// runner starts and follows the generations. It is not a screen: the generation panel starts
// runs through it, and it passes their events on, on the UI thread, to whoever the UI names.
type runner struct {
	svc   *services
	sched *generate.Scheduler
	run   *activeRun // the generation under way or last started, nil before any
	// events receives a batch of a run's streamed events; finished, the end of one of its jobs.
	events   func(run *activeRun, events map[int]generate.Event)
	finished func(run *activeRun, results []model.Variant)
}

// running reports whether a generation is under way.
func (r *runner) running() bool {
	return r.run != nil && !isDone(r.run.job)
}

// startRun starts the scheduler on the variants of a new run and passes its events on.
func (r *runner) startRun(title string, rev model.Revision, variants []model.Variant) {
	run := &activeRun{reportID: rev.ReportID, title: title, runID: variants[0].RunID,
		variants: append([]model.Variant(nil), variants...)}
	r.run = run
	r.spread()
	r.watch(run, func(push func(generate.Event)) *generate.Job {
		return r.sched.Start(r.svc.ctx, rev, variants, push)
	})
}

// retryRun writes variant index of the active run again in a new job, keeping the run on screen.
func (r *runner) retryRun(rev model.Revision, index int) {
	run := r.run
	v := run.variants[index]
	r.spread()
	r.watch(run, func(push func(generate.Event)) *generate.Job {
		return r.sched.Retry(r.svc.ctx, rev, v, push)
	})
}

// spread tells the scheduler, before a job starts, which servers share each model and how many
// variants each writes at once, from the servers as last read.
func (r *runner) spread() {
	if r.svc.hosts != nil {
		r.sched.SetPool(r.svc.hosts.pool())
	}
	r.sched.SetHostParallel(hostParallel(servers(r.svc.app), Parallel(r.svc.app)))
}

// cancelRun cancels the generation under way, every variant of it (index < 0) or one.
func (r *runner) cancelRun(index int) {
	switch {
	case !r.running():
	case index < 0:
		r.run.job.Cancel()
	default:
		r.run.job.CancelVariant(index)
	}
}

// watch starts a job of run and follows it: its events are passed on while it is the run's
// current job (a late event of a replaced job is dropped), and its end once.
func (r *runner) watch(run *activeRun, start func(push func(generate.Event)) *generate.Job) {
	var job *generate.Job
	events := newPacer(redrawInterval, func(events map[int]generate.Event) {
		if r.run == run && run.job == job { // on the UI thread, after job is set below
			r.apply(events)
		}
	})
	job = start(func(ev generate.Event) { events.push(ev.Index, ev) })
	run.job = job
	go func() {
		<-job.Done()
		runOnUI(func() { r.jobFinished(run, job) })
	}()
}

// apply keeps a batch of streamed events and passes it on; it runs on the UI thread.
func (r *runner) apply(events map[int]generate.Event) {
	run := r.run
	current := map[int]generate.Event{}
	for i, ev := range events {
		if ev.Variant.RunID != run.runID || i < 0 || i >= len(run.variants) {
			continue
		}
		run.variants[i] = ev.Variant
		current[i] = ev
	}
	if r.events != nil {
		r.events(run, current)
	}
}

// jobFinished keeps the final variants of job and says so, once every one is final.
func (r *runner) jobFinished(run *activeRun, job *generate.Job) {
	if run != r.run || run.job != job {
		return
	}
	results := job.Wait() // a retry job holds one variant only
	for _, v := range results {
		if v.Index >= 0 && v.Index < len(run.variants) {
			run.variants[v.Index] = v
		}
	}
	if r.finished != nil {
		r.finished(run, results)
	}
}

// stopRun cancels the generation under way, if any, and waits up to timeout for its partial
// text to be saved. With reportID > 0 it only stops a run of that report.
func (r *runner) stopRun(reportID int64, timeout time.Duration) {
	if !r.running() || (reportID > 0 && r.run.reportID != reportID) {
		return
	}
	r.run.job.Cancel()
	select {
	case <-r.run.job.Done():
	case <-time.After(timeout):
	}
}
