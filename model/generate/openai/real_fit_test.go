package openai

import (
	"os"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// longReport is a messy report of about 8,800 characters: some 10,000 tokens for the tiny
// models, more than tiny-8k's 8,192.
func longReport(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/concertation-gare.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// contextSetting is the user's setting: 8,192 tokens for tiny-8k, nothing for the others.
func contextSetting(_, name string) int {
	if name == ollamatest.RealTiny8k+":latest" {
		return 8192
	}
	return 0
}

// TestRealSilentTruncationFlagged: Ollama's /v1 cuts a prompt longer than the model's context
// without a word; with the context known (the user's setting), the engine sees that the server
// read a whole context and flags the variant; without it, it cannot tell.
func TestRealSilentTruncationFlagged(t *testing.T) {
	base := realBase(t)
	ctx := testContext(t, 5*time.Minute)
	req := newRequest(t, base, ollamatest.RealTiny8k, "synthese-courte", longReport(t))
	req.Spec.Options.NumPredict, req.Spec.Options.Seed = 8, intp(realSeed)

	res, err := NewEngine(Options{ContextLength: contextSetting}).Generate(ctx, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := res.Stats
	if !s.SourceTruncated || s.PromptTokens != 8192 || s.ModelContext != 8192 || s.Chunks != 0 {
		t.Errorf("stats %+v, want a single pass flagged truncated at 8192 tokens", s)
	}

	res, err = NewEngine(Options{}).Generate(ctx, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.SourceTruncated || res.Stats.ModelContext != 0 {
		t.Errorf("stats %+v: without a known context nothing can be told", res.Stats)
	}
}

// TestRealReadsInParts: once the engine has learned how the server counts this model (here
// from the truncated first pass), a source too long for the context is condensed piece by
// piece, then written from the condensed text, no pass cut.
func TestRealReadsInParts(t *testing.T) {
	base := realBase(t)
	ctx := testContext(t, 10*time.Minute)
	e := NewEngine(Options{ContextLength: contextSetting})
	req := newRequest(t, base, ollamatest.RealTiny8k, "synthese-courte", longReport(t))
	req.Spec.Options.NumPredict, req.Spec.Options.Seed = 8, intp(realSeed)
	if res, err := e.Generate(ctx, req, nil); err != nil || !res.Stats.SourceTruncated {
		t.Fatalf("first pass: err %v, truncated %v: the test needs a truncated first pass", err, res.Stats.SourceTruncated)
	}

	var log progressLog
	res, err := e.Generate(ctx, req, log.add)
	if err != nil {
		t.Fatal(err)
	}
	s := res.Stats
	if s.Chunks < 2 || s.SourceTruncated || s.PromptTokens <= 8192 || s.ModelContext != 8192 {
		t.Errorf("stats %+v, want the source read in parts, nothing cut", s)
	}
	if log.count(generate.StageChunking) < 2 || res.Text == "" || log.text() != res.Text {
		t.Errorf("%d chunking steps, text %q, deltas %q", log.count(generate.StageChunking), res.Text, log.text())
	}
}
