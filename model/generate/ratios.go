package generate

import (
	"context"
	"math"
	"sync"
)

// RatioStore keeps the token ratios the engines learn, so that later sessions plan with them;
// the workspace (model/store) implements it. Keys are opaque strings of at most a few hundred
// bytes; ratios are between 0.25 and 16.
type RatioStore interface {
	// TokenRatios returns every ratio kept, by key.
	TokenRatios(ctx context.Context) (map[string]float64, error)
	// SaveTokenRatio keeps ratio for key, replacing the previous one.
	SaveTokenRatio(ctx context.Context, key string, ratio float64) error
}

// Bounds of a learned ratio: a host reporting absurd counts cannot make plans absurd.
const (
	minRatio = 0.25
	maxRatio = 16
	// decay is how far a lower observation pulls the ratio down: a higher one raises it at once
	// (the next plan must not fail), a lower one only by a quarter of the gap (one text full of
	// plain words must not undo what a text full of figures taught).
	decay = 0.25
	// tooLongSlack raises the ratio a bit beyond the least that a 400 proves, so that the next
	// plan is not short again by one token.
	tooLongSlack = 1.05
	// saveChange is the least relative change worth writing to the store.
	saveChange = 0.001
)

// Ratios are the learned ratios of the tokens a server counts to the tokens an engine counted
// for the same prompt, by key (an engine names what a ratio corrects: a counting method and a
// model). Each starts at 1: the count is trusted until the server says otherwise. The zero
// value learns in memory; with Store set, ratios are read from it once and kept in it. Safe for
// concurrent use.
type Ratios struct {
	// Store keeps the ratios across sessions; nil keeps them in memory only. Set it before
	// the first use.
	Store RatioStore

	mu     sync.Mutex
	loaded bool
	m      map[string]float64

	saveMu sync.Mutex // orders the saves, so that the last one written is the current ratio
}

// Get returns the ratio of key, 1 when nothing was learned; it reads the store once.
func (r *Ratios) Get(ctx context.Context, key string) float64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.loadLocked(ctx)
	if v, ok := r.m[key]; ok {
		return v
	}
	return 1
}

// Observe learns from a pass whose prompt the engine counted raw tokens of and the server
// served: the ratio jumps to a higher observation and drifts towards a lower one.
func (r *Ratios) Observe(ctx context.Context, key string, raw, served int) {
	if raw <= 0 || served <= 0 {
		return
	}
	seen := clampRatio(float64(served) / float64(raw))
	r.update(ctx, key, func(old float64, known bool) float64 {
		if !known || seen >= old {
			return seen
		}
		return old - (old-seen)*decay
	})
}

// AtLeast learns from a refusal, "the input length exceeds the context length", of a prompt
// of raw counted tokens: the server counted more than limit tokens (Ollama's num_ctx sent, or
// the context an OpenAI-compatible server named).
func (r *Ratios) AtLeast(ctx context.Context, key string, raw, limit int) {
	if raw <= 0 || limit <= 0 {
		return
	}
	least := clampRatio(float64(limit+1) / float64(raw) * tooLongSlack)
	r.update(ctx, key, func(old float64, _ bool) float64 { return math.Max(old, least) })
}

// update replaces key's ratio by next(old) and saves it when it changed enough.
func (r *Ratios) update(ctx context.Context, key string, next func(old float64, known bool) float64) {
	r.mu.Lock()
	r.loadLocked(ctx)
	old, known := r.m[key]
	if !known {
		old = 1
	}
	v := clampRatio(next(old, known))
	r.m[key] = v
	r.mu.Unlock()
	if r.Store == nil || (known && math.Abs(v-old) <= saveChange*old) {
		return
	}
	r.saveMu.Lock()
	defer r.saveMu.Unlock()
	r.mu.Lock()
	v = r.m[key] // another update may have come meanwhile: save what is current
	r.mu.Unlock()
	_ = r.Store.SaveTokenRatio(context.WithoutCancel(ctx), key, v) // a lost ratio is learned again
}

// loadLocked reads the store's ratios the first time. The caller holds r.mu.
func (r *Ratios) loadLocked(ctx context.Context) {
	if r.loaded {
		return
	}
	if r.m == nil {
		r.m = map[string]float64{}
	}
	if r.Store == nil {
		r.loaded = true
		return
	}
	saved, err := r.Store.TokenRatios(ctx)
	if err != nil {
		return // try again next time
	}
	r.loaded = true
	for k, v := range saved {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			r.m[k] = clampRatio(v)
		}
	}
}

// clampRatio keeps v within the bounds; NaN is 1.
func clampRatio(v float64) float64 {
	if math.IsNaN(v) {
		return 1
	}
	return math.Max(minRatio, math.Min(maxRatio, v))
}
