package ollama

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Bounds of the tokenizer cache. A tokenizer of 128,000 tokens and 280,000 merges (Llama 3)
// holds 33.5 MB once built (BenchmarkTokenizerLoad): the cache keeps tokenizers of at most
// 1,500,000 tokens and merges in all, three vocabularies of that size (about 100 MB), and
// always the last one asked for. The matrix only fetches the tokenizers of the models ticked,
// so that a host with many models does not make the cache fetch and drop them in turn.
const (
	maxCachedEntries = 1_500_000
	// retryVocabulary is how long a model whose vocabulary could not be had is counted by
	// estimate before the host is asked again.
	retryVocabulary = time.Minute
	// vocabularyTimeout bounds the fetch of a vocabulary; counting falls back to the estimate.
	vocabularyTimeout = 30 * time.Second
)

// tokenizers caches the models' tokenizers by digest, at most maxTokenizers, the least
// recently used dropped first. A tokenizer is fetched once even when several goroutines ask
// for it at the same time. Safe for concurrent use.
type tokenizers struct {
	limit int // tokens and merges kept; 0 means maxCachedEntries

	mu      sync.Mutex
	entries map[string]*tokEntry
	order   []string // digests, least recently used first
}

// tokEntry is one model's tokenizer, or why it could not be had.
type tokEntry struct {
	ready chan struct{} // closed when mt and err are set
	mt    *modelTokenizer
	err   error
	at    time.Time
}

// get returns the tokenizer of info on c, fetching it when needed and fetch is true; nil when
// the model has none Rapporteur can use, its host did not give it, it is not cached and fetch
// is false, or ctx ended first.
func (t *tokenizers) get(ctx context.Context, c *Client, info ModelInfo, fetch bool) *modelTokenizer {
	if info.Digest == "" {
		return nil // nothing tells a model pulled again from the one cached
	}
	t.mu.Lock()
	if t.entries == nil {
		t.entries = map[string]*tokEntry{}
	}
	e, ok := t.entries[info.Digest]
	if ok && e.done() && e.err != nil && time.Since(e.at) > retryVocabulary {
		ok = false
	}
	if !ok && !fetch {
		t.mu.Unlock()
		return nil
	}
	if !ok {
		e = &tokEntry{ready: make(chan struct{})}
		t.entries[info.Digest] = e
		go e.fetch(ctx, c, info.Name, t.shrink)
	}
	t.touchLocked(info.Digest)
	t.mu.Unlock()
	select {
	case <-e.ready:
		return e.mt
	case <-ctx.Done():
		return nil
	}
}

// fetch fills e from the host; it runs without the caller's cancellation, bounded by its own
// timeout, so that a planner giving up does not spoil the entry for the next one.
// Once it is filled, and before its waiters wake, filled is called, so that the cache keeps to
// its bound.
func (e *tokEntry) fetch(ctx context.Context, c *Client, name string, filled func(*tokEntry)) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), vocabularyTimeout)
	defer cancel()
	e.mt, e.err = c.fetchTokenizer(ctx, name)
	if e.mt == nil && e.err == nil {
		e.err = errors.New("no tokenizer")
	}
	e.at = time.Now()
	filled(e)
	close(e.ready)
}

func (e *tokEntry) done() bool {
	select {
	case <-e.ready:
		return true
	default:
		return false
	}
}

// touchLocked marks digest as just used. The caller holds t.mu.
func (t *tokenizers) touchLocked(digest string) {
	for i, d := range t.order {
		if d == digest {
			t.order = append(t.order[:i], t.order[i+1:]...)
			break
		}
	}
	t.order = append(t.order, digest)
}

// shrink drops the least recently used tokenizers while those kept, filled among them, hold
// more than the limit of tokens and merges; the most recent one always stays. Entries still
// being fetched count for nothing.
func (t *tokenizers) shrink(filled *tokEntry) {
	t.mu.Lock()
	defer t.mu.Unlock()
	size := func(e *tokEntry) int {
		if (e == filled || e.done()) && e.mt != nil {
			return e.mt.entries
		}
		return 0
	}
	total, limit := 0, t.limit
	if limit <= 0 {
		limit = maxCachedEntries
	}
	for _, e := range t.entries {
		total += size(e)
	}
	for total > limit && len(t.order) > 1 {
		total -= size(t.entries[t.order[0]])
		delete(t.entries, t.order[0])
		t.order = t.order[1:]
	}
}
