package wire

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func TestLimitBody(t *testing.T) {
	exact, err := io.ReadAll(LimitBody(io.NopCloser(strings.NewReader("12345")), 5))
	if err != nil || string(exact) != "12345" {
		t.Fatalf("an answer of exactly the limit: %q, %v", exact, err)
	}
	_, err = io.ReadAll(LimitBody(io.NopCloser(strings.NewReader("123456")), 5))
	var large TooLargeError
	if !errors.As(err, &large) || large.Limit != 5 {
		t.Fatalf("an answer past the limit: %v", err)
	}
}

func TestNames(t *testing.T) {
	for h, want := range map[string]bool{"llm.agglo.lan": true, "gpu_01": true, "-x": false, ".x": false, "a b": false, "é.fr": false, strings.Repeat("a", 254): false} {
		if ValidHostname(h) != want {
			t.Errorf("ValidHostname(%.20q) = %v", h, !want)
		}
	}
	if !ValidPath("/v1/openai") || ValidPath("/v1?x=1") {
		t.Error("ValidPath")
	}
}

func TestWatchdogCancelsWhenSilent(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	w := NewWatchdog(time.Millisecond, time.Hour, cancel)
	<-ctx.Done()
	if !w.Stalled() {
		t.Fatal("cancelled without saying it stalled")
	}
	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	w2 := NewWatchdog(time.Hour, time.Hour, cancel2)
	w2.Kick()
	w2.Stop()
	if w2.Stalled() || ctx2.Err() != nil {
		t.Fatal("a kicked, stopped watchdog cancelled")
	}
}
