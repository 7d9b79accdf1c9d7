package openai

import (
	"context"
	"maps"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model/generate/openai/openaitest"
)

// TestPlanSaysWhatGenerateDoes: Plan tells, before anything is written, that the long report
// fits a large context in one pass and is read in parts in a small one; Generate then does
// what it said (read in parts, more than one part).
func TestPlanSaysWhatGenerateDoes(t *testing.T) {
	s := openaitest.New(t, openaitest.Model{Name: "large", MaxModelLen: 32768, Words: 20}, openaitest.Model{Name: "small", MaxModelLen: 1536, Words: 40})
	e := NewEngine(Options{})
	ctx := testContext(t, time.Minute)
	large, err := e.Plan(ctx, newRequest(t, s.URL(), "large", "synthese-courte", report(t)))
	if err != nil {
		t.Fatal(err)
	}
	if !large.Fits || large.Chunks != 0 || large.ModelContext != 32768 || large.Exact || large.PromptTokens < 1000 {
		t.Errorf("large context: %+v", large)
	}
	req := newRequest(t, s.URL(), "small", "synthese-courte", report(t))
	small, err := e.Plan(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if small.Fits || small.Chunks < 2 || small.ModelContext != 1536 {
		t.Fatalf("small context: %+v", small)
	}
	res, err := e.Generate(ctx, req, nil)
	if err != nil || res.Stats.Chunks < 2 {
		t.Fatalf("Generate read it in %d parts (plan said %d): %v", res.Stats.Chunks, small.Chunks, err)
	}
	if _, err := e.Plan(ctx, newRequest(t, s.URL(), "absent", "synthese-courte", report(t))); err == nil {
		t.Error("a missing model was planned")
	}
}

// memStore is a generate.RatioStore in memory.
type memStore struct {
	mu sync.Mutex
	m  map[string]float64
}

func (s *memStore) TokenRatios(context.Context) (map[string]float64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.m), nil
}

func (s *memStore) SaveTokenRatio(_ context.Context, key string, v float64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]float64{}
	}
	s.m[key] = v
	return nil
}

// TestRatiosKeptAcrossEngines: what one engine learns of a model's counts (usage.prompt_tokens)
// is kept in the store, under a key of its own, and a new engine on the same store plans with
// it: its estimate of the same prompt is the server's count, margin aside.
func TestRatiosKeptAcrossEngines(t *testing.T) {
	s := openaitest.New(t, openaitest.Model{Name: "m", MaxModelLen: 32768, Words: 10})
	store := &memStore{}
	ctx := testContext(t, time.Minute)
	req := newRequest(t, s.URL(), "m", "synthese-courte", report(t))
	before, err := NewEngine(Options{}).Plan(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	res, err := NewEngine(Options{Ratios: store}).Generate(ctx, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	key := ratioKey(s.URL(), "m")
	if _, ok := store.m[key]; !ok || !strings.HasPrefix(key, "openai-estimate:") {
		t.Fatalf("store holds %v, want %s", store.m, key)
	}
	after, err := NewEngine(Options{Ratios: store}).Plan(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	served := res.Stats.PromptTokens
	if after.PromptTokens == before.PromptTokens || after.PromptTokens < served || float64(after.PromptTokens) > 1.25*float64(served) {
		t.Errorf("estimate %d before, %d after learning; the server counted %d", before.PromptTokens, after.PromptTokens, served)
	}
}
