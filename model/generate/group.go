package generate

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/rapporteur/rapporteur/model"
)

// DefaultParallel is how many variants of one model a host generates at once by default, like
// Ollama's own default (OLLAMA_NUM_PARALLEL=1).
const DefaultParallel = 1

// hostKey identifies one machine an engine runs on. A host holds one model at a time.
type hostKey struct{ engine, host string }

// group is the variants of a run that share one model: same engine and same replicas (the
// hosts that have the model, see Pool), in Index order. Every host of the group serves it
// from one queue, so a free host takes the group's next variant.
type group struct {
	engine   string
	replicas []Replica // normalised; one for a model found on one host only
	slots    []*slot   // in Index order

	mu     sync.Mutex
	queue  []*slot                // variants not started yet, or waiting for their retry
	serves map[string]*serveState // by replica host
	closed bool                   // the job is over: no session is started any more
}

// serveState is where a host stands with a group.
type serveState struct {
	coming bool // the host's lane has not reached the group yet, or a session was asked for
	active int  // the host's workers that may still take a variant of the group
}

// lane is the groups of a run that a host serves, in the order they first appear in the run.
// The groups of a lane run one after another, so each model is loaded once; lanes run in
// parallel with each other.
type lane struct {
	host     hostKey
	groups   []*group
	parallel int // variants of one group the host generates at once
	// exclusive says the host runs one group at a time, across every job of the scheduler. The
	// built-in engine loads nothing and is not exclusive.
	exclusive bool
}

// normHost is a host as groups compare it: no surrounding space, no trailing slash.
func normHost(h string) string { return strings.TrimRight(strings.TrimSpace(h), "/") }

// replicasOf returns where the variant of s may run: the built-in engine has no host nor
// model; any other spec runs on its own host, or on any replica pool gives for it (the spec's
// own host always among them, first when pool leaves it out).
func replicasOf(s model.Spec, pool Pool) []Replica {
	if s.Engine == model.EngineBuiltin {
		return []Replica{{}}
	}
	own := Replica{Host: normHost(s.Host), Model: strings.TrimSpace(s.Model)}
	out := []Replica{own}
	if pool == nil {
		return out
	}
	seen := map[string]bool{own.Host: true}
	for _, r := range pool(s) {
		r = Replica{Host: normHost(r.Host), Model: strings.TrimSpace(r.Model)}
		if r.Model == "" || seen[r.Host] {
			continue
		}
		seen[r.Host] = true
		out = append(out, r)
	}
	return out
}

// groupID identifies a group: its engine and its replicas, whatever their order.
func groupID(engine string, reps []Replica) string {
	parts := make([]string, len(reps))
	for i, r := range reps {
		parts[i] = r.Host + "\x00" + r.Model
	}
	slices.Sort(parts)
	return engine + "\x01" + strings.Join(parts, "\x01")
}

// planner holds what plan needs besides the slots.
type planner struct {
	pool            Pool
	parallel        func(h hostKey) int // variants of one group a host generates at once
	builtinParallel int
}

// plan splits slots, in Index order, into groups, and the groups into the lanes of the hosts
// that serve them: a group whose model has several replicas is in the lane of each. A group of
// the built-in engine generates up to builtinParallel variants at once.
func (p planner) plan(slots []*slot) []*lane {
	var lanes []*lane
	byHost := map[hostKey]*lane{}
	groups := map[string]*group{}
	for _, sl := range slots {
		reps := replicasOf(sl.v.Spec, p.pool)
		id := groupID(sl.v.Engine, reps)
		g := groups[id]
		if g == nil {
			g = &group{engine: sl.v.Engine, replicas: reps, serves: map[string]*serveState{}}
			groups[id] = g
			for _, r := range reps {
				hk := hostKey{engine: sl.v.Engine, host: r.Host}
				l := byHost[hk]
				if l == nil {
					l = p.lane(hk)
					byHost[hk] = l
					lanes = append(lanes, l)
				}
				l.groups = append(l.groups, g)
				g.serves[r.Host] = &serveState{coming: true}
			}
		}
		g.slots = append(g.slots, sl)
		g.queue = append(g.queue, sl)
	}
	return lanes
}

// lane returns the empty lane of host h.
func (p planner) lane(h hostKey) *lane {
	if h.engine == model.EngineBuiltin {
		return &lane{host: h, parallel: max(1, p.builtinParallel)}
	}
	n := 1
	if p.parallel != nil {
		n = max(1, p.parallel(h))
	}
	return &lane{host: h, parallel: n, exclusive: true}
}

// hostLocks hands out each host to one group at a time, across the jobs of a scheduler, so
// that a retry started during a run does not make the host swap models in the middle of a
// group.
type hostLocks struct {
	mu    sync.Mutex
	locks map[hostKey]chan struct{}
}

