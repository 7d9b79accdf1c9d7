package ollama

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// letterVocabulary is a small SentencePiece vocabulary: the special tokens, the space marker
// and the lower-case letters.
func letterVocabulary() *ollamatest.Vocabulary {
	v := &ollamatest.Vocabulary{Model: "llama", Tokens: []string{"<unk>", "<s>", "</s>", "▁"}, Types: []int32{2, 3, 3, 1}, BOS: 1, EOS: 2}
	for r := 'a'; r <= 'z'; r++ {
		v.Tokens, v.Types = append(v.Tokens, string(r)), append(v.Types, 1)
	}
	v.Scores = make([]float32, len(v.Tokens))
	return v
}

// lettersModel serves a model with letterVocabulary, and returns the server, an engine, its
// client for the server and the model's details.
func lettersModel(t *testing.T) (*ollamatest.Server, *Engine, *Client, ModelInfo) {
	t.Helper()
	s := newServer(t, ollamatest.Model{Name: "lettres", ContextLength: 4096, Vocabulary: letterVocabulary()})
	e := NewEngine(Options{})
	c, _ := e.Client(s.URL())
	info, err := c.Show(testContext(t), "lettres")
	if err != nil {
		t.Fatal(err)
	}
	return s, e, c, info
}

// showRequests counts the /api/show requests the server received.
func showRequests(s *ollamatest.Server) int { return s.Requests("/api/show") }

// TestTokenizerFetchedOnce: many planners asking at once for a model's tokenizer cause one
// fetch, and they all get it.
func TestTokenizerFetchedOnce(t *testing.T) {
	s, e, c, info := lettersModel(t)
	before := showRequests(s)
	var wg sync.WaitGroup
	exact := make(chan bool, 8)
	for range 8 {
		wg.Go(func() { exact <- e.counter(testContext(t), c, info).Exact() })
	}
	wg.Wait()
	close(exact)
	for x := range exact {
		if !x {
			t.Error("a planner got no tokenizer")
		}
	}
	if n := showRequests(s) - before; n != 1 {
		t.Errorf("%d fetches of the vocabulary, want 1", n)
	}
	if n, _ := e.counter(testContext(t), c, info).mt.count("abc abc"); n != 7 {
		t.Errorf("%q counted %d, want 7 (one token a letter and a space marker)", "abc abc", n)
	}
}

// TestTokenizerCacheBounded: the tokenizers kept hold at most the cache's limit of tokens and
// merges, the least recently used dropped first: with room for three vocabularies of 30
// tokens, three stay when a fourth comes. PlanKnown never fetches: a model only looked at is
// estimated.
func TestTokenizerCacheBounded(t *testing.T) {
	var models []ollamatest.Model
	for i := range 4 {
		models = append(models, ollamatest.Model{Name: fmt.Sprintf("m%d", i), ContextLength: 8192, Vocabulary: letterVocabulary()})
	}
	s := newServer(t, models...)
	e := NewEngine(Options{})
	e.tokenizers.limit = 3*len(letterVocabulary().Tokens) + 10
	c, _ := e.Client(s.URL())
	ctx := testContext(t)
	fetches := func(name string, fetch bool) (int, bool) {
		info, err := c.Show(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		before := showRequests(s)
		exact := e.countWith(ctx, c, info, fetch).Exact()
		return showRequests(s) - before, exact
	}
	if n, exact := fetches("m0", false); n != 0 || exact {
		t.Errorf("PlanKnown's count fetched %d vocabularies (exact %v)", n, exact)
	}
	for i := range 4 {
		if n, exact := fetches(fmt.Sprintf("m%d", i), true); n != 1 || !exact {
			t.Errorf("m%d: %d fetches the first time (exact %v)", i, n, exact)
		}
	}
	for _, m := range []string{"m3", "m2", "m1"} {
		if n, _ := fetches(m, true); n != 0 {
			t.Errorf("%s, among the three most recent, was fetched again", m)
		}
	}
	if n, exact := fetches("m0", false); n != 0 || exact {
		t.Errorf("the least recently used tokenizer was kept (%d fetches, exact %v)", n, exact)
	}
	if len(e.tokenizers.entries) != 3 {
		t.Errorf("%d tokenizers kept, want 3", len(e.tokenizers.entries))
	}
}

// TestTokenizerMissingNotRefetched: a model whose host gives no vocabulary is estimated, and
// not asked again at each plan.
func TestTokenizerMissingNotRefetched(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "plain", ContextLength: 4096})
	e := NewEngine(Options{})
	c, _ := e.Client(s.URL())
	info, err := c.Show(testContext(t), "plain")
	if err != nil {
		t.Fatal(err)
	}
	e.counter(testContext(t), c, info)
	before := showRequests(s)
	if e.counter(testContext(t), c, info).Exact() || showRequests(s) != before {
		t.Errorf("a model without vocabulary was asked again")
	}
}

// TestTokenizerWaitEndsWithContext: a planner that gives up does not wait for the fetch, and
// the fetch still completes for the next one.
func TestTokenizerWaitEndsWithContext(t *testing.T) {
	_, e, c, info := lettersModel(t)
	ctx, cancel := context.WithCancel(testContext(t))
	cancel()
	if e.counter(ctx, c, info).Exact() {
		t.Error("a cancelled planner waited for the tokenizer")
	}
	if !e.counter(testContext(t), c, info).Exact() {
		t.Error("the fetch started by the cancelled planner did not serve the next one")
	}
}
