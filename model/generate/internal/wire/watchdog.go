package wire

import (
	"context"
	"sync/atomic"
	"time"
)

// Watchdog cancels a request when nothing arrives for a while: the load timeout before the
// first piece of the answer, the stall timeout between pieces afterwards.
type Watchdog struct {
	timer   *time.Timer
	stall   time.Duration
	stalled atomic.Bool
}

// NewWatchdog starts a watchdog that calls cancel once load passes without a Kick, or stall
// after the last Kick.
func NewWatchdog(load, stall time.Duration, cancel context.CancelFunc) *Watchdog {
	w := &Watchdog{stall: stall}
	w.timer = time.AfterFunc(load, func() {
		w.stalled.Store(true)
		cancel()
	})
	return w
}

// Kick says something arrived: the deadline moves to the stall timeout from now.
func (w *Watchdog) Kick() { w.timer.Reset(w.stall) }

// Stop stops the watchdog.
func (w *Watchdog) Stop() { w.timer.Stop() }

// Stalled reports whether the watchdog cancelled the request.
func (w *Watchdog) Stalled() bool { return w.stalled.Load() }
