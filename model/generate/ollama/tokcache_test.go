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

// TestTokenizerCacheBounded: at most maxTokenizers tokenizers are kept, the least recently
// used dropped first; a model without vocabulary is not asked again at each plan.
func TestTokenizerCacheBounded(t *testing.T) {
	var models []ollamatest.Model
	for i := range maxTokenizers + 1 {
		models = append(models, ollamatest.Model{Name: fmt.Sprintf("m%d", i), ContextLength: 4096, Vocabulary: letterVocabulary()})
	}
	s := newServer(t, append(models, ollamatest.Model{Name: "plain", ContextLength: 4096})...)
	e := NewEngine(Options{})
	c, _ := e.Client(s.URL())
	ctx := testContext(t)
	infos := map[string]ModelInfo{}
	for _, m := range append(models, ollamatest.Model{Name: "plain"}) {
		info, err := c.Show(ctx, m.Name)
		if err != nil {
			t.Fatal(err)
		}
		infos[m.Name] = info
	}
	fetches := func(name string) int {
		before := showRequests(s)
		e.counter(ctx, c, infos[name])
		return showRequests(s) - before
	}
	for i := range maxTokenizers + 1 {
		if n := fetches(fmt.Sprintf("m%d", i)); n != 1 {
			t.Errorf("m%d: %d fetches the first time", i, n)
		}
	}
	if len(e.tokenizers.entries) != maxTokenizers {
		t.Errorf("%d tokenizers kept, at most %d", len(e.tokenizers.entries), maxTokenizers)
	}
	if n := fetches(fmt.Sprintf("m%d", maxTokenizers)); n != 0 {
		t.Errorf("the most recent tokenizer was fetched again")
	}
	if n := fetches("m0"); n != 1 {
		t.Errorf("the least recently used tokenizer was kept (%d fetches)", n)
	}
	fetches("plain")
	if n := fetches("plain"); n != 0 || e.counter(ctx, c, infos["plain"]).Exact() {
		t.Errorf("a model without vocabulary: %d fetches the second time", n)
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
