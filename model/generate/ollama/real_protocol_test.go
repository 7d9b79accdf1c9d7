package ollama

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ollama/ollama/api"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// Integration tests of Ollama's answers, and of how the engine and the client read them,
// against the real server of ../shared/ollama (see ollamatest.Real).

// rawClient is Ollama's own Go client on host, with no timeout but the test's context.
func rawClient(t *testing.T, host string) *api.Client {
	t.Helper()
	u, err := url.Parse(host)
	if err != nil {
		t.Fatal(err)
	}
	return api.NewClient(u, http.DefaultClient)
}

// rawChat sends one non-streamed chat of content to modelName with options and truncate (nil:
// the server's default), and returns the final answer.
func rawChat(ctx context.Context, c *api.Client, modelName, content string, truncate *bool, opts map[string]any) (api.ChatResponse, error) {
	stream := false
	req := &api.ChatRequest{Model: modelName, Stream: &stream, Truncate: truncate, Options: opts,
		Messages: []api.Message{{Role: "user", Content: content}}}
	var final api.ChatResponse
	err := c.Chat(ctx, req, func(r api.ChatResponse) error {
		final = r
		return nil
	})
	return final, err
}

// statusError returns err's api.StatusError, failing the test when there is none.
func statusError(t *testing.T, err error) api.StatusError {
	t.Helper()
	var se api.StatusError
	if !errors.As(err, &se) {
		t.Fatalf("error %#v is not an api.StatusError", err)
	}
	return se
}

// TestRealStatusAndShow checks what Client.Status and Client.Show read from the real server:
// version, model list and details, context length from model_info, capabilities.
func TestRealStatusAndShow(t *testing.T) {
	host := ollamatest.Real(t)
	ctx := realContext(t, 2*time.Minute)
	c := newClient(t, host)
	st := c.Status(ctx)
	if !st.Reachable || st.Err != nil || st.Version != ollamatest.Version || len(st.Models) != 3 {
		t.Fatalf("status %+v", st)
	}
	for _, m := range st.Models {
		if !described(m) {
			t.Errorf("model %+v", m)
		}
	}
	for name, want := range map[string]int{ollamatest.RealTiny: 32768, ollamatest.RealTiny8k: 8192} {
		m, err := c.Show(ctx, name)
		got := fmt.Sprintf("%s %d %v %v", m.Name, m.ContextLength, m.Capabilities, err)
		if w := fmt.Sprintf("%s:latest %d [completion] <nil>", name, want); got != w {
			t.Errorf("Show(%s): %s, want %s", name, got, w)
		}
	}
}

// described reports whether m has every detail /api/tags gives of the test models.
func described(m ModelInfo) bool {
	return m.Family == "llama" && m.ParameterSize != "" && m.Quantization != "" && len(m.Digest) == 64 &&
		m.Size > 0 && !m.Modified.IsZero()
}

// TestRealNumPredictLength caps tiny-long's output with num_predict: done_reason "length" and
// eval_count equal to num_predict, the text being the deltas.
func TestRealNumPredictLength(t *testing.T) {
	host := ollamatest.Real(t)
	const numPredict = 50
	rec := &recorder{}
	res, err := NewEngine(Options{}).Generate(realContext(t, 2*time.Minute), realRequest(t, host, ollamatest.RealTinyLong, numPredict), rec.add)
	if err != nil {
		t.Fatalf("code %s: %v", generate.CodeOf(err), err)
	}
	s := res.Stats
	if res.DoneReason != "length" || s.DoneReason != "length" || s.OutputTokens != numPredict {
		t.Errorf("done %q/%q, %d tokens; want length, %d", res.DoneReason, s.DoneReason, s.OutputTokens, numPredict)
	}
	if res.Text == "" || res.Text != rec.text() || s.PromptTokens == 0 || s.SourceTruncated {
		t.Errorf("text %q, deltas %q, stats %+v", res.Text, rec.text(), s)
	}
}

// TestRealStopsByItself lets tiny end its answer (seeded, see realSeed): done_reason "stop".
func TestRealStopsByItself(t *testing.T) {
	host := ollamatest.Real(t)
	rec := &recorder{}
	res, err := NewEngine(Options{}).Generate(realContext(t, 2*time.Minute), realRequest(t, host, ollamatest.RealTiny, 0), rec.add)
	if err != nil {
		t.Fatalf("code %s: %v", generate.CodeOf(err), err)
	}
	t.Logf("tiny stopped after %d tokens", res.Stats.OutputTokens)
	if res.DoneReason != "stop" || res.Stats.DoneReason != "stop" || res.Stats.OutputTokens == 0 {
		t.Errorf("done %q/%q after %d tokens, want stop", res.DoneReason, res.Stats.DoneReason, res.Stats.OutputTokens)
	}
	if res.Text == "" || res.Text != rec.text() {
		t.Errorf("text %q, deltas %q", res.Text, rec.text())
	}
}

