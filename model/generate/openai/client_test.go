package openai

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/generate/openai/openaitest"
)

func TestNormalizeHost(t *testing.T) {
	good := map[string]string{
		"http://127.0.0.1:8000/v1":         "http://127.0.0.1:8000/v1",
		"http://127.0.0.1:8000/v1/":        "http://127.0.0.1:8000/v1",
		"localhost:8080":                   "http://localhost:8080/v1",
		"HTTPS://LLM.Example.org":          "https://llm.example.org/v1",
		"https://llm.example.org:443/api/": "https://llm.example.org/api",
		"http://0.0.0.0:1234":              "http://127.0.0.1:1234/v1",
		"http://[::1]:8000/v1":             "http://[::1]:8000/v1",
		" http://gpu-box.lan:8000/v1 ":     "http://gpu-box.lan:8000/v1",
	}
	for in, want := range good {
		if got, err := NormalizeHost(in); err != nil || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "ftp://host", "http://user:sk-secret@host/v1", "http://host/v1?key=x", "http://host:99999", "http://ho st/v1", "http:///v1"} {
		if _, err := NormalizeHost(bad); generate.CodeOf(err) != generate.CodeBadHost {
			t.Errorf("%q: %v, want bad-host", bad, err)
		}
	}
}

// TestNotOpenAI: a server that does not speak the API is told apart from one that is down.
func TestNotOpenAI(t *testing.T) {
	answers := map[string]http.HandlerFunc{
		"404 page": func(w http.ResponseWriter, _ *http.Request) { http.NotFound(w, nil) },
		"other json": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"models":[{"name":"x"}]}`)
		},
		"html": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			_, _ = io.WriteString(w, "<html>router login</html>")
		},
		"text": func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "hello") },
	}
	for name, h := range answers {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(h)
			defer srv.Close()
			c, _ := NewEngine(Options{}).Client(srv.URL)
			st := c.Status(testContext(t, 10*time.Second))
			if generate.CodeOf(st.Err) != generate.CodeNotOpenAI || st.Reachable {
				t.Errorf("status %+v, want not-openai", st)
			}
		})
	}
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	c, _ := NewEngine(Options{}).Client(url)
	if st := c.Status(testContext(t, 10*time.Second)); generate.CodeOf(st.Err) != generate.CodeHostUnreachable {
		t.Errorf("closed server: %+v", st)
	}
}

// TestSameRequestAsOllama: the messages are the Ollama engine's, byte for byte; sampling
// options are sent only when set; usage is asked for.
func TestSameRequestAsOllama(t *testing.T) {
	s := openaitest.New(t, openaitest.Model{Name: "m"})
	req := newRequest(t, s.URL(), "m", "synthese-courte", shortSource)
	e := NewEngine(Options{})
	ctx := testContext(t, 30*time.Second)
	if _, err := e.Generate(ctx, req, nil); err != nil {
		t.Fatal(err)
	}
	temp, topP := 0.3, 0.9
	req.Spec.Options = model.Options{Temperature: &temp, TopP: &topP, Seed: intp(5), NumPredict: 7}
	if _, err := e.Generate(ctx, req, nil); err != nil {
		t.Fatal(err)
	}
	reqs := s.Requests()
	if e.SystemPrompt(req) != ollama.NewEngine(ollama.Options{}).SystemPrompt(req) {
		t.Fatal("system prompt differs from the Ollama engine's")
	}
	checkOllamaMessages(t, reqs[0], req)
	for _, k := range []string{"temperature", "top_p", "seed", "max_tokens"} {
		if _, ok := reqs[0].Body[k]; ok {
			t.Errorf("%s sent unset", k)
		}
	}
	b := reqs[1].Body
	if b["temperature"] != 0.3 || b["top_p"] != 0.9 || b["seed"] != 5.0 || b["max_tokens"] != 7.0 || b["stream"] != true {
		t.Errorf("options sent %v", b)
	}
	if so, _ := b["stream_options"].(map[string]any); so["include_usage"] != true {
		t.Errorf("stream_options %v", b["stream_options"])
	}
}

// checkOllamaMessages checks that got holds the Ollama engine's messages for req.
func checkOllamaMessages(t *testing.T, got openaitest.ChatRequest, req generate.Request) {
	t.Helper()
	want := ollama.Messages(req)
	if len(got.Messages) != len(want) {
		t.Fatalf("%d messages, want %d", len(got.Messages), len(want))
	}
	for i, m := range got.Messages {
		if m.Role != want[i].Role || m.Content != want[i].Content {
			t.Errorf("message %d differs: %q", i, m.Content)
		}
	}
}

func TestLocate(t *testing.T) {
	ctx := testContext(t, 10*time.Second)
	for host, want := range map[string]model.Place{
		"http://127.0.0.1:8000/v1": model.PlaceThisComputer,
		"http://192.168.1.20:8000": model.PlaceNetwork,
		"https://8.8.8.8/v1":       model.PlaceRemote,
	} {
		c, _ := NewEngine(Options{}).Client(host)
		if got, _ := c.Locate(ctx, generate.ModelInfo{}); got != want {
			t.Errorf("%s: %q, want %q", host, got, want)
		}
	}
}
