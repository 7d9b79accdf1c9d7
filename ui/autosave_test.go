package ui

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

func TestFmtInt(t *testing.T) {
	installQueue(t)
	if err := LoadTranslations(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1534: "1\u00a0534", 131072: "131\u00a0072", -1250: "-1\u00a0250"} {
		if got := fmtInt(n); got != want {
			t.Errorf("fmtInt(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFmtCompact(t *testing.T) {
	installQueue(t)
	if err := LoadTranslations(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{534: "534", 1534: "1,5k", 32768: "32,8k", 2000: "2k", 131072: "131k"} {
		if got := fmtCompact(n); got != want {
			t.Errorf("fmtCompact(%d) = %q, want %q", n, got, want)
		}
	}
}
