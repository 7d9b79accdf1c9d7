package generate

import (
	"context"
	"strings"
	"sync"

	"github.com/rapporteur/rapporteur/model"
)

// DefaultParallel is how many variants of one model a host generates at once by default, like
// Ollama's own default (OLLAMA_NUM_PARALLEL=1).
const DefaultParallel = 1

// groupKey identifies the variants that share one loaded model: same engine, host and model.
type groupKey struct{ engine, host, model string }

// hostKey identifies one machine an engine runs on. A host holds one model at a time.
type hostKey struct{ engine, host string }

// group is the variants of a run that share one loaded model, in Index order.
type group struct {
	slots    []*slot
	parallel int // variants of the group generated at once
}

// lane is the groups of a run that share one host, in the order they first appear in the run.
// The groups of a lane run one after another, so each model is loaded once; lanes run in
// parallel with each other.
type lane struct {
	host   hostKey
	groups []*group
	// exclusive says the host runs one group at a time, across every job of the scheduler. The
	// built-in engine loads nothing and is not exclusive.
	exclusive bool
}

// keyOf returns the group a spec belongs to. The built-in engine has no host nor model: all
// its variants form one group.
func keyOf(s model.Spec) groupKey {
	if s.Engine == model.EngineBuiltin {
		return groupKey{engine: s.Engine}
	}
	host := strings.TrimRight(strings.TrimSpace(s.Host), "/")
	return groupKey{engine: s.Engine, host: host, model: strings.TrimSpace(s.Model)}
}

// plan splits slots, in Index order, into lanes of groups. A group of the built-in engine
// generates up to builtinParallel variants at once, any other up to perModel.
func plan(slots []*slot, perModel, builtinParallel int) []*lane {
	var lanes []*lane
	byHost := map[hostKey]*lane{}
	groups := map[groupKey]*group{}
	for _, sl := range slots {
		gk := keyOf(sl.v.Spec)
		g := groups[gk]
		if g == nil {
			hk := hostKey{engine: gk.engine, host: gk.host}
			l := byHost[hk]
			if l == nil {
				l = &lane{host: hk, exclusive: gk.engine != model.EngineBuiltin}
				byHost[hk] = l
				lanes = append(lanes, l)
			}
			g = &group{parallel: max(1, perModel)}
			if !l.exclusive {
				g.parallel = max(1, builtinParallel)
			}
			groups[gk] = g
			l.groups = append(l.groups, g)
		}
		g.slots = append(g.slots, sl)
	}
	return lanes
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

// runLane generates the groups of l one after another. When the run is cancelled it stops
// starting groups: the variants left queued are ended by their own cancellation watchers.
func (j *Job) runLane(l *lane) {
	for _, g := range l.groups {
		release, ok := j.sched.hosts.take(j.ctx, l)
		if !ok {
			return
		}
		j.runGroup(g)
		release()
	}
}

// runGroup generates the variants of g, up to g.parallel at once, and returns when each is
// final. A variant already ended while queued is skipped.
func (j *Job) runGroup(g *group) {
	j.planWindow(g)
	next := make(chan *slot)
	var wg sync.WaitGroup
	for range min(g.parallel, len(g.slots)) {
		wg.Go(func() {
			for sl := range next {
				if j.claim(sl) {
					j.runVariant(sl)
					j.pending.Done()
				}
			}
		})
	}
	for _, sl := range g.slots {
		next <- sl
	}
	close(next)
	wg.Wait()
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

// planWindow asks the engine of g, when it is a WindowPlanner, for the context window g's
// variants share, and gives it to each slot. The slots are not running yet: the workers that
// read it start afterwards.
func (j *Job) planWindow(g *group) {
	e, ok := j.sched.engines[g.slots[0].v.Engine].(WindowPlanner)
	if !ok {
		return
	}
	var reqs []Request
	for _, sl := range g.slots {
		j.mu.Lock()
		spec, final := sl.v.Spec, sl.final
		j.mu.Unlock()
		if p, found := model.FindPreset(j.presets, spec.PresetID); found && !final {
			reqs = append(reqs, Request{Source: j.rev, Preset: p, Spec: spec})
		}
	}
	if len(reqs) == 0 {
		return
	}
	window := e.PlanWindow(j.ctx, reqs)
	for _, sl := range g.slots {
		sl.window = window
	}
}
