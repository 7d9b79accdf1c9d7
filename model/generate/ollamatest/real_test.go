package ollamatest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Integration tests against the real Ollama server of ../shared/ollama (see Real): the
// Recorder, and the answers of the real server that the fake's own tests assert.

// realContext bounds an integration test, so that a hang fails it instead of blocking CI.
func realContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// realDo sends a raw request to the real server at host and returns the answer.
func realDo(ctx context.Context, t *testing.T, method, url, body string) *http.Response {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, r)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// realChat posts a raw /api/chat body to host and reads the whole answer.
func realChat(ctx context.Context, t *testing.T, host, body string) reply {
	t.Helper()
	resp := realDo(ctx, t, http.MethodPost, host+"/api/chat", body)
	defer resp.Body.Close()
	return readReply(t, resp.StatusCode, resp.Body)
}

// TestRealRecorder sends chats to tiny through a Recorder with an unusual num_ctx: the first
// loads the model (a num_ctx change forces a reload), the second finds it loaded, and a prompt
// longer than num_ctx with truncate false records Ollama's 400 and its error.
func TestRealRecorder(t *testing.T) {
	host := Real(t)
	ctx := realContext(t)
	// Seeded: unseeded, tiny may stop before its first token, and done_reason would be "stop".
	one := func(numCtx int) string {
		return fmt.Sprintf(`,"options":{"num_ctx":%d,"num_predict":1,"seed":7}`, numCtx)
	}
	// tiny is left loaded with another num_ctx, whatever ran before.
	if r := realChat(ctx, t, host, body(RealTiny, "hi", one(3000))); r.status != 200 {
		t.Fatalf("priming chat: %d %q", r.status, r.err)
	}
	rec, err := NewRecorder(host)
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	for range 2 {
		realChat(ctx, t, rec.URL(), body(RealTiny, "hi", one(3072)))
	}
	long := strings.Repeat(french+"\n", 20) // about 6,000 tokens for the tiny tokenizer
	realChat(ctx, t, rec.URL(), body(RealTiny, long, `,"truncate":false,"options":{"num_ctx":3072}`))
	rec.Close() // waits for the proxy's handlers: every exchange is recorded
	xs := rec.Exchanges()
	if len(xs) != 3 {
		t.Fatalf("%d exchanges recorded, want 3: %+v", len(xs), xs)
	}
	t.Logf("load_duration %v then %v (threshold %v); error answer %+v", xs[0].Load, xs[1].Load, LoadThreshold, xs[2])
	answered := Exchange{Model: RealTiny, NumCtx: 3072, Status: 200, DoneReason: "length"}
	refused := Exchange{Model: RealTiny, NumCtx: 3072, Status: 400, Error: inputTooLong}
	for i, want := range []Exchange{answered, answered, refused} {
		got := xs[i]
		if got.Load, got.PromptEvalCount = 0, 0; got != want || (want.Status == 200) != (xs[i].PromptEvalCount > 0) {
			t.Errorf("exchange %d: %+v, want %+v", i, xs[i], want)
		}
	}
	if !xs[0].Loaded() || xs[1].Loaded() || rec.Loads() != 1 {
		t.Errorf("loaded %v then %v, %d loads; want a load for the first only", xs[0].Loaded(), xs[1].Loaded(), rec.Loads())
	}
}

// TestRealRequestErrors sends the bad requests of TestRequestErrors to the real server: same
// statuses, same texts.
func TestRealRequestErrors(t *testing.T) {
	host := Real(t)
	ctx := realContext(t)
	for _, c := range requestErrors {
		r := realChat(ctx, t, host, c.body)
		if r.status != c.status || r.err != c.err {
			t.Errorf("%s: %d %q, want %d %q as the fake answers", c.body, r.status, r.err, c.status, c.err)
		}
	}
	if r := realChat(ctx, t, host, unknownOption); r.status != 200 {
		t.Errorf("unknown option: %d %q", r.status, r.err)
	}
}

