package openai

import (
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
