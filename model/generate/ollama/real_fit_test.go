package ollama

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// realContext bounds an integration test's waits: a hang fails instead of blocking CI.
func realContext(t testing.TB, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// recorded starts a Recorder in front of the real server.
func recorded(t testing.TB, host string) *ollamatest.Recorder {
	t.Helper()
	r, err := ollamatest.NewRecorder(host)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	return r
}

// TestRealCountsMatchServer compares the engine's count of whole prompts with the
// prompt_eval_count of the real server, for a French and an English report: with the model's
// own tokenizer the count is within 3 tokens; the old estimate (characters / 3.2) is logged
// for comparison.
func TestRealCountsMatchServer(t *testing.T) {
	host := ollamatest.Real(t)
	e := NewEngine(Options{})
	for name, body := range map[string]string{"french": ollamatest.Report(), "english": englishReport} {
		req := newRequest(t, host, ollamatest.RealTiny, "synthese-courte", body)
		req.Spec.Options.NumPredict = 1
		ctx := realContext(t, 2*time.Minute)
		c, _ := e.Client(host)
		info, err := c.Show(ctx, ollamatest.RealTiny)
		if err != nil {
			t.Fatal(err)
		}
		cnt := e.counter(ctx, c, info)
		if !cnt.Exact() {
			t.Fatalf("%s: the tiny model's vocabulary was not read", name)
		}
		raw, estimate := cnt.rawPrompt(Messages(req)), (tokenCounter{}).rawPrompt(Messages(req))
		res, err := e.Generate(ctx, req, nil)
		if err != nil {
			t.Fatal(err)
		}
		served := res.Stats.PromptTokens
		t.Logf("%s: server %d tokens; tokenizer %d (%+.2f %%); estimate %d (%+.1f %%)", name, served,
			raw, 100*float64(raw-served)/float64(served), estimate, 100*float64(estimate-served)/float64(served))
		if math.Abs(float64(raw-served)) > 3 {
			t.Errorf("%s: counted %d tokens, the server %d", name, raw, served)
		}
		if planned := cnt.Prompt(Messages(req)); planned < served {
			t.Errorf("%s: planned %d tokens with the margin, fewer than the server's %d", name, planned, served)
		}
	}
}

// TestRealReadInParts reads the 1,180-word report on tiny-8k, whose tokenizer counts it at
// about 7,000 tokens: too long with the instructions and the answer for its 8,192. The
// variant is done, read in parts, every pass at one num_ctx, and no pass was refused.
func TestRealReadInParts(t *testing.T) {
	host := ollamatest.Real(t)
	rec := recorded(t, host)
	req := newRequest(t, rec.URL(), ollamatest.RealTiny8k, "synthese-courte", ollamatest.Report())
	e := NewEngine(Options{})
	ctx := realContext(t, 5*time.Minute)
	fit, err := e.Plan(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if fit.Fits || fit.Chunks < 2 || !fit.Exact {
		t.Fatalf("plan %+v: want an exact count and a reading in parts", fit)
	}
	res, err := e.Generate(ctx, req, nil)
	if err != nil {
		t.Fatalf("%v (code %s)", err, generate.CodeOf(err))
	}
	if res.Stats.Chunks < 2 || res.Text == "" || res.Stats.SourceTruncated {
		t.Errorf("chunks %d (planned %d), truncated %v, text %q", res.Stats.Chunks, fit.Chunks, res.Stats.SourceTruncated, res.Text)
	}
	xs := rec.Exchanges()
	for _, x := range xs {
		if x.Status != 200 || x.Error != "" || x.NumCtx != 8192 {
			t.Errorf("exchange %+v: want 200 at num_ctx 8192", x)
		}
	}
	if len(xs) != res.Stats.Chunks+1 {
		t.Errorf("%d requests for %d parts and the final pass", len(xs), res.Stats.Chunks)
	}
	t.Logf("%d parts, %d requests, %d prompt tokens, %s", res.Stats.Chunks, len(xs), res.Stats.PromptTokens, res.Stats.Total.Round(time.Millisecond))
}

// TestRealOneLoadPerModel runs 3 models × 3 presets through the scheduler, the presets first
// as a user ticks them. The scheduler groups the variants by model and the engine gives each
// group one num_ctx: each model is loaded once, and no request is refused. With
// OLLAMA_MAX_LOADED_MODELS=1 (CI), the server holds one model at a time, so 3 loads also proves
// the grouping.
func TestRealOneLoadPerModel(t *testing.T) {
	host := ollamatest.Real(t)
	ollamatest.UnloadAll(t, host)
	rec := recorded(t, host)
	models := []string{ollamatest.RealTiny, ollamatest.RealTiny8k, ollamatest.RealTinyLong}
	presets := []string{"synthese-courte", "compte-rendu-detaille", "decisions-actions"}
	var variants []model.Variant
	for _, p := range presets {
		for _, m := range models {
			r := newRequest(t, rec.URL(), m, p, frenchReport)
			r.Spec.Options.NumPredict = 30 // tiny-long never stops by itself
			variants = append(variants, model.Variant{ID: int64(len(variants) + 1), RunID: 1, RevisionID: 1, Index: len(variants), Spec: r.Spec, Status: model.StatusQueued})
		}
	}
	rev := newRequest(t, rec.URL(), models[0], presets[0], frenchReport).Source
	sched := generate.NewScheduler([]generate.Engine{NewEngine(Options{})}, model.BuiltinPresets(), discard{})
	job := sched.Start(realContext(t, 5*time.Minute), rev, variants, nil)
	for _, v := range job.Wait() {
		if v.Status != model.StatusDone {
			t.Errorf("%s %s: %s %s", v.Model, v.PresetID, v.Status, v.Error)
		}
	}
	ctxs := map[string]map[int]bool{}
	for _, x := range rec.Exchanges() {
		if x.Status != 200 {
			t.Errorf("%s: status %d %s", x.Model, x.Status, x.Error)
		}
		if ctxs[x.Model] == nil {
			ctxs[x.Model] = map[int]bool{}
		}
		ctxs[x.Model][x.NumCtx] = true
	}
	for m, set := range ctxs {
		if len(set) != 1 {
			t.Errorf("%s was asked with %d different num_ctx: %v", m, len(set), set)
		}
	}
	if loads := rec.Loads(); loads != len(models) || len(rec.Exchanges()) != len(variants) {
		t.Errorf("%d loads for %d requests, want %d for %d", loads, len(rec.Exchanges()), len(models), len(variants))
	}
	if ollamatest.MaxLoadedOne() && len(ollamatest.LoadedModels(t, host)) != 1 {
		t.Errorf("OLLAMA_MAX_LOADED_MODELS=1 but the server holds %v", ollamatest.LoadedModels(t, host))
	}
}

// TestRealReuseLoadedContext: a model already loaded with a large enough context is used as
// it is, not reloaded with a smaller one.
func TestRealReuseLoadedContext(t *testing.T) {
	host := ollamatest.Real(t)
	ollamatest.UnloadAll(t, host)
	rec := recorded(t, host)
	e := NewEngine(Options{})
	ctx := realContext(t, 2*time.Minute)
	big := newRequest(t, rec.URL(), ollamatest.RealTiny, "synthese-courte", frenchReport)
	big.Spec.Options.NumCtx, big.Spec.Options.NumPredict = 12288, 5
	if _, err := e.Generate(ctx, big, nil); err != nil {
		t.Fatal(err)
	}
	small := newRequest(t, rec.URL(), ollamatest.RealTiny, "points-cles", frenchReport)
	fit, err := e.Plan(ctx, small)
	if err != nil {
		t.Fatal(err)
	}
	if window := e.PlanWindow(ctx, []generate.Request{small}); fit.NumCtx >= 12288 || window != 12288 {
		t.Fatalf("alone the request needs %d; the window is %d, want the loaded 12288", fit.NumCtx, window)
	}
	small.Window = 12288
	if _, err := e.Generate(ctx, small, nil); err != nil {
		t.Fatal(err)
	}
	xs := rec.Exchanges()
	if len(xs) != 2 || !xs[0].Loaded() || xs[1].Loaded() || xs[1].NumCtx != 12288 {
		t.Errorf("exchanges %+v: want one load, then the same context without a load", xs)
	}
}

// TestRealLearnsFromTooLong counts the tiny model by estimate, as for a model whose vocabulary
// is unknown: the estimate, even with its margin, is about 2.8 times short (the tiny tokenizer
// gives one token a character), so the first pass, at num_ctx 2048, gets the real server's 400;
// the engine at least doubles the window at each refusal: 4096 fits the 2,840 tokens.
// It learns from the refusals and from the prompt_eval_count of the pass that went through:
// the next generation of the same model plans right at once, without a 400.
func TestRealLearnsFromTooLong(t *testing.T) {
	host := ollamatest.Real(t)
	rec := recorded(t, host)
	e := NewEngine(Options{})
	ctx := realContext(t, 3*time.Minute)
	c, _ := e.Client(rec.URL())
	info, err := c.Show(ctx, ollamatest.RealTiny)
	if err != nil {
		t.Fatal(err)
	}
	e.tokenizers.entries = map[string]*tokEntry{info.Digest: failedEntry()}
	req := newRequest(t, rec.URL(), ollamatest.RealTiny, "synthese-courte", frenchReport)
	req.Spec.Options.NumPredict = 20
	before, _ := e.Plan(ctx, req)
	if before.Exact {
		t.Fatal("the tokenizer was used")
	}
	if _, err := e.Generate(ctx, req, nil); err != nil {
		t.Fatal(err)
	}
	first := rec.Statuses()
	after, _ := e.Plan(ctx, req)
	if _, err := e.Generate(ctx, req, nil); err != nil {
		t.Fatal(err)
	}
	second := rec.Statuses()
	t.Logf("estimated %d tokens, then %d once learned; statuses %v then %v", before.PromptTokens, after.PromptTokens, first, second)
	for _, x := range rec.Exchanges() {
		t.Logf("num_ctx %d: %d %s", x.NumCtx, x.Status, x.Error)
	}
	if first[400] != 1 || first[200] != 1 || second[400] != 1 || second[200] != 2 {
		t.Errorf("statuses %v then %v: want one 400 the first time, none the second", first, second)
	}
	if after.PromptTokens < 2*before.PromptTokens {
		t.Errorf("planned %d tokens after learning, %d before", after.PromptTokens, before.PromptTokens)
	}
}

// failedEntry is a tokenizer cache entry for a model whose vocabulary could not be had.
func failedEntry() *tokEntry {
	e := &tokEntry{ready: make(chan struct{}), err: errNoVocabulary, at: time.Now()}
	close(e.ready)
	return e
}