// TestRealNumPredictFraming checks on the real server what TestWordsAndNumPredict and
// TestClientChatStream assert of the fake: lines of text then the done line, eval_count equal
// to num_predict, and a single object with stream false. Unlike the fake, the real server
// does not send exactly one line per token: it holds back text that could begin a stop
// sequence ("<" of "<|im_end|>") and sends it with the next token: a 300-token answer may
// come in fewer than 300 lines, each with text.
func TestRealNumPredictFraming(t *testing.T) {
	host := Real(t)
	ctx := realContext(t)
	r := realChat(ctx, t, host, body(RealTinyLong, french, `,"options":{"num_predict":300}`))
	f := r.final()
	t.Logf("%d lines of text for eval_count %d", len(r.chunks)-1, f.EvalCount)
	if r.status != 200 || !f.Done || f.DoneReason != "length" || f.EvalCount != 300 || len(r.chunks) > 301 {
		t.Errorf("streamed: %d, %q eval_count %d, %d lines", r.status, f.DoneReason, f.EvalCount, len(r.chunks))
	}
	for i, c := range r.chunks[:len(r.chunks)-1] {
		if c.Done || c.Message.Content == "" {
			t.Fatalf("line %d of %d: %+v", i, len(r.chunks), c)
		}
	}
	r = realChat(ctx, t, host, body(RealTinyLong, french, `,"stream":false,"options":{"num_predict":3}`))
	if f := r.final(); len(r.chunks) != 1 || f.DoneReason != "length" || f.EvalCount != 3 || r.text() == "" {
		t.Errorf("stream false: %+v", r)
	}
}

// TestRealTruncation checks on the real server what TestTruncation asserts of the fake: a
// prompt longer than num_ctx is cut silently (prompt_eval_count equals num_ctx), and refused
// with truncate false, streamed or not.
func TestRealTruncation(t *testing.T) {
	host := Real(t)
	ctx := realContext(t)
	long := strings.Repeat(french+"\n", 20)
	// tiny-long, which never stops by itself: tiny may stop before num_predict.
	r := realChat(ctx, t, host, body(RealTinyLong, long, `,"options":{"num_ctx":512,"num_predict":4}`))
	if f := r.final(); r.status != 200 || f.PromptEvalCount != 512 || f.DoneReason != "length" {
		t.Errorf("silent truncation: status %d prompt_eval_count %d %q", r.status, f.PromptEvalCount, f.DoneReason)
	}
	for _, extra := range []string{"", `,"stream":false`} {
		r = realChat(ctx, t, host, body(RealTiny, long, `,"truncate":false,"options":{"num_ctx":512}`+extra))
		if r.status != http.StatusBadRequest || r.err != inputTooLong {
			t.Errorf("truncate false%s: %d %q", extra, r.status, r.err)
		}
	}
}

// TestRealPullOffline checks on the real server, which has no internet, the offline pull
// answers of TestPullOfflineNoStream and TestClientPull: streamed, a 200 with "pulling
// manifest" then an error line; not streamed, a 500 JSON error. Only the resolver named at
// the end of the text depends on the machine.
func TestRealPullOffline(t *testing.T) {
	host := Real(t)
	ctx := realContext(t)
	const name = "rapporteur-absent:latest"
	want, _, _ := strings.Cut(offlineError(name), "dial tcp")
	resp := realDo(ctx, t, http.MethodPost, host+"/api/pull", `{"model":"`+name+`"}`)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	var last struct {
		Error string `json:"error"`
	}
	if len(lines) != 2 || lines[0] != `{"status":"pulling manifest"}` || json.Unmarshal([]byte(lines[1]), &last) != nil ||
		resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/x-ndjson" || !strings.HasPrefix(last.Error, want) {
		t.Errorf("streamed: %d %q\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	resp = realDo(ctx, t, http.MethodPost, host+"/api/pull", `{"model":"`+name+`","stream":false}`)
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 500 || resp.Header.Get("Content-Type") != "application/json" || !strings.HasPrefix(string(b), `{"error":"pull model manifest: Get \"https://registry.ollama.ai/`) {
		t.Errorf("not streamed: %d %q\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	t.Logf("offline pull error: %s", last.Error)
}

// TestRealRootAndVersion checks on the real server what TestRootAndVersion and
// TestClientListVersion assert of the fake: "/" answers 200 in plain text to GET and HEAD,
// an unknown path 404, /api/version the fake's Version.
func TestRealRootAndVersion(t *testing.T) {
	host := Real(t)
	ctx := realContext(t)
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		resp := realDo(ctx, t, m, host+"/", "")
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
			t.Errorf("%s /: %d %q", m, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	resp := realDo(ctx, t, http.MethodGet, host+"/api/nothing", "")
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("unknown path: %d", resp.StatusCode)
	}
	resp = realDo(ctx, t, http.MethodGet, host+"/api/version", "")
	defer resp.Body.Close()
	var v struct {
		Version string `json:"version"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil || v.Version != Version {
		t.Errorf("version %q, %v; want %q", v.Version, err, Version)
	}
}
