package ollama

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/ollama/ollama/api"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

func ptr[T any](v T) *T { return &v }

// generateOK runs Generate and fails the test on error.
func generateOK(t *testing.T, e *Engine, req generate.Request) (generate.Result, *recorder) {
	t.Helper()
	rec := &recorder{}
	res, err := e.Generate(testContext(t), req, rec.add)
	if err != nil {
		t.Fatalf("Generate: %v (code %s)", err, generate.CodeOf(err))
	}
	return res, rec
}

// bareChat replays a request with a bare api.Client and returns the text it streams.
func bareChat(t *testing.T, host string, req *api.ChatRequest) string {
	t.Helper()
	u, _ := url.Parse(host)
	var b strings.Builder
	err := api.NewClient(u, http.DefaultClient).Chat(testContext(t), req, func(r api.ChatResponse) error {
		b.WriteString(r.Message.Content)
		return nil
	})
	if err != nil {
		t.Fatalf("bare Chat: %v", err)
	}
	return b.String()
}

func TestGenerateMatchesBareClient(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "tiny", ContextLength: 8192, Words: 60})
	req := newRequest(t, s.URL(), "tiny", "synthese-courte", frenchReport)
	req.Spec.Options.Seed = ptr(7)
	res, rec := generateOK(t, NewEngine(Options{}), req)

	sent := s.LastChat()
	msgs := make([]api.Message, len(sent.Messages))
	for i, m := range sent.Messages {
		msgs[i] = api.Message{Role: m.Role, Content: m.Content}
	}
	want := bareChat(t, s.URL(), &api.ChatRequest{Model: sent.Model, Messages: msgs, Options: sent.Options, Truncate: sent.Truncate})
	if res.Text == "" || res.Text != want {
		t.Fatalf("engine text %q\nbare client text %q", res.Text, want)
	}
	if rec.text() != res.Text {
		t.Errorf("deltas %q differ from the result %q", rec.text(), res.Text)
	}
	if got := rec.stages(); len(got) != 2 || got[0] != generate.StageLoading || got[1] != generate.StageWriting {
		t.Errorf("stages %v, want [loading writing]", got)
	}
	if first := rec.all()[0]; first.Fraction != -1 {
		t.Errorf("loading fraction %v, want -1", first.Fraction)
	}
	checkStats(t, res)
}

// checkStats checks the measurements of a one-pass generation that stopped by itself.
func checkStats(t *testing.T, res generate.Result) {
	t.Helper()
	st := res.Stats
	if st.PromptTokens <= 0 || st.OutputTokens <= 0 || st.TokensPerSecond <= 0 || st.FirstToken <= 0 || st.Eval <= 0 {
		t.Errorf("missing measurements: %+v", st)
	}
	if st.DoneReason != "stop" || res.DoneReason != "stop" || st.SourceTruncated || st.Chunks != 0 {
		t.Errorf("done reason %q/%q, truncated %v, chunks %d", st.DoneReason, res.DoneReason, st.SourceTruncated, st.Chunks)
	}
	// The fake streams one chunk a token and counts with ollamatest.Tokens; on the real server,
	// eval_count is checked against num_predict (TestRealNumPredictLength).
	if st.OutputTokens != ollamatest.Tokens(res.Text) {
		t.Errorf("eval_count %d, server tokens of the text %d", st.OutputTokens, ollamatest.Tokens(res.Text))
	}
}

func TestRequestOptions(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "tiny", ContextLength: 32768})
	req := newRequest(t, s.URL(), "tiny", "compte-rendu-detaille", frenchReport)
	req.Spec.Options.Temperature = ptr(0.3)
	req.Spec.Options.TopP = ptr(0.9)
	req.Spec.Options.Seed = ptr(42)
	req.Spec.Options.NumPredict = 300
	res, _ := generateOK(t, NewEngine(Options{}), req)

	sent := s.LastChat()
	if sent.Truncate == nil || *sent.Truncate {
		t.Errorf("truncate %v, want false", sent.Truncate)
	}
	if sent.Stream != nil && !*sent.Stream {
		t.Error("stream disabled")
	}
	numCtx, _ := sent.Options["num_ctx"].(float64)
	serverPrompt := res.Stats.PromptTokens
	fit, err := NewEngine(Options{}).Plan(testContext(t), req)
	if err != nil {
		t.Fatal(err)
	}
	if int(numCtx) != fit.NumCtx || int(numCtx) != res.Stats.NumCtx || int(numCtx)%ctxStep != 0 {
		t.Errorf("num_ctx %v, plan %d, stats %d", numCtx, fit.NumCtx, res.Stats.NumCtx)
	}
	if int(numCtx) < fit.PromptTokens+300 || fit.PromptTokens < serverPrompt {
		t.Errorf("num_ctx %v for an estimated prompt of %d (server counted %d) and 300 out", numCtx, fit.PromptTokens, serverPrompt)
	}
	want := map[string]float64{"temperature": 0.3, "top_p": 0.9, "seed": 42, "num_predict": 300}
	for k, v := range want {
		if sent.Options[k] != v {
			t.Errorf("option %s = %v, want %v", k, sent.Options[k], v)
		}
	}
	checkMessages(t, req, sent.Messages)
}

