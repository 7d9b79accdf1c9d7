package editor

import (
	"sync"
	"time"
)

// debouncer runs a function once activity has paused for a delay, at most once per pause.
// stop drops a pending run (the editor's flush stops it, then saves itself).
type debouncer struct {
	delay time.Duration
	fn    func()

	mu      sync.Mutex
	timer   *time.Timer
	pending bool
}

func newDebouncer(delay time.Duration, fn func()) *debouncer {
	return &debouncer{delay: delay, fn: fn}
}

// trigger (re)starts the delay.
func (d *debouncer) trigger() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pending = true
	if d.timer == nil {
		d.timer = time.AfterFunc(d.delay, d.fire)
		return
	}
	d.timer.Reset(d.delay)
}

// stop cancels a pending run without running it.
func (d *debouncer) stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil {
		d.timer.Stop()
	}
	d.pending = false
}

// fire is what the timer calls once the delay has elapsed: it runs the function if a run is
// still pending.
func (d *debouncer) fire() {
	d.mu.Lock()
	run := d.pending
	d.pending = false
	d.mu.Unlock()
	if run {
		d.fn()
	}
}
