package ui

import (
	"sync"
	"time"
)

// redrawInterval bounds how often streaming text is redrawn: 20 times a second at most,
// however fast tokens arrive.
const redrawInterval = 50 * time.Millisecond

// maxUIShare is the share of the UI thread's time redraws may take: when laying out long texts
// gets slow, redraws are spaced out so that typing and scrolling stay fluid.
const maxUIShare = 4 // redraw cost × maxUIShare ≤ interval, i.e. at most a quarter of the time

// pacer is the one way streamed progress reaches the widgets: a run's events, a review's text
// so far, a download's progress. It may be pushed to from any goroutine and never blocks on
// the UI; it keeps only the latest value of each key and applies the batch on the UI thread,
// through runOnUI, at most once per interval, and less often when applying gets slow (see
// maxUIShare). The latest value always arrives (a trailing update), unless stop was called.
type pacer[T any] struct {
	apply    func(map[int]T) // called on the UI thread
	interval time.Duration

	mu        sync.Mutex
	latest    map[int]T
	scheduled bool
	stopped   bool
	last      time.Time
	cost      time.Duration // how long the last apply took on the UI thread
	applied   int
}

// newPacer returns a pacer applying batches at most once per interval, the first one interval
// after it is made.
func newPacer[T any](interval time.Duration, apply func(map[int]T)) *pacer[T] {
	return &pacer[T]{apply: apply, interval: interval, latest: map[int]T{}, last: time.Now()}
}

// push records the latest value of key.
func (p *pacer[T]) push(key int, v T) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	p.latest[key] = v
	if p.scheduled {
		return
	}
	p.scheduled = true
	wait := max(p.interval, maxUIShare*p.cost) - time.Since(p.last)
	time.AfterFunc(max(wait, 0), p.flush)
}

// stop drops what is pending and what is pushed later: call it before showing the final state,
// so that a late batch never overwrites it. A batch already on its way to the UI thread is
// dropped there too.
func (p *pacer[T]) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = true
	p.latest = map[int]T{}
}

// flush hands the accumulated values to the UI thread.
func (p *pacer[T]) flush() {
	p.mu.Lock()
	values := p.latest
	p.latest = map[int]T{}
	p.scheduled = false
	p.last = time.Now()
	p.mu.Unlock()
	runOnUI(func() {
		p.mu.Lock()
		stopped := p.stopped
		p.mu.Unlock()
		if stopped || len(values) == 0 {
			return
		}
		start := time.Now()
		p.apply(values)
		p.mu.Lock()
		p.cost = time.Since(start)
		p.applied++
		p.mu.Unlock()
	})
}

// appliedCount returns how many batches were applied on the UI thread.
func (p *pacer[T]) appliedCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.applied
}
