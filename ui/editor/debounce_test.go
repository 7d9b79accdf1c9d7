package editor

import (
	"sync/atomic"
	"testing"
	"time"
)

// TestDebouncerCoalesces triggers a debouncer many times: one timer is armed, and when it
// fires the function runs once; a second firing with nothing new pending does nothing.
func TestDebouncerCoalesces(t *testing.T) {
	var runs atomic.Int32
	d := newDebouncer(time.Hour, func() { runs.Add(1) })
	d.fire()
	if runs.Load() != 0 {
		t.Fatal("firing with nothing pending must not run")
	}
	for range 50 {
		d.trigger()
	}
	if runs.Load() != 0 {
		t.Fatal("trigger ran the function before the delay")
	}
	d.fire() // as the timer does once the pause is long enough
	d.fire()
	if got := runs.Load(); got != 1 {
		t.Fatalf("50 triggers then two firings ran %d times, want 1", got)
	}
}

// TestDebouncerStop stops a pending run, as the editor's flush does before saving itself:
// the timer, should it fire anyway, runs nothing; a later trigger arms it again.
func TestDebouncerStop(t *testing.T) {
	var runs atomic.Int32
	d := newDebouncer(time.Hour, func() { runs.Add(1) })
	d.trigger()
	d.stop()
	d.fire()
	if got := runs.Load(); got != 0 {
		t.Fatalf("a stopped run ran %d times", got)
	}
	d.trigger()
	d.fire()
	if got := runs.Load(); got != 1 {
		t.Fatalf("a trigger after stop ran %d times, want 1", got)
	}
}

// TestDebouncerRunsByItself waits for the real timer: without anyone firing it, the function
// runs once the delay has elapsed.
func TestDebouncerRunsByItself(t *testing.T) {
	done := make(chan struct{})
	quick := newDebouncer(time.Millisecond, func() { close(done) })
	quick.trigger()
	<-done
}
