package ollamatest

import (
	"net/http"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	// Real server: the fake counts like a real model (~3.5 characters a token); the tiny test models count ~1 a character.
	cases := map[string]int{
		"": 0, "   \n": 0, "a": 1, "le": 1, "réunion": 2, "participation": 4,
		"la réunion publique a permis aux habitants de": 14,
	}
	for text, want := range cases {
		if got := Tokens(text); got != want {
			t.Errorf("Tokens(%q) = %d, want %d", text, got, want)
		}
	}
	// About 3.5 characters per token on French prose.
	per := float64(len([]rune(french))) / float64(Tokens(french))
	if per < 3.2 || per > 4.2 {
		t.Errorf("%.2f characters per token, want about 3.5", per)
	}
}

func TestReplyIsDeterministic(t *testing.T) {
	// Real server: the fake's own text; it may merge tokens into one line (see TestRealNumPredictFraming).
	s := New()
	defer s.Close()
	a := chat(t, s, body("tiny", french, ""))
	b := chat(t, s, body("tiny:latest", french, `,"stream":false`))
	if a.text() == "" || a.text() != b.text() {
		t.Fatalf("replies differ:\n%q\n%q", a.text(), b.text())
	}
	if got := len(strings.Fields(a.text())); got < 40 {
		t.Errorf("%d words, want at least the default 40", got)
	}
	f := a.final()
	if f.DoneReason != "stop" || f.EvalCount != len(a.chunks)-1 || f.EvalCount != Tokens(a.text()) {
		t.Errorf("done %q eval_count %d, chunks %d, Tokens %d", f.DoneReason, f.EvalCount, len(a.chunks)-1, Tokens(a.text()))
	}
	// The reply reuses the source's words.
	for _, w := range strings.Fields(a.text())[:5] {
		if !strings.Contains(french, w) && !strings.Contains(strings.Join(connectors, " "), w) {
			t.Errorf("word %q is not from the source", w)
		}
	}
}

func TestSeedAndModelChangeReply(t *testing.T) {
	// Real server: the fake's own text, which random-weight models cannot confirm.
	s := New(Model{Name: "tiny"}, Model{Name: "other:7b"})
	defer s.Close()
	base := chat(t, s, body("tiny", french, `,"options":{"seed":1}`)).text()
	if again := chat(t, s, body("tiny", french, `,"options":{"seed":1}`)).text(); again != base {
		t.Error("same seed, different reply")
	}
	if seeded := chat(t, s, body("tiny", french, `,"options":{"seed":2}`)).text(); seeded == base {
		t.Error("another seed gives the same reply")
	}
	if other := chat(t, s, body("other:7b", french, `,"options":{"seed":1}`)).text(); other == base {
		t.Error("another model gives the same reply")
	}
}

func TestWordsAndNumPredict(t *testing.T) {
	// Real server: TestRealNumPredictFraming checks this, but lines may be fewer than tokens; Words is the fake's.
	s := New(Model{Name: "short", Words: 5}, Model{Name: "long", Endless: true})
	defer s.Close()
	if n := len(strings.Fields(chat(t, s, body("short", french, "")).text())); n != 5 {
		t.Errorf("%d words, want 5", n)
	}
	r := chat(t, s, body("long", french, `,"options":{"num_predict":300}`))
	if f := r.final(); f.DoneReason != "length" || f.EvalCount != 300 || len(r.chunks) != 301 {
		t.Errorf("endless: %q eval_count %d chunks %d", f.DoneReason, f.EvalCount, len(r.chunks))
	}
	r = chat(t, s, body("short", french, `,"stream":false,"options":{"num_predict":3}`))
	if f := r.final(); len(r.chunks) != 1 || f.DoneReason != "length" || f.EvalCount != 3 {
		t.Errorf("stream false: %+v", r)
	}
}

