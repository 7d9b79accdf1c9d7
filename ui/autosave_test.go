package ui

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestDebouncer(t *testing.T) {
	var runs atomic.Int32
	d := newDebouncer(time.Hour, func() { runs.Add(1) })
	d.flush()
	if runs.Load() != 0 {
		t.Fatal("flush with nothing pending must not run")
	}
	for range 50 {
		d.trigger()
	}
	d.flush()
	d.flush()
	if got := runs.Load(); got != 1 {
		t.Fatalf("50 triggers then flushes ran %d times, want 1", got)
	}

	done := make(chan struct{})
	quick := newDebouncer(time.Millisecond, func() { close(done) })
	quick.trigger()
	<-done // the delay elapsed without a flush: it ran by itself
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
