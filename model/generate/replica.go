package generate

import (
	"slices"
	"time"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

// Replica is one place a model can run: a host of the same engine and the model's name there.
type Replica struct{ Host, Model string }

// Pool returns every place the model of spec can run, the spec's own host included (the UI and
// CLI compute it: same name on several hosts, or the same digest on Ollama hosts). nil or a
// single entry: the spec runs where it says.
type Pool func(spec model.Spec) []Replica

// RetryTextLimit is the most of a first try's text kept in Stats.RetryText, in bytes.
const RetryTextLimit = 64 << 10

// SetPool sets where each model may run. The variants of a model with several replicas form
// one group that every replica host serves from one queue: a host free for the group takes its
// next variant, whose Spec then names that host (without surrounding spaces nor a trailing
// slash) and the model's name there; a variant whose host dies while it runs is retried once on
// another (see Start). The built-in engine is never asked about. It applies to the runs started
// afterwards; nil (the default) runs every variant on its own host.
func (s *Scheduler) SetPool(p Pool) {
	s.mu.Lock()
	s.pool = p
	s.mu.Unlock()
}

// SetHostParallel sets how many variants of one model each host generates at once: f is asked
// with the engine's name and the host, without surrounding spaces nor a trailing slash. A value
// below 1, or a nil f, means the value of SetParallel. It applies to the runs started
// afterwards.
func (s *Scheduler) SetHostParallel(f func(engine, host string) int) {
	s.mu.Lock()
	s.hostParallel = f
	s.mu.Unlock()
}

// parallelOf returns how many variants of one model host h generates at once.
func parallelOf(f func(engine, host string) int, perModel int) func(hostKey) int {
	return func(h hostKey) int {
		if f != nil {
			if n := f(h.engine, h.host); n >= 1 {
				return n
			}
		}
		return max(1, perModel)
	}
}

// onReplica returns spec as it runs on host h of g: with the replica's host and model when h
// is not the spec's own host.
func (g *group) onReplica(spec model.Spec, h string) model.Spec {
	if spec.Engine == model.EngineBuiltin || normHost(spec.Host) == h {
		return spec
	}
	for _, r := range g.replicas {
		if r.Host == h {
			spec.Host, spec.Model = r.Host, r.Model
		}
	}
	return spec
}

// hostDeath reports whether o says the variant's host died: it stopped answering (refused or
// reset connection, cut stream) while nobody cancelled the variant.
func hostDeath(sl *slot, o outcome) bool {
	if o.err == nil || sl.stopped.Load() || sl.ctx.Err() != nil {
		return false
	}
	switch CodeOf(o.err) {
	case CodeHostUnreachable, CodeStreamCut:
		return true
	}
	return false
}

// diedOn reports whether h is the host sl ran on when that host died. The caller holds the
// mu of sl's group.
func (sl *slot) diedOn(h string) bool { return sl.died && sl.deadHost == h }

// isDead reports whether a variant of the job saw host h die.
func (j *Job) isDead(h string) bool {
	j.deadMu.Lock()
	defer j.deadMu.Unlock()
	return j.dead[h]
}

// liveReplica reports whether g has a replica host, other than except, that no variant of the
// job saw die.
func (j *Job) liveReplica(g *group, except string) bool {
	j.deadMu.Lock()
	defer j.deadMu.Unlock()
	for _, r := range g.replicas {
		if r.Host != except && !j.dead[r.Host] {
			return true
		}
	}
	return false
}

// retryDead handles the end of sl's try on host h of g: when the host died, h takes no more
// variants of the job, and sl, if it was not retried yet and g has another live replica, goes
// back to g's queue to start again on another host; retryDead is then true. The first try's
// text is kept in the variant's Stats.
func (j *Job) retryDead(sl *slot, g *group, h string, o outcome) bool {
	if !hostDeath(sl, o) {
		return false
	}
	j.deadMu.Lock()
	j.dead[h] = true
	j.deadMu.Unlock()
	if sl.retried || !j.liveReplica(g, h) {
		return false
	}
	j.mu.Lock()
	partial := sl.text.String()
	if partial == "" {
		partial = o.res.Text
	}
	sl.retried = true
	v := &sl.v
	v.Status, v.Text, v.Error, v.ErrorCode = model.StatusQueued, "", "", ""
	v.Stats = model.Stats{RetriedFrom: v.Spec.Host, RetryCode: string(CodeOf(o.err)), RetryText: bounded(partial, RetryTextLimit)}
	sl.text.Reset()
	sl.firstAt, sl.firstN = time.Time{}, 0
	j.emit(sl, EventQueued, "", 0)
	j.mu.Unlock()
	if err := j.save(sl, false); err != nil {
		j.failSave(sl, err)
		return false
	}
	g.mu.Lock()
	sl.died, sl.deadHost = true, h
	sl.claimed.Store(false)
	g.queue = slices.Insert(g.queue, 0, sl)
	j.watchQueued(sl)
	j.ensureServed(g)
	g.mu.Unlock()
	return true
}

// retryRecord returns stats with only the record of a first try its host cut short.
func retryRecord(st model.Stats) model.Stats {
	return model.Stats{RetriedFrom: st.RetriedFrom, RetryCode: st.RetryCode, RetryText: st.RetryText}
}

// bounded returns s cut to at most n bytes, on a character boundary.
func bounded(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// ensureServed starts a session of g on one of its hosts when g's queue holds a variant and no
// host that may take it is serving g or coming to it: on a live host, or, when every host died,
// on any host but the one the variant failed on (it will fail there as usual). The caller
// holds g.mu.
func (j *Job) ensureServed(g *group) {
	var head *slot
	for _, sl := range g.queue {
		if !sl.claimed.Load() {
			head = sl
			break
		}
	}
	if head == nil || g.closed {
		return
	}
	var target string
	found := false
	for _, r := range g.replicas {
		if !j.mayTake(g, head, r.Host) {
			continue
		}
		if st := g.serves[r.Host]; st.coming || st.active > 0 {
			return
		}
		if !found {
			target, found = r.Host, true
		}
	}
	if !found {
		return
	}
	g.serves[target].coming = true
	j.sessions.Add(1)
	go func() {
		defer j.sessions.Done()
		j.serve(j.laneOf[hostKey{engine: g.engine, host: target}], g)
	}()
}

// mayTake reports whether host h of g would take sl: h is not where sl failed, and it is alive
// or every host of g died. The caller holds g.mu.
func (j *Job) mayTake(g *group, sl *slot, h string) bool {
	return !sl.diedOn(h) && (!j.isDead(h) || !j.liveReplica(g, ""))
}

// closeGroups stops every group of the job from starting sessions, once every variant is final.
func (j *Job) closeGroups() {
	for _, l := range j.lanes {
		for _, g := range l.groups {
			g.mu.Lock()
			g.closed = true
			g.mu.Unlock()
		}
	}
}
