package openai

import (
	"errors"
	"os"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/openai/openaitest"
)

// report is the long messy report of testdata: about 2,300 tokens as the test server counts.
func report(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/concertation-gare.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReadsInPartsFromListedContext: vLLM lists max_model_len; a source too long for it is
// condensed piece by piece, no request refused, then written from the condensed text.
func TestReadsInPartsFromListedContext(t *testing.T) {
	s := openaitest.New(t, openaitest.Model{Name: "m", MaxModelLen: 1536, Words: 40})
	var log progressLog
	res, err := NewEngine(Options{}).Generate(testContext(t, time.Minute), newRequest(t, s.URL(), "m", "synthese-courte", report(t)), log.add)
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.Chunks < 2 || res.Stats.ModelContext != 1536 || log.count(generate.StageChunking) < 3 {
		t.Errorf("stats %+v, %d chunking steps", res.Stats, log.count(generate.StageChunking))
	}
	reqs := s.Requests()
	if len(reqs) != res.Stats.Chunks+1 {
		t.Errorf("%d requests for %d chunks: one was refused", len(reqs), res.Stats.Chunks)
	}
	if res.Text == "" || log.text() != res.Text {
		t.Errorf("text %q, deltas %q", res.Text, log.text())
	}
}

// TestLearnsContextFromRefusal: a server that does not tell the context but refuses a prompt
// too long, in vLLM's or llama.cpp's words, teaches the engine the context; the source is
// then read in parts.
func TestLearnsContextFromRefusal(t *testing.T) {
	refusals := map[string]string{
		"vllm":      `{"object":"error","message":"This model's maximum context length is 1536 tokens. However, you requested 2700 tokens (2690 in the messages, 10 in the completion). Please reduce the length of the messages or completion.","type":"BadRequestError","param":null,"code":400}`,
		"llama.cpp": `{"error":{"code":400,"message":"the request exceeds the available context size, try increasing it","type":"exceed_context_size_error","n_prompt_tokens":2690,"n_ctx":1536}}`,
	}
	for name, body := range refusals {
		t.Run(name, func(t *testing.T) {
			s := openaitest.New(t, openaitest.Model{Name: "m", Words: 40})
			s.Inject(openaitest.Fault{Kind: openaitest.FaultStatus, Status: 400, Body: body})
			res, err := NewEngine(Options{}).Generate(testContext(t, time.Minute), newRequest(t, s.URL(), "m", "synthese-courte", report(t)), nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Stats.Chunks < 2 || res.Stats.ModelContext != 1536 {
				t.Errorf("stats %+v, want the source read in parts for 1536 tokens", res.Stats)
			}
			for i, r := range s.Requests()[1:] {
				if n := openaitest.PromptTokens(r); n > 1536 {
					t.Errorf("request %d: %d tokens, beyond the context learned", i+1, n)
				}
			}
		})
	}
}

// TestRefusalWithoutContext: a refusal that does not say the context leaves nothing to cut to:
// context-too-long.
func TestRefusalWithoutContext(t *testing.T) {
	s := openaitest.New(t, openaitest.Model{Name: "m"})
	s.Inject(openaitest.Fault{Kind: openaitest.FaultStatus, Status: 400, Body: `{"error":{"message":"prompt is too long","type":"invalid_request_error"}}`})
	_, err := NewEngine(Options{}).Generate(testContext(t, time.Minute), newRequest(t, s.URL(), "m", "synthese-courte", shortSource), nil)
	if generate.CodeOf(err) != generate.CodeContextTooLong {
		t.Fatalf("err %v, want context-too-long", err)
	}
}

// TestSentenceTooLong: a single sentence longer than the whole context cannot be read even in
// parts; the error carries the numbers.
func TestSentenceTooLong(t *testing.T) {
	s := openaitest.New(t, openaitest.Model{Name: "m", MaxModelLen: 600})
	long := "Les habitant·es"
	for range 300 {
		long += " et les commerçant·es"
	}
	res, err := NewEngine(Options{}).Generate(testContext(t, time.Minute), newRequest(t, s.URL(), "m", "synthese-courte", long+" ont débattu."), nil)
	var tl *generate.TooLongError
	if generate.CodeOf(err) != generate.CodeContextTooLong || !errors.As(err, &tl) || tl.Context != 600 || res.Stats.ContextNeeded <= 600 {
		t.Fatalf("err %v, stats %+v", err, res.Stats)
	}
}

// TestShowContext: the context comes from the server when it tells it (max_model_len,
// llama.cpp's /props before n_ctx_train), else from the user's setting.
func TestShowContext(t *testing.T) {
	s := openaitest.New(t,
		openaitest.Model{Name: "vllm", MaxModelLen: 32768},
		openaitest.Model{Name: "trained", NCtxTrain: 131072},
		openaitest.Model{Name: "plain"},
		openaitest.Model{Name: "unset"})
	setting := func(host, name string) int {
		if host == s.URL() && name == "plain" {
			return 4096
		}
		return 0
	}
	c, err := NewEngine(Options{ContextLength: setting}).Client(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(t, 30*time.Second)
	for name, want := range map[string]int{"vllm": 32768, "trained": 131072, "plain": 4096, "unset": 0} {
		info, err := c.Show(ctx, name)
		if err != nil || info.ContextLength != want || info.Name != name {
			t.Errorf("%s: %+v %v, want context %d", name, info, err, want)
		}
	}
	// llama.cpp: /props tells the context the server runs with, before the one it was trained for.
	llama := openaitest.New(t, openaitest.Model{Name: "llama", NCtxTrain: 131072, LlamaContext: 8192})
	llama.SetBuild("b6500-abc123")
	lc, _ := NewEngine(Options{ContextLength: setting}).Client(llama.URL())
	if info, err := lc.Show(ctx, "llama"); err != nil || info.ContextLength != 8192 {
		t.Errorf("llama: %+v %v, want 8192 from /props", info, err)
	}
	if st := lc.Status(ctx); st.Version != "b6500-abc123" || !st.Reachable {
		t.Errorf("status %+v", st)
	}
	if _, err := c.Show(ctx, "absent"); generate.CodeOf(err) != generate.CodeModelMissing {
		t.Errorf("absent model: %v", err)
	}
}
