package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/rapporteur/rapporteur/model/generate"
)

// redrawInterval bounds how often streaming text is redrawn: 20 times a second at most,
// however fast tokens arrive.
const redrawInterval = 50 * time.Millisecond

// maxUIShare is the share of the UI thread's time redraws may take: when laying out long texts
// gets slow, redraws are spaced out so that typing and scrolling stay fluid.
const maxUIShare = 4 // redraw cost × maxUIShare ≤ interval, i.e. at most a quarter of the time

// streamBridge carries a run's events from the scheduler's goroutines to the widgets. It keeps
// only the latest event of each variant (which carries the variant's whole state) and applies
// them on the UI thread, through fyne.Do, at most once per redrawInterval, and less often when
// redrawing gets slow (see maxUIShare).
type streamBridge struct {
	apply func(map[int]generate.Event) // called on the UI thread

	mu        sync.Mutex
	latest    map[int]generate.Event
	scheduled bool
	last      time.Time
	cost      time.Duration // how long the last redraw took on the UI thread
	redraws   int
}

func newStreamBridge(apply func(map[int]generate.Event)) *streamBridge {
	return &streamBridge{apply: apply, latest: map[int]generate.Event{}}
}

// push records an event; it may be called from any goroutine and never blocks on the UI.
func (b *streamBridge) push(ev generate.Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.latest[ev.Index] = ev
	if b.scheduled {
		return
	}
	b.scheduled = true
	wait := max(redrawInterval, maxUIShare*b.cost) - time.Since(b.last)
	if wait < 0 {
		wait = 0
	}
	time.AfterFunc(wait, b.flush)
}

// flush hands the accumulated states to the UI thread.
func (b *streamBridge) flush() {
	b.mu.Lock()
	states := b.latest
	b.latest = map[int]generate.Event{}
	b.scheduled = false
	b.last = time.Now()
	b.redraws++
	b.mu.Unlock()
	runOnUI(func() {
		start := time.Now()
		b.apply(states)
		b.mu.Lock()
		b.cost = time.Since(start)
		b.mu.Unlock()
	})
}

// redrawCount returns how many batches were handed to the UI thread.
func (b *streamBridge) redrawCount() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.redraws
}

// uiDo is how work reaches the UI thread: fyne.Do, replaced in tests by a queue that the test's
// goroutine drains, so that the race detector sees the same single UI thread as the real app.
var (
	uiDoMu sync.RWMutex
	uiDo   = fyne.Do
)

// runOnUI runs f on the UI thread.
func runOnUI(f func()) {
	uiDoMu.RLock()
	do := uiDo
	uiDoMu.RUnlock()
	do(f)
}
