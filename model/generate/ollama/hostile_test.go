package ollama

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// hostile is a server that speaks enough of Ollama's protocol to be taken for it, then
// misbehaves in the ways issue reports saw from real hosts: every case here is a fault a real
// Ollama cannot be made to show.
type hostile struct {
	tags  func(w http.ResponseWriter)
	chat  func(w http.ResponseWriter, r *http.Request)
	chats atomic.Int32
}

func (h *hostile) serve(t *testing.T) string { return h.serveB(t) }

func (h *hostile) serveB(t testing.TB) string {
	t.Helper()
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		switch r.URL.Path {
		case "/api/version":
			fmt.Fprint(w, `{"version":"0.17.4"}`)
		case "/api/tags":
			if h.tags != nil {
				h.tags(w)
				return
			}
			fmt.Fprint(w, `{"models":[{"name":"m:latest","model":"m:latest","digest":"d1","size":10,"details":{"family":"llama","parameter_size":"1B"}}]}`)
		case "/api/show":
			fmt.Fprint(w, `{"details":{"family":"llama"},"model_info":{"general.architecture":"llama","llama.context_length":8192},"capabilities":["completion"]}`)
		case "/api/chat":
			h.chats.Add(1)
			h.chat(w, r)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s.URL
}

// line writes one NDJSON stream line and flushes it.
func line(w http.ResponseWriter, v any) bool {
	b, _ := json.Marshal(v)
	if _, err := w.Write(append(b, '\n')); err != nil {
		return false
	}
	w.(http.Flusher).Flush()
	return true
}

func token(s string) map[string]any {
	return map[string]any{"model": "m", "created_at": time.Now().UTC(), "message": map[string]any{"role": "assistant", "content": s}, "done": false}
}

// TestEndlessStreamCapped: a host that ignores num_predict and never stops (one seen grew to
// 3.5 GB in 24 s) is stopped at the engine's cap, the text kept up to it, with its own reason.
func TestEndlessStreamCapped(t *testing.T) {
	h := &hostile{chat: func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		for line(w, token("é la ")) {
		}
	}}
	host := h.serve(t)
	req := newRequest(t, host, "m", "synthese-courte", frenchReport)
	req.Spec.Options.NumPredict = 10
	start := time.Now()
	res, err := NewEngine(Options{MaxOutput: 10_000}).Generate(testContext(t), req, nil)
	if generate.CodeOf(err) != generate.CodeOutputCap {
		t.Fatalf("err %v after %s, want output-cap", err, time.Since(start))
	}
	if n := utf8.RuneCountInString(res.Text); n != 10_000 || !strings.HasPrefix(res.Text, "é la é la") {
		t.Errorf("kept %d characters, want the first 10,000", n)
	}
	t.Logf("stopped after %s", time.Since(start))
}

// TestRedirectNotFollowed: a 307 on /api/chat carried the report to another server; it is not
// followed, and the other server receives nothing.
func TestRedirectNotFollowed(t *testing.T) {
	other := &hostile{chat: func(w http.ResponseWriter, r *http.Request) { line(w, token("volé")) }}
	elsewhere := other.serve(t)
	h := &hostile{chat: func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere+"/api/chat", http.StatusTemporaryRedirect)
	}}
	_, err := NewEngine(Options{}).Generate(testContext(t), newRequest(t, h.serve(t), "m", "synthese-courte", frenchReport), nil)
	if generate.CodeOf(err) != generate.CodeRedirected {
		t.Errorf("err %v, want redirected", err)
	}
	if n := other.chats.Load(); n != 0 {
		t.Errorf("the report reached the other server %d times", n)
	}
}

