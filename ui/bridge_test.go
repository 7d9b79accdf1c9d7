package ui

import (
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// TestBridgeCoalesces streams many events for four columns as fast as possible and checks the
// UI thread is asked to redraw at most about twenty times a second, with the latest text.
func TestBridgeCoalesces(t *testing.T) {
	q := installQueue(t)
	latest := map[int]string{}
	b := newStreamBridge(func(evs map[int]generate.Event) {
		for i, ev := range evs {
			latest[i] = ev.Variant.Text
		}
	})
	start := time.Now()
	const events = 40_000
	text := make([]string, 4)
	for n := range events {
		i := n % 4
		text[i] += "x"
		b.push(generate.Event{Index: i, Kind: generate.EventDelta, Variant: model.Variant{Index: i, Text: text[i]}})
		if n%1000 == 0 {
			q.drain()
		}
	}
	elapsed := time.Since(start)
	q.pumpUntil(t, "last redraw", func() bool { return latest[3] == text[3] && latest[0] == text[0] })
	allowed := int(elapsed/redrawInterval) + 2
	if got := b.redrawCount(); got > allowed {
		t.Fatalf("%d redraws for %d events in %v; at most %d allowed", got, events, elapsed, allowed)
	}
}

// BenchmarkStreamToScreen measures how many streamed events the bridge absorbs per second with
// four columns.
func BenchmarkStreamToScreen(b *testing.B) {
	br := newStreamBridge(func(map[int]generate.Event) {})
	uiDoMu.Lock()
	uiDo = func(f func()) { f() }
	uiDoMu.Unlock()
	v := model.Variant{Text: "texte"}
	i := 0
	for b.Loop() {
		br.push(generate.Event{Index: i % 4, Kind: generate.EventDelta, Variant: v})
		i++
	}
}