// TestRealModelMissing asks for a model the server does not have, through the engine (which
// asks /api/show first) and through /api/chat: a 404 with Ollama's text, CodeModelMissing.
func TestRealModelMissing(t *testing.T) {
	host := ollamatest.Real(t)
	ctx := realContext(t, 2*time.Minute)
	const absent = "rapporteur-absent"
	want := "model '" + absent + "' not found"
	_, err := NewEngine(Options{}).Generate(ctx, realRequest(t, host, absent, 5), nil)
	if se := statusError(t, err); generate.CodeOf(err) != generate.CodeModelMissing || se.StatusCode != 404 || se.ErrorMessage != want {
		t.Errorf("engine: code %s, %d %q; want model-missing, 404 %q", generate.CodeOf(err), se.StatusCode, se.ErrorMessage, want)
	}
	_, err = rawChat(ctx, rawClient(t, host), absent, "hi", nil, nil)
	if se := statusError(t, err); generate.CodeOf(classify(err)) != generate.CodeModelMissing || se.StatusCode != 404 || se.ErrorMessage != want {
		t.Errorf("chat: %d %q classified %s", se.StatusCode, se.ErrorMessage, generate.CodeOf(classify(err)))
	}
}

// TestRealPullOffline pulls a model that is not installed from a server without internet:
// CodePullFailed, keeping the error line Ollama sent, after Ollama's "pulling manifest".
func TestRealPullOffline(t *testing.T) {
	host := ollamatest.Real(t)
	ctx := realContext(t, 2*time.Minute)
	const name = "rapporteur-absent:latest"
	var raw string // Ollama's error line, as its own client reports it
	if err := rawClient(t, host).Pull(ctx, &api.PullRequest{Model: name}, func(api.ProgressResponse) error { return nil }); err != nil {
		raw = err.Error()
	}
	var steps []string
	err := newClient(t, host).Pull(ctx, name, func(p PullProgress) { steps = append(steps, p.Status) })
	t.Logf("Ollama says: %v", err)
	if generate.CodeOf(err) != generate.CodePullFailed || raw == "" || !strings.Contains(err.Error(), raw) {
		t.Fatalf("code %s, error %v; want pull-failed keeping Ollama's %q", generate.CodeOf(err), err, raw)
	}
	if !strings.HasPrefix(raw, "pull model manifest: ") || strings.Join(steps, ",") != "pulling manifest" {
		t.Errorf("Ollama's error %q after steps %v", raw, steps)
	}
}

// TestRealThinkNotSent asks tiny, which has no thinking mode, to think: the engine leaves the
// think field out of the request, and the variant is written.
func TestRealThinkNotSent(t *testing.T) {
	host := ollamatest.Real(t)
	ctx := realContext(t, 2*time.Minute)
	req := realRequest(t, host, ollamatest.RealTiny, 20)
	req.Spec.Options.Think = true
	info, err := newClient(t, host).Show(ctx, ollamatest.RealTiny)
	if err != nil {
		t.Fatal(err)
	}
	if sent := chatRequest(info, req.Spec, pass{msgs: Messages(req), numCtx: 4096}); sent.Think != nil {
		t.Errorf("think %+v sent to a model with capabilities %v", sent.Think, info.Capabilities)
	}
	if _, err := NewEngine(Options{}).Generate(ctx, req, nil); err != nil {
		t.Errorf("code %s: %v", generate.CodeOf(err), err)
	}
}

// TestRealThinkRefused sends think to tiny with Ollama's own client: 400 "does not support
// thinking", which classify makes CodeThinkUnsupported.
func TestRealThinkRefused(t *testing.T) {
	host := ollamatest.Real(t)
	req := &api.ChatRequest{Model: ollamatest.RealTiny, Think: &api.ThinkValue{Value: true},
		Messages: []api.Message{{Role: "user", Content: "hi"}}}
	err := rawClient(t, host).Chat(realContext(t, 2*time.Minute), req, func(api.ChatResponse) error { return nil })
	se := statusError(t, err)
	if want := `"tiny" does not support thinking`; se.StatusCode != 400 || se.ErrorMessage != want {
		t.Errorf("%d %q, want 400 %q", se.StatusCode, se.ErrorMessage, want)
	}
	if code := generate.CodeOf(classify(err)); code != generate.CodeThinkUnsupported {
		t.Errorf("classified %s", code)
	}
}