// checkMessages checks the prompt sent is the one Messages shows.
func checkMessages(t *testing.T, req generate.Request, sent []ollamatest.Message) {
	t.Helper()
	want := Messages(req)
	if len(sent) != 2 || sent[0].Role != "system" || sent[0].Content != req.Preset.Instructions.In("fr") {
		t.Fatalf("system message is not the preset's instructions: %+v", sent)
	}
	if sent[1].Content != want[1].Content || sent[1].Role != "user" {
		t.Errorf("user message %q, Messages shows %q", sent[1].Content, want[1].Content)
	}
	for _, part := range []string{"Place des Tilleuls", "Titre : Atelier de test", "Date : 14/10/2025", "=== DÉBUT DU TEXTE ==="} {
		if !strings.Contains(sent[1].Content, part) {
			t.Errorf("user message lacks %q", part)
		}
	}
}

func TestThinkOnlyForThinkingModels(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "tiny", ContextLength: 8192},
		ollamatest.Model{Name: "pensif", ContextLength: 8192, Capabilities: []string{"completion", "thinking"}})
	e := NewEngine(Options{})
	generateOK(t, e, newRequest(t, s.URL(), "tiny", "synthese-courte", frenchReport))
	if th := s.LastChat().Think; th != nil {
		t.Errorf("think %v sent to a model without the capability", th)
	}
	res, _ := generateOK(t, e, newRequest(t, s.URL(), "pensif", "synthese-courte", frenchReport))
	if th := s.LastChat().Think; th != false {
		t.Errorf("think %v sent to a thinking model, want false", th)
	}
	if res.Text == "" {
		t.Error("no text from the thinking model")
	}
	thinking := newRequest(t, s.URL(), "pensif", "synthese-courte", frenchReport)
	thinking.Spec.Options.Think = true
	withThought, _ := generateOK(t, e, thinking)
	if th := s.LastChat().Think; th != true {
		t.Errorf("think %v, want true when the user asks", th)
	}
	// eval_count counts the reasoning tokens too; the variant holds only the answer's.
	// None of the real test models thinks: only the fake can show a reasoning to keep out.
	if got := ollamatest.Tokens(withThought.Text); withThought.Text == "" || got >= withThought.Stats.OutputTokens {
		t.Errorf("variant has %d tokens of %d written: the reasoning leaked into it", got, withThought.Stats.OutputTokens)
	}
}

func TestSourceTruncatedWhenNumCtxForced(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "tiny", ContextLength: 8192})
	e := NewEngine(Options{})
	req := newRequest(t, s.URL(), "tiny", "synthese-courte", frenchReport)
	req.Spec.Options.NumCtx = 256
	res, _ := generateOK(t, e, req)
	if !res.Stats.SourceTruncated || res.Stats.NumCtx != 256 || res.Stats.PromptTokens != 256 {
		t.Errorf("truncated %v, num_ctx %d, prompt_eval_count %d; want true, 256, 256",
			res.Stats.SourceTruncated, res.Stats.NumCtx, res.Stats.PromptTokens)
	}
	if s.LastChat().Truncate != nil {
		t.Error("truncate sent although the user fixed num_ctx")
	}
	req.Spec.Options.NumCtx = 0
	if res, _ = generateOK(t, e, req); res.Stats.SourceTruncated {
		t.Errorf("whole prompt read (%d tokens) flagged as truncated", res.Stats.PromptTokens)
	}
}

