package ui

import (
	"strings"
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
	b := newPacer(redrawInterval, func(evs map[int]generate.Event) {
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
		b.push(i, generate.Event{Index: i, Kind: generate.EventDelta, Variant: model.Variant{Index: i, Text: text[i]}})
		if n%1000 == 0 {
			q.drain()
		}
	}
	elapsed := time.Since(start)
	q.pumpUntil(t, "last redraw", func() bool { return latest[3] == text[3] && latest[0] == text[0] })
	allowed := int(elapsed/redrawInterval) + 2
	if got := b.appliedCount(); got > allowed {
		t.Fatalf("%d redraws for %d events in %v; at most %d allowed", got, events, elapsed, allowed)
	}
}

// BenchmarkStreamToScreen measures the path from the scheduler to the screen with the source
// and three variants in columns: "push" is what each streamed token costs the generating
// goroutine (the bridge keeps the latest state); "redraw" is one coalesced update of the three
// variant columns, each holding about 1,500 words, which the UI thread does at most 20 times a
// second whatever the token rate.
func BenchmarkStreamToScreen(b *testing.B) {
	b.Run("push", func(b *testing.B) {
		br := newPacer(redrawInterval, func(map[int]generate.Event) {})
		v := model.Variant{Text: "texte"}
		i := 0
		for b.Loop() {
			br.push(i%4, generate.Event{Index: i % 4, Kind: generate.EventDelta, Variant: v})
			i++
		}
	})
	b.Run("redraw", func(b *testing.B) {
		env := newTestEnv(b, LanguageFrench)
		u := env.u
		u.lib.OpenExample()
		u.ed.Fields().Body.SetText(strings.Repeat(sample(b)+"\n\n", 4))
		u.gen.onStart()
		env.q.pumpUntil(b, "run done", func() bool { return isDone(u.run.job) && allFinal(u.cmp.variants) })
		env.q.drain()
		text := strings.Repeat(sample(b)+"\n\n", 4)
		events := map[int]generate.Event{}
		n := 0
		for b.Loop() {
			n++
			for i, v := range u.run.variants {
				v.Status = model.StatusRunning
				v.Text = text[:len(text)-n%100] // a different text each time, as streaming gives
				events[i] = generate.Event{Index: i, Kind: generate.EventDelta, Variant: v}
			}
			u.runner.apply(events)
		}
	})
}