// take waits for the host of l and returns the function that gives it back; ok is false when
// ctx ends first. A lane that is not exclusive takes nothing.
func (h *hostLocks) take(ctx context.Context, l *lane) (release func(), ok bool) {
	if !l.exclusive {
		return func() {}, true
	}
	h.mu.Lock()
	if h.locks == nil {
		h.locks = map[hostKey]chan struct{}{}
	}
	lock := h.locks[l.host]
	if lock == nil {
		lock = make(chan struct{}, 1)
		h.locks[l.host] = lock
	}
	h.mu.Unlock()
	select {
	case lock <- struct{}{}:
		return func() { <-lock }, true
	case <-ctx.Done():
		return nil, false
	}
}

// runLane serves the groups of l one after another. When the run is cancelled it stops
// starting groups: the variants left queued are ended by their own cancellation watchers.
func (j *Job) runLane(l *lane) {
	for _, g := range l.groups {
		if !j.serve(l, g) {
			return
		}
	}
}

// serve generates variants of g on the host of l, up to l.parallel at once, taking them from
// the group's queue until it holds none this host may take; it holds the host meanwhile. It is
// false when the run was cancelled while it waited for the host.
func (j *Job) serve(l *lane, g *group) bool {
	h := l.host.host
	if !j.hasWork(g, h) {
		return true
	}
	release, ok := j.sched.hosts.take(j.ctx, l)
	if !ok {
		return false
	}
	defer release()
	window := j.planWindow(g, l.host)
	g.mu.Lock()
	st := g.serves[h]
	st.coming = false
	n := min(l.parallel, max(1, j.eligible(g, h)))
	st.active += n
	g.mu.Unlock()
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for sl := j.pop(g, h); sl != nil; sl = j.pop(g, h) {
				sl.window = window
				if j.runVariant(sl, g, l.host) {
					j.pending.Done()
				}
			}
		})
	}
	wg.Wait()
	return true
}

// hasWork reports whether g holds a variant that h may take; when it does not, h is no longer
// coming to g.
func (j *Job) hasWork(g *group, h string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if j.eligible(g, h) > 0 {
		return true
	}
	g.serves[h].coming = false
	return false
}

// eligible counts the variants of g's queue that h may take. The caller holds g.mu.
func (j *Job) eligible(g *group, h string) int {
	if j.isDead(h) && j.liveReplica(g, "") {
		return 0
	}
	n := 0
	for _, sl := range g.queue {
		if !sl.claimed.Load() && !sl.diedOn(h) {
			n++
		}
	}
	return n
}

// pop takes the next variant of g's queue that h may take, or returns nil, and h's worker
// leaves the group. A dead host takes nothing while the group has a live one; a variant is
// never retried on the host it failed on.
func (j *Job) pop(g *group, h string) *slot {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !j.isDead(h) || !j.liveReplica(g, "") {
		for i := 0; i < len(g.queue); i++ {
			sl := g.queue[i]
			if sl.diedOn(h) {
				continue
			}
			g.queue = slices.Delete(g.queue, i, i+1)
			i--
			if j.claim(sl) {
				return sl
			}
		}
	}
	g.serves[h].active--
	j.ensureServed(g)
	return nil
}

// watchQueued arranges for sl to end at once, as cancelled, if it is cancelled while still
// queued, rather than when its group's turn comes.
func (j *Job) watchQueued(sl *slot) {
	sl.unwatch = context.AfterFunc(sl.ctx, func() {
		if sl.claimed.CompareAndSwap(false, true) {
			sl.stopped.Store(true)
			j.finish(sl, outcome{err: sl.ctx.Err()})
			j.pending.Done()
		}
	})
}

// claim takes sl for generation; it is false when sl was already ended while queued.
func (j *Job) claim(sl *slot) bool {
	if !sl.claimed.CompareAndSwap(false, true) {
		return false
	}
	if sl.unwatch != nil {
		sl.unwatch()
	}
	return true
}

// planWindow asks the engine of g, when it is a WindowPlanner, for the context window of the
// variants of g host h may run (those queued, with h's host and model), and returns it; 0
// when the engine plans nothing.
func (j *Job) planWindow(g *group, h hostKey) int {
	e, ok := j.sched.engines[g.engine].(WindowPlanner)
	if !ok {
		return 0
	}
	g.mu.Lock()
	queued := make([]*slot, 0, len(g.queue))
	for _, sl := range g.queue {
		if !sl.claimed.Load() && !sl.diedOn(h.host) {
			queued = append(queued, sl)
		}
	}
	g.mu.Unlock()
	var reqs []Request
	for _, sl := range queued {
		j.mu.Lock()
		spec, final := g.onReplica(sl.v.Spec, h.host), sl.final
		j.mu.Unlock()
		if p, found := model.FindPreset(j.presets, spec.PresetID); found && !final {
			reqs = append(reqs, Request{Source: j.rev, Preset: p, Spec: spec})
		}
	}
	if len(reqs) == 0 {
		return 0
	}
	return e.PlanWindow(j.ctx, reqs)
}