func TestTruncation(t *testing.T) {
	// Real server: TestRealTruncation checks the cut and the 400; the count of "hi" is the fake tokenizer's (tiny: 22).
	s := New()
	defer s.Close()
	long := strings.Repeat(french+"\n", 20)
	if p := promptTokens([]Message{{Role: "user", Content: long}}); p <= 512 {
		t.Fatalf("prompt of %d tokens is not long enough", p)
	}
	r := chat(t, s, body("tiny", long, `,"options":{"num_ctx":512,"num_predict":4}`))
	if f := r.final(); r.status != 200 || f.PromptEvalCount != 512 || f.DoneReason != "length" {
		t.Errorf("silent truncation: status %d prompt_eval_count %d %q", r.status, f.PromptEvalCount, f.DoneReason)
	}
	for _, extra := range []string{"", `,"stream":false`} {
		r = chat(t, s, body("tiny", long, `,"truncate":false,"options":{"num_ctx":512}`+extra))
		if r.status != http.StatusBadRequest || r.err != inputTooLong {
			t.Errorf("truncate false%s: %d %q", extra, r.status, r.err)
		}
	}
	// A short prompt counts its template and BOS.
	r = chat(t, s, body("tiny", "hi", `,"options":{"num_predict":1}`))
	if got, want := r.final().PromptEvalCount, 1+Tokens("user: hi\nassistant: "); got != want {
		t.Errorf("prompt_eval_count %d, want %d", got, want)
	}
	if s.LastChat().Options["num_predict"] != float64(1) {
		t.Errorf("LastChat options %v", s.LastChat().Options)
	}
}

func TestDefaultNumCtx(t *testing.T) {
	// Real server: its test models set num_ctx in their Modelfile, so it cannot show Ollama's default.
	s := New(Model{Name: "big", ContextLength: 32768})
	defer s.Close()
	long := strings.Repeat(french+"\n", 60) // about 4,000 to 5,000 tokens
	r := chat(t, s, body("big", long, `,"options":{"num_predict":1}`))
	if got := r.final().PromptEvalCount; got != DefaultNumCtx {
		t.Errorf("prompt_eval_count %d, want DefaultNumCtx %d", got, DefaultNumCtx)
	}
}

// requestErrors are bad /api/chat requests to a server that has "tiny" (without a thinking
// mode) and what Ollama answers; TestRealRequestErrors checks the same on the real server.
var requestErrors = []struct {
	body   string
	status int
	err    string
}{
	{body("nope", "hi", ""), 404, "model 'nope' not found"},
	{body("tiny:7b", "hi", `,"stream":false`), 404, "model 'tiny:7b' not found"},
	{body("", "hi", ""), 400, "model is required"},
	{body("tiny", "hi", `,"think":true`), 400, `"tiny" does not support thinking`},
	{body("tiny", "hi", `,"options":{"num_ctx":"big"}`), 500, `option "num_ctx" must be of type integer`},
	{body("tiny", "hi", `,"options":{"temperature":true}`), 500, `option "temperature" must be of type float32`},
	{`{"model":"tiny",`, 400, "unexpected EOF"},
	{``, 400, "missing request body"},
}

// unknownOption is a request with an option Ollama does not know, which it ignores.
var unknownOption = body("tiny", "hi", `,"options":{"bogus":1,"num_predict":2}`)

func TestRequestErrors(t *testing.T) {
	s := New(Model{Name: "tiny"}, Model{Name: "thinker", Capabilities: []string{"completion", "thinking"}})
	defer s.Close()
	for _, c := range requestErrors {
		r := chat(t, s, c.body)
		if r.status != c.status || r.err != c.err {
			t.Errorf("%s: %d %q, want %d %q", c.body, r.status, r.err, c.status, c.err)
		}
	}
	if r := chat(t, s, unknownOption); r.status != 200 {
		t.Errorf("unknown option: %d %q", r.status, r.err)
	}
}

func TestThinkingModel(t *testing.T) {
	// Real server: it has no model with a thinking mode.
	s := New(Model{Name: "thinker", Capabilities: []string{"completion", "thinking"}, Words: 8})
	defer s.Close()
	r := chat(t, s, body("thinker", french, ""))
	if r.chunks[0].Message.Thinking == "" || r.chunks[0].Message.Content != "" || r.text() == "" {
		t.Errorf("thinking then content expected, first chunk %+v", r.chunks[0].Message)
	}
	r = chat(t, s, body("thinker", french, `,"think":false`))
	if r.chunks[0].Message.Thinking != "" {
		t.Error("think false still thinks")
	}
}

func TestRootAndVersion(t *testing.T) {
	// Real server: TestRealRootAndVersion checks the same answers; request counts are the fake's.
	s := New()
	defer s.Close()
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		resp := do(t, s, m, "/", "")
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
			t.Errorf("%s /: %d %q", m, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	if resp := do(t, s, http.MethodGet, "/api/nothing", ""); resp.StatusCode != 404 {
		t.Errorf("unknown path: %d", resp.StatusCode)
	}
	if s.Requests("/") != 2 || s.Requests("/api/nothing") != 1 {
		t.Errorf("Requests: %d %d", s.Requests("/"), s.Requests("/api/nothing"))
	}
}
