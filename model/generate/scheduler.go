package generate

import (
	"cmp"
	"context"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/power"
)

// Sink persists variants; *store.Store implements it.
type Sink interface {
	// SaveVariant writes v, replacing the stored variant with the same ID.
	SaveVariant(ctx context.Context, v model.Variant) error
}

// EventKind says what happened to a variant.
type EventKind int

// The events of a variant's generation, in the order they happen. Done, Failed and Cancelled
// are final: exactly one of them ends every variant.
const (
	EventQueued    EventKind = iota // waiting for its group's turn on its host
	EventLoading                    // started, or the engine prepares (loads a model, reads the source)
	EventDelta                      // text was added
	EventDone                       // finished normally
	EventFailed                     // stopped on an error; the partial text is kept
	EventCancelled                  // stopped by the user; the partial text is kept
)

var eventNames = [...]string{"queued", "loading", "delta", "done", "failed", "cancelled"}

// String returns the event's name in English, lower case.
func (k EventKind) String() string {
	if k < 0 || int(k) >= len(eventNames) {
		return "unknown"
	}
	return eventNames[k]
}

// Final reports whether no event follows this one for the same variant.
func (k EventKind) Final() bool { return k >= EventDone && k <= EventCancelled }

// Event is one step of one variant's generation, as the scheduler reports it.
type Event struct {
	// Index is the variant's Index in its run.
	Index int
	// Kind is what happened.
	Kind EventKind
	// Delta is the text added, for EventDelta.
	Delta string
	// Fraction is the progress, 0 to 1, or negative when unknown.
	Fraction float64
	// Variant is a snapshot of the variant after this event: Status, Text so far, Error,
	// ErrorCode and Stats.
	Variant model.Variant
}

// DefaultSaveInterval is how often a streaming variant's partial text is saved by default.
const DefaultSaveInterval = time.Second

// defaultCancelGrace is how long a cancelled engine may take to return before the scheduler
// ends its variant without waiting.
const defaultCancelGrace = 2 * time.Second

// Scheduler runs the variants of a run on their engines, streams their events and persists
// them. It is safe for concurrent use; each Start returns an independent Job.
type Scheduler struct {
	engines map[string]Engine
	sink    Sink

	hosts hostLocks

	mu           sync.Mutex
	presets      []model.Preset // replaced, never changed in place: a Job keeps the slice it took
	saveInterval time.Duration
	workers      int           // variants of the built-in engine generated at once
	perModel     int           // variants of one model generated at once on a host
	cancelGrace  time.Duration // see defaultCancelGrace
	meter        EnergyMeter   // reads the processor's energy around a generation
	pool         Pool          // where each model may run; nil: on its own host
	hostParallel func(engine, host string) int
}

// EnergyMeter reads the processor's energy counters; power.Meter does on this computer.
type EnergyMeter interface {
	Read() (power.Sample, bool)
}

// SetEnergyMeter sets what measures the energy of the variants generated on this computer
// (power.System() by default, which measures nothing where RAPL cannot be read). It applies
// to the runs started afterwards.
func (s *Scheduler) SetEnergyMeter(m EnergyMeter) {
	s.mu.Lock()
	s.meter = m
	s.mu.Unlock()
}

// NewScheduler returns a scheduler serving the given engines (by Name) and presets, saving
// variants to sink.
func NewScheduler(engines []Engine, presets []model.Preset, sink Sink) *Scheduler {
	byName := make(map[string]Engine, len(engines))
	for _, e := range engines {
		byName[e.Name()] = e
	}
	return &Scheduler{
		engines:      byName,
		presets:      slices.Clone(presets),
		sink:         sink,
		saveInterval: DefaultSaveInterval,
		workers:      runtime.NumCPU(),
		perModel:     DefaultParallel,
		cancelGrace:  defaultCancelGrace,
		meter:        power.System(),
	}
}