// TestRealPromptEvalCountCached sends the same prompt twice. On Ollama 0.17.4 the second
// answer reuses the cached prompt, which shows in prompt_eval_duration only:
// prompt_eval_count still counts the whole prompt, so a truncation check may trust it.
func TestRealPromptEvalCountCached(t *testing.T) {
	host := ollamatest.Real(t)
	ctx := realContext(t, 2*time.Minute)
	c := rawClient(t, host)
	prompt := fmt.Sprintf("Référence %d\n\n%s", time.Now().UnixNano(), frenchReport) // never cached before
	opts := map[string]any{"num_ctx": 4096, "num_predict": 1}
	first, err := rawChat(ctx, c, ollamatest.RealTiny, prompt, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	second, err := rawChat(ctx, c, ollamatest.RealTiny, prompt, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("prompt_eval_count %d then %d; prompt_eval_duration %v then %v",
		first.PromptEvalCount, second.PromptEvalCount, first.PromptEvalDuration, second.PromptEvalDuration)
	if first.PromptEvalCount < len([]rune(frenchReport)) || second.PromptEvalCount != first.PromptEvalCount {
		t.Errorf("prompt_eval_count %d then %d, want the same count of the whole prompt", first.PromptEvalCount, second.PromptEvalCount)
	}
	if second.PromptEvalDuration*10 > first.PromptEvalDuration {
		t.Errorf("prompt_eval_duration %v then %v: the second did not use the cache", first.PromptEvalDuration, second.PromptEvalDuration)
	}
}

// TestRealContextTooLong sends a prompt with truncate false and num_ctx one token short of it
// (400 "the input length exceeds the context length", CodeContextTooLong), then exactly its
// length (200).
func TestRealContextTooLong(t *testing.T) {
	host := ollamatest.Real(t)
	ctx := realContext(t, 2*time.Minute)
	c := rawClient(t, host)
	f := false
	count := func(numCtx int) (api.ChatResponse, error) {
		return rawChat(ctx, c, ollamatest.RealTiny, realSource, &f, map[string]any{"num_ctx": numCtx, "num_predict": 1})
	}
	r, err := count(2048)
	if err != nil {
		t.Fatal(err)
	}
	n := r.PromptEvalCount
	_, err = count(n - 1)
	se := statusError(t, err)
	if want := "the input length exceeds the context length"; se.StatusCode != 400 || se.ErrorMessage != want {
		t.Errorf("num_ctx %d for %d tokens: %d %q, want 400 %q", n-1, n, se.StatusCode, se.ErrorMessage, want)
	}
	if code := generate.CodeOf(classify(err)); code != generate.CodeContextTooLong {
		t.Errorf("classified %s", code)
	}
	if r, err := count(n); err != nil || r.PromptEvalCount != n {
		t.Errorf("num_ctx %d for %d tokens: %v, prompt_eval_count %d", n, n, err, r.PromptEvalCount)
	}
}

// TestRealForcedNumCtxTruncates fixes num_ctx below the prompt's length: Ollama cuts the
// prompt silently (prompt_eval_count equals num_ctx) and the engine reports the truncation.
func TestRealForcedNumCtxTruncates(t *testing.T) {
	host := ollamatest.Real(t)
	req := newRequest(t, host, ollamatest.RealTinyLong, "synthese-courte", frenchReport)
	req.Spec.Options.NumCtx, req.Spec.Options.NumPredict = 512, 5
	res, err := NewEngine(Options{}).Generate(realContext(t, 2*time.Minute), req, nil)
	if err != nil {
		t.Fatalf("code %s: %v", generate.CodeOf(err), err)
	}
	if s := res.Stats; s.PromptTokens != 512 || s.NumCtx != 512 || !s.SourceTruncated {
		t.Errorf("prompt tokens %d, num_ctx %d, truncated %v; want 512, 512, true", s.PromptTokens, s.NumCtx, s.SourceTruncated)
	}
}

// TestRealCritic runs a critique pass on tiny: the text is the deltas, the stats the server's.
func TestRealCritic(t *testing.T) {
	host := ollamatest.Real(t)
	rev, v := reviewInputs()
	seed := realSeed
	req, err := generate.CritiqueRequest(rev, v, model.BuiltinPresets(),
		model.Spec{Engine: model.EngineOllama, Host: host, Model: ollamatest.RealTiny, Options: model.Options{Seed: &seed}})
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	text, stats, err := generate.Critic(realContext(t, 2*time.Minute), []generate.Engine{NewEngine(Options{})}, req, rec.add)
	if err != nil {
		t.Fatalf("code %s: %v", generate.CodeOf(err), err)
	}
	if text == "" || text != rec.text() || stats.PromptTokens <= 0 || stats.OutputTokens <= 0 || stats.DoneReason != "stop" {
		t.Errorf("text %q (deltas %q), stats %+v", text, rec.text(), stats)
	}
}