func TestTruncatedRule(t *testing.T) {
	tests := []struct {
		eval, numCtx, estimate int
		want                   bool
	}{
		{0, 2048, 1000, false},    // unknown
		{950, 2048, 1000, false},  // the estimate's usual margin
		{2048, 2048, 3000, true},  // filled the context
		{400, 2048, 1000, true},   // read far less than sent
		{1100, 2048, 1000, false}, // more than estimated, still fits
	}
	for _, tt := range tests {
		if got := truncated(tt.eval, tt.numCtx, tt.estimate); got != tt.want {
			t.Errorf("truncated(%d, %d, %d) = %v", tt.eval, tt.numCtx, tt.estimate, got)
		}
	}
}

// TestGrowContextAfterTooLong: a 400 "exceeds the context length" for a prompt the engine
// counted short teaches the engine the least the server counted; the retry, and every later
// plan of the same model, is sized with it. (The fault is injected: the real server gives this
// 400 only when the count is wrong, which TestRealLearnsFromTooLong provokes.)
func TestGrowContextAfterTooLong(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "tiny", ContextLength: 16384})
	s.Inject(ollamatest.Fault{Kind: ollamatest.FaultStatus, Status: 400, Message: "the input length exceeds the context length"})
	e := NewEngine(Options{})
	req := newRequest(t, s.URL(), "tiny", "synthese-courte", frenchReport)
	before, err := e.Plan(testContext(t), req)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := generateOK(t, e, req)
	if n := s.Requests("/api/chat"); n != 2 {
		t.Errorf("%d chat requests, want 2", n)
	}
	got, _ := s.LastChat().Options["num_ctx"].(float64)
	if int(got) <= before.NumCtx || int(got) > 16384 || res.Stats.NumCtx != int(got) {
		t.Errorf("retry num_ctx %v (stats %d), want more than the first %d", got, res.Stats.NumCtx, before.NumCtx)
	}
	after, _ := e.Plan(testContext(t), req)
	if after.PromptTokens <= before.NumCtx {
		t.Errorf("after the 400 at num_ctx %d, the prompt is still planned at %d tokens", before.NumCtx, after.PromptTokens)
	}
}

func TestLengthIsNotAFailure(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "long", ContextLength: 8192, Endless: true})
	req := newRequest(t, s.URL(), "long", "synthese-courte", frenchReport)
	req.Spec.Options.NumPredict = 20
	res, rec := generateOK(t, NewEngine(Options{}), req)
	if res.Stats.DoneReason != "length" || res.DoneReason != "length" || res.Stats.OutputTokens != 20 || res.Text == "" {
		t.Fatalf("done %q, %d tokens, text %q", res.Stats.DoneReason, res.Stats.OutputTokens, res.Text)
	}
	last := -1.0
	for _, p := range rec.all() {
		if p.Stage != generate.StageWriting {
			continue
		}
		if p.Fraction <= last || p.Fraction > 1 {
			t.Fatalf("fraction %v after %v", p.Fraction, last)
		}
		last = p.Fraction
	}
	if last != 1 {
		t.Errorf("last fraction %v, want 1", last)
	}
}

func TestCancelKeepsPartialTextOnly(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "long", ContextLength: 8192, Endless: true})
	ctx, cancel := context.WithCancel(testContext(t))
	defer cancel()
	var rec recorder
	seen := 0
	res, err := NewEngine(Options{}).Generate(ctx, newRequest(t, s.URL(), "long", "synthese-courte", frenchReport), func(p generate.Progress) {
		rec.add(p)
		if p.Delta != "" {
			if seen++; seen == 5 {
				cancel()
			}
		}
	})
	if !errors.Is(err, context.Canceled) || generate.CodeOf(err) != generate.CodeCancelled {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if seen != 5 || res.Text == "" || res.Text != rec.text() {
		t.Errorf("%d deltas seen, text %q, deltas %q: something arrived after the cancel", seen, res.Text, rec.text())
	}
}