// SetPresets replaces the presets the scheduler serves, for instance after the user saved or
// deleted one. It applies to the runs started afterwards; a run in progress keeps the presets
// it started with.
func (s *Scheduler) SetPresets(ps []model.Preset) {
	ps = slices.Clone(ps)
	s.mu.Lock()
	s.presets = ps
	s.mu.Unlock()
}

// SetSaveInterval sets how often a streaming variant is saved; d <= 0 restores the default
// of one second. It applies to the runs started afterwards.
func (s *Scheduler) SetSaveInterval(d time.Duration) {
	if d <= 0 {
		d = DefaultSaveInterval
	}
	s.mu.Lock()
	s.saveInterval = d
	s.mu.Unlock()
}

// SetParallel sets how many variants of one model a host generates at once; perModel < 1
// means 1, the default. Set it to the host's OLLAMA_NUM_PARALLEL. It applies to the runs
// started afterwards.
func (s *Scheduler) SetParallel(perModel int) {
	s.mu.Lock()
	s.perModel = max(1, perModel)
	s.mu.Unlock()
}

// Start generates variants of rev in the background and returns the job at once. The
// variants come as the store created them (status queued).
//
// Variants are grouped by engine, host and model, so that each model is loaded once: on one
// host the groups run one after another, in the order they first appear in variants (by
// Index), each generating up to SetParallel (or SetHostParallel) variants at once; different
// hosts run in parallel, and so does the built-in engine, up to one variant per CPU. A host
// serves one group at a time across every job of the scheduler.
//
// A model that SetPool's Pool finds on several hosts forms one group that each of them serves,
// in its own order of groups: a host free for the group takes its next variant, whose Spec then
// names that host and model. When a host dies while it writes a variant (CodeHostUnreachable or
// CodeStreamCut, nobody cancelled), it takes no more variants of the job, and that variant gets
// EventQueued again, its first try recorded in Stats.RetriedFrom, RetryCode and RetryText, then
// starts again from the start on another live host of its model (EventLoading, Text empty): once
// only. Any other failure, or a host death with no other host, ends the variant as failed.
//
// onEvent, if not nil, receives every event of the run, one at a time, from the scheduler's
// goroutines; it must return quickly and must not call Wait. It may call Cancel and
// CancelVariant. A variant gets EventQueued at once, EventLoading when it starts and again
// whenever its engine reports StageLoading (the first variant of a group, while its model
// loads), EventDelta with its Stats.OutputTokens and TokensPerSecond kept current, then one
// final event. A variant cancelled while queued ends at once, without being started.
func (s *Scheduler) Start(ctx context.Context, rev model.Revision, variants []model.Variant, onEvent func(Event)) *Job {
	s.mu.Lock()
	saveInterval, workers, perModel, grace, meter := s.saveInterval, s.workers, s.perModel, s.cancelGrace, s.meter
	presets := s.presets
	p := planner{pool: s.pool, parallel: parallelOf(s.hostParallel, perModel), builtinParallel: workers}
	s.mu.Unlock()
	jctx, cancel := context.WithCancel(ctx)
	j := &Job{
		sched:        s,
		rev:          rev,
		presets:      presets,
		ctx:          jctx,
		cancel:       cancel,
		saveCtx:      context.WithoutCancel(ctx),
		onEvent:      onEvent,
		saveInterval: saveInterval,
		grace:        grace,
		meter:        meter,
		done:         make(chan struct{}),
		laneOf:       map[hostKey]*lane{},
		dead:         map[string]bool{},
	}
	for _, v := range variants {
		sctx, scancel := context.WithCancel(jctx)
		j.slots = append(j.slots, &slot{index: v.Index, v: v, ctx: sctx, cancel: scancel})
	}
	slices.SortStableFunc(j.slots, func(a, b *slot) int { return cmp.Compare(a.index, b.index) })
	j.lanes = p.plan(j.slots)
	for _, l := range j.lanes {
		j.laneOf[l.host] = l
	}
	go j.run()
	return j
}