// TestTrickledAnswerBounded: a host that sends its model list a byte at a time, forever, held
// `compare` for 12 minutes; the whole request now has a deadline, and says it is a timeout.
func TestTrickledAnswerBounded(t *testing.T) {
	defer func(d time.Duration) { requestTimeout = d }(requestTimeout)
	requestTimeout = 500 * time.Millisecond
	h := &hostile{tags: func(w http.ResponseWriter) {
		for {
			if _, err := w.Write([]byte(" ")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			time.Sleep(10 * time.Millisecond) // the trickle itself, not an ordering of events
		}
	}}
	c, err := NewClient(h.serve(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx := testContext(t) // a hang fails at its deadline instead of blocking
	_, err = c.Models(ctx)
	if generate.CodeOf(err) != generate.CodeTimeout || ctx.Err() != nil {
		t.Errorf("err %v (test deadline passed: %v): want the client's own timeout", err, ctx.Err() != nil)
	}
}

// TestFailedListRememberedBriefly: after a host failed to list its models, the next Show
// within listTTL fails at once with the same reason instead of waiting for the host again.
func TestFailedListRememberedBriefly(t *testing.T) {
	var calls atomic.Int32
	h := &hostile{tags: func(w http.ResponseWriter) {
		calls.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html>maintenance</html>")
	}}
	c, _ := NewClient(h.serve(t))
	for range 3 {
		if _, err := c.Show(testContext(t), "m"); generate.CodeOf(err) != generate.CodeNotOllama {
			t.Fatalf("err %v", err)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("%d model lists asked, want 1", n)
	}
}

// TestHugeAnswerRefused: a 200 MB model list took 858 MB; answers are read through a limit.
func TestHugeAnswerRefused(t *testing.T) {
	h := &hostile{tags: func(w http.ResponseWriter) {
		fmt.Fprint(w, `{"models":[{"name":"`)
		chunk := strings.Repeat("x", 1<<20)
		for range 40 {
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
		fmt.Fprint(w, `"}]}`)
	}}
	c, _ := NewClient(h.serve(t))
	_, err := c.Models(testContext(t))
	if generate.CodeOf(err) != generate.CodeAnswerTooLarge || !strings.Contains(err.Error(), "larger than 16777216 bytes") {
		t.Errorf("err %v, want answer-too-large", err)
	}
}

// TestManyModelsCapped: a host listing 100,000 models gives the first 1,000, and says how many
// were left out.
func TestManyModelsCapped(t *testing.T) {
	h := &hostile{tags: func(w http.ResponseWriter) {
		var b strings.Builder
		b.WriteString(`{"models":[`)
		for i := range 100_000 {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"name":"m%d:latest","digest":"d%d","size":1}`, i, i)
		}
		b.WriteString(`]}`)
		fmt.Fprint(w, b.String())
	}}
	c, _ := NewClient(h.serve(t))
	st := c.Status(testContext(t))
	if st.Err != nil || len(st.Models) != maxModels || st.Omitted != 100_000-maxModels {
		t.Errorf("%d models, %d left out, err %v", len(st.Models), st.Omitted, st.Err)
	}
}

// TestAbsurdNumbersClamped: counts and durations a host cannot mean (negative, 2^62) do not
// reach the statistics, which stay fit for JSON.
func TestAbsurdNumbersClamped(t *testing.T) {
	h := &hostile{chat: func(w http.ResponseWriter, r *http.Request) {
		line(w, token("Un texte."))
		final := token("")
		final["done"], final["done_reason"] = true, "stop"
		final["eval_count"], final["prompt_eval_count"] = -5, int64(1)<<62
		final["eval_duration"], final["prompt_eval_duration"], final["load_duration"] = -1, int64(1)<<62, -7
		line(w, final)
	}}
	res, err := NewEngine(Options{}).Generate(testContext(t), newRequest(t, h.serve(t), "m", "synthese-courte", frenchReport), nil)
	if err != nil {
		t.Fatal(err)
	}
	st := res.Stats
	if st.OutputTokens != 0 || st.PromptTokens != 0 || st.Eval != 0 || st.PromptEval != 0 || st.Load != 0 || st.TokensPerSecond != 0 {
		t.Errorf("stats kept nonsense: %+v", st)
	}
	if _, err := json.Marshal(st); err != nil {
		t.Errorf("stats do not encode: %v", err)
	}
}

// TestRemoteModelRefused: a model its host forwards elsewhere (a cloud model, or one created
// with remote_host) is marked so, refused without the user's leave (nothing sent), and
// recorded as written remotely with it.
func TestRemoteModelRefused(t *testing.T) {
	h := &hostile{
		tags: func(w http.ResponseWriter) {
			fmt.Fprint(w, `{"models":[{"name":"m:latest","model":"m:latest","remote_model":"gpt-oss:120b","remote_host":"https://ollama.com:443","digest":"d1","size":300}]}`)
		},
		chat: func(w http.ResponseWriter, r *http.Request) {
			line(w, token("Texte."))
			final := token("")
			final["done"], final["done_reason"] = true, "stop"
			line(w, final)
		},
	}
	host := h.serve(t)
	req := newRequest(t, host, "m", "synthese-courte", frenchReport)
	_, err := NewEngine(Options{}).Generate(testContext(t), req, nil)
	if generate.CodeOf(err) != generate.CodeRemoteRefused || h.chats.Load() != 0 {
		t.Fatalf("err %v, %d chats: want remote-not-allowed and nothing sent", err, h.chats.Load())
	}
	allow := func(gotHost, name string) bool { return gotHost == host && name == "m:latest" }
	res, err := NewEngine(Options{AllowRemote: allow}).Generate(testContext(t), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.Where != model.PlaceRemote || res.Stats.WhereHost != "ollama.com" {
		t.Errorf("written at %q %q, want remote ollama.com", res.Stats.Where, res.Stats.WhereHost)
	}
}

// TestNeverSigned: the api package signs requests to a host named ollama.com with the user's
// Ollama key (~/.ollama/id_ed25519); Rapporteur never does. The test reaches a local server
// under that name; with no key in HOME, a signing attempt would fail the request.
func TestNeverSigned(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	var seen atomic.Value
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen.Store(r.Header.Get("Authorization") + "|" + r.URL.RawQuery)
		fmt.Fprint(w, `{"version":"0.17.4"}`)
	}))
	defer s.Close()
	defer func(d func(context.Context, string, string) (net.Conn, error)) { dial = d }(dial)
	dial = func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, s.Listener.Addr().String())
	}
	c, err := NewClient("http://ollama.com:11434")
	if err != nil {
		t.Fatal(err)
	}
	if st := c.Status(testContext(t)); !st.Reachable {
		t.Fatalf("status %+v", st)
	}
	if got := seen.Load(); got != "|" {
		t.Errorf("the request carried %q: signed with the user's key", got)
	}
}

// TestHostPlaces: where a host is, for the disclosure and the remote guard.
func TestHostPlaces(t *testing.T) {
	cases := map[string]model.Place{
		"http://127.0.0.1:11434": model.PlaceThisComputer, "http://[::1]:11434": model.PlaceThisComputer,
		"http://localhost:11434": model.PlaceThisComputer, "http://192.168.1.20:11434": model.PlaceNetwork,
		"http://10.0.0.5:11434": model.PlaceNetwork, "http://[fd00::5]:11434": model.PlaceNetwork,
		"http://gpu-salle-b:11434": model.PlaceNetwork, "http://serveur.local:11434": model.PlaceNetwork,
		"https://ollama.com:443": model.PlaceRemote, "http://8.8.8.8:11434": model.PlaceRemote,
	}
	for host, want := range cases {
		c, err := NewClient(host)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := c.Locate(testContext(t), ModelInfo{Name: "m"}); got != want {
			t.Errorf("%s: %s, want %s", host, got, want)
		}
	}
	c, _ := NewClient("http://127.0.0.1:11434")
	if got, name := c.Locate(testContext(t), ModelInfo{RemoteHost: "https://ollama.com:443"}); got != model.PlaceRemote || name != "ollama.com" {
		t.Errorf("a remote model on this computer's Ollama: %s %s", got, name)
	}
}
