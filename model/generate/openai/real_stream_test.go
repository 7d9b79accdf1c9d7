package openai

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// Integration tests against the real Ollama 0.17.4 of ../shared/ollama, which serves the
// OpenAI-compatible API under /v1 (see ollamatest.Real: skipped without OLLAMA_TEST_HOST,
// failed with OLLAMA_TEST_REQUIRED=1).

// realBase returns the /v1 base URL of the real server.
func realBase(t *testing.T) string {
	t.Helper()
	return ollamatest.Real(t) + "/v1"
}

// realSource is short: the tiny models read about one token per character.
const realSource = "Le mardi 14 octobre 2025, 42 habitant·es du quartier des Tilleuls se sont réunis " +
	"pour discuter du réaménagement de la place. Le scénario B a recueilli 27 voix sur 42."

// realSeed makes tiny write the same text each time.
const realSeed = 7

func realRequest(t *testing.T, base, name string, numPredict int) generate.Request {
	t.Helper()
	req := newRequest(t, base, name, "synthese-courte", realSource)
	req.Spec.Options.NumPredict, req.Spec.Options.Seed = numPredict, intp(realSeed)
	return req
}

func TestRealModelsListed(t *testing.T) {
	base := realBase(t)
	c, err := NewEngine(Options{}).Client(base)
	if err != nil {
		t.Fatal(err)
	}
	st := c.Status(testContext(t, time.Minute))
	if st.Err != nil || !st.Reachable {
		t.Fatalf("status %+v", st)
	}
	names := map[string]bool{}
	for _, m := range st.Models {
		names[m.Name] = true
	}
	for _, want := range []string{"tiny:latest", "tiny-long:latest", "tiny-8k:latest"} {
		if !names[want] {
			t.Errorf("%s not listed in %v", want, names)
		}
	}
	if st.Version != "" {
		t.Errorf("version %q: Ollama's /v1 does not tell one", st.Version)
	}
}

// TestRealStreamWithUsage: a whole generation streams its text and counts the tokens the
// server counted.
func TestRealStreamWithUsage(t *testing.T) {
	base := realBase(t)
	var log progressLog
	res, err := NewEngine(Options{}).Generate(testContext(t, 2*time.Minute), realRequest(t, base, ollamatest.RealTiny, 0), log.add)
	if err != nil {
		t.Fatal(err)
	}
	if res.Text == "" || log.text() != res.Text {
		t.Errorf("text %q, deltas %q", res.Text, log.text())
	}
	checkStats(t, res)
}

// checkStats checks the stats of a whole generation by tiny on the real server.
func checkStats(t *testing.T, res generate.Result) {
	t.Helper()
	s := res.Stats
	if s.PromptTokens < 100 || s.OutputTokens < 1 || s.DoneReason != "stop" || res.DoneReason != "stop" {
		t.Errorf("stats %+v", s)
	}
	if s.Where != model.PlaceThisComputer || s.WhereHost != "" || s.FirstToken <= 0 || s.Total < s.FirstToken {
		t.Errorf("where %q %q, first token %s, total %s", s.Where, s.WhereHost, s.FirstToken, s.Total)
	}
	if s.ModelContext != 0 || s.SourceTruncated || s.Chunks != 0 {
		t.Errorf("context %d truncated %v chunks %d, want nothing: the server does not tell the context", s.ModelContext, s.SourceTruncated, s.Chunks)
	}
}

// TestRealMaxTokensIsLength: num_predict becomes max_tokens; a model cut by it is not a failure.
func TestRealMaxTokensIsLength(t *testing.T) {
	base := realBase(t)
	res, err := NewEngine(Options{}).Generate(testContext(t, 2*time.Minute), realRequest(t, base, ollamatest.RealTinyLong, 12), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.DoneReason != "length" || res.Stats.OutputTokens != 12 {
		t.Errorf("done %q, %d tokens, want length after 12", res.Stats.DoneReason, res.Stats.OutputTokens)
	}
}

// TestRealSeedRepeats: the seed is sent: the same request writes the same text, another seed
// another one.
func TestRealSeedRepeats(t *testing.T) {
	base := realBase(t)
	e := NewEngine(Options{})
	ctx := testContext(t, 2*time.Minute)
	write := func(seed int) string {
		req := realRequest(t, base, ollamatest.RealTinyLong, 20)
		req.Spec.Options.Seed = intp(seed)
		res, err := e.Generate(ctx, req, nil)
		if err != nil {
			t.Fatal(err)
		}
		return res.Text
	}
	a, b, other := write(realSeed), write(realSeed), write(realSeed+1)
	if a != b {
		t.Errorf("same seed, different texts %q and %q", a, b)
	}
	if a == other {
		t.Errorf("another seed wrote the same text %q", a)
	}
}

// TestRealCancelKeepsPartialText: a model that never stops, cancelled after some text, ends
// cancelled with the text received so far.
func TestRealCancelKeepsPartialText(t *testing.T) {
	base := realBase(t)
	ctx, cancel := context.WithCancel(testContext(t, 2*time.Minute))
	defer cancel()
	var got strings.Builder
	res, err := NewEngine(Options{}).Generate(ctx, realRequest(t, base, ollamatest.RealTinyLong, 0), func(p generate.Progress) {
		got.WriteString(p.Delta)
		if got.Len() > 40 {
			cancel()
		}
	})
	if generate.CodeOf(err) != generate.CodeCancelled || !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want cancelled", err)
	}
	if res.Text == "" || res.Text != got.String() {
		t.Errorf("text %q, deltas %q", res.Text, got.String())
	}
}

func TestRealMissingModel(t *testing.T) {
	base := realBase(t)
	_, err := NewEngine(Options{}).Generate(testContext(t, time.Minute), realRequest(t, base, "absent-model", 0), nil)
	if generate.CodeOf(err) != generate.CodeModelMissing {
		t.Fatalf("err %v, want model-missing", err)
	}
}
