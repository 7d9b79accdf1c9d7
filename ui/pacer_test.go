package ui

import (
	"testing"
	"time"
)

// TestPacerKeepsTheLatest checks a pacer delivers a burst pushed within one interval as its
// latest value, in one batch on the UI thread.
func TestPacerKeepsTheLatest(t *testing.T) {
	q := installQueue(t)
	var shown []string
	p := newPacer(time.Hour, func(m map[int]string) { shown = append(shown, m[0]) })
	for _, s := range []string{"a", "ab", "abc"} {
		p.push(0, s)
	}
	p.flush() // what the timer does at the end of the interval
	q.drain()
	if len(shown) != 1 || shown[0] != "abc" {
		t.Errorf("a burst within one interval should arrive once as its latest value, got %q", shown)
	}
}

// TestPacerStopDropsLateBatches checks that once stopped, a batch already on its way to the UI
// thread, and anything pushed later, never reaches the screen: the final text shown after stop
// is the last word.
func TestPacerStopDropsLateBatches(t *testing.T) {
	q := installQueue(t)
	var shown []string
	p := newPacer(time.Hour, func(m map[int]string) { shown = append(shown, m[0]) })
	p.push(0, "partiel")
	p.flush() // the batch is queued for the UI thread, not yet applied
	p.stop()
	runOnUI(func() { shown = append(shown, "final") })
	p.push(0, "trop tard")
	p.flush()
	q.drain()
	if len(shown) != 1 || shown[0] != "final" {
		t.Errorf("after stop the screen got %q, want only the final text", shown)
	}
}