func TestChunkingLongSource(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "small", ContextLength: 2048, Words: 30})
	req := newRequest(t, s.URL(), "small", "synthese-courte", longReport(20))
	fit, err := NewEngine(Options{}).Plan(testContext(t), req)
	if err != nil {
		t.Fatal(err)
	}
	if fit.Fits || fit.Chunks < 2 || fit.NumCtx != 2048 {
		t.Fatalf("plan %+v, want chunks on a 2048 context", fit)
	}
	res, rec := generateOK(t, NewEngine(Options{}), req)
	if res.Stats.Chunks != fit.Chunks || res.Text == "" {
		t.Errorf("chunks %d (planned %d), text %q", res.Stats.Chunks, fit.Chunks, res.Text)
	}
	checkChunkedProgress(t, rec, res)
	if n := s.Requests("/api/chat"); n != res.Stats.Chunks+1 {
		t.Errorf("%d chat requests for %d chunks", n, res.Stats.Chunks)
	}
	if sys := s.LastChat().Messages[0].Content; sys != req.Preset.Instructions.In("fr") {
		t.Errorf("final pass system %q", sys)
	}
	if res.Stats.SourceTruncated {
		t.Error("a chunked pass was truncated")
	}
}

// checkChunkedProgress checks the progress of a generation read in parts: loading, chunking
// from 0 to 1, then writing only the final pass's text.
func checkChunkedProgress(t *testing.T, rec *recorder, res generate.Result) {
	t.Helper()
	if got := rec.stages(); len(got) != 3 || got[0] != generate.StageLoading || got[1] != generate.StageChunking || got[2] != generate.StageWriting {
		t.Errorf("stages %v", got)
	}
	checkChunkFractions(t, rec.all(), res.Stats.Chunks)
	if rec.text() != res.Text {
		t.Errorf("chunk passes leaked into the variant's text")
	}
}

// checkChunkFractions checks the chunking progress: each round of condensing goes from 0 to
// 1, always rising; n+1 reports in all for n parts read in one round (any number when n is
// negative).
func checkChunkFractions(t *testing.T, events []generate.Progress, n int) {
	t.Helper()
	var fr []float64
	for _, p := range events {
		if p.Stage == generate.StageChunking {
			fr = append(fr, p.Fraction)
		}
	}
	if (n >= 0 && len(fr) != n+1) || len(fr) == 0 || fr[0] != 0 || fr[len(fr)-1] != 1 {
		t.Fatalf("chunking fractions %v for %d chunks", fr, n)
	}
	for i := 1; i < len(fr); i++ {
		if fr[i] <= fr[i-1] && !(fr[i] == 0 && fr[i-1] == 1) {
			t.Fatalf("fractions not rising within a round: %v", fr)
		}
	}
}

// TestLongParagraphReadBySentence: a paragraph longer than a model's context (pasted text
// without blank lines) is read sentence by sentence rather than refused.
func TestLongParagraphReadBySentence(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "small", ContextLength: 1024})
	para := strings.Repeat("Les habitant·es ont longuement débattu du projet de la place sans jamais aller à la ligne. ", 60)
	res, _ := generateOK(t, NewEngine(Options{}), newRequest(t, s.URL(), "small", "synthese-courte", para))
	if res.Stats.Chunks < 2 || res.Text == "" {
		t.Errorf("chunks %d, text %q", res.Stats.Chunks, res.Text)
	}
	for _, x := range s.Chats() {
		if x.Messages[0].Content == CondenseInstructions(model.French) && strings.Contains(x.Messages[1].Content, "ligne.\n\nLes") {
			t.Fatalf("the sentences of one paragraph were sent as paragraphs: %q", x.Messages[1].Content)
		}
	}
}

// TestContextTooLongSentence: a single sentence that cannot fit even alone is refused before
// any request, with the numbers.
func TestContextTooLongSentence(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "small", ContextLength: 1024})
	sentence := "Les habitant·es " + strings.Repeat("et les commerçant·es ", 300) + "ont débattu."
	res, err := NewEngine(Options{}).Generate(testContext(t), newRequest(t, s.URL(), "small", "synthese-courte", sentence), nil)
	if generate.CodeOf(err) != generate.CodeContextTooLong {
		t.Fatalf("err %v, want context-too-long", err)
	}
	var tl *TooLongError
	if !errors.As(err, &tl) || tl.Context != 1024 || tl.Need <= 1024 {
		t.Fatalf("err %v, want a *TooLongError with the numbers", err)
	}
	if res.Stats.ContextNeeded != tl.Need || res.Stats.ModelContext != 1024 {
		t.Errorf("stats need %d in %d, error %d in %d", res.Stats.ContextNeeded, res.Stats.ModelContext, tl.Need, tl.Context)
	}
	if n := s.Requests("/api/chat"); n != 0 {
		t.Errorf("%d chat requests for a source that cannot fit", n)
	}
}
