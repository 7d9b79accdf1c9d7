package ollama

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model/generate"
)

// FuzzHostReplies answers every request of the client with the fuzzed bytes, as a broken or
// hostile host would: listing the models, reading one, and a whole generation must end, within
// bounded time and memory, with a typed error or a result, never a panic or a hang.
func FuzzHostReplies(f *testing.F) {
	f.Add([]byte(`{"version":"0.17.4","models":[{"name":"m:latest","digest":"d","size":1}],"model_info":{"general.architecture":"llama","llama.context_length":4096}}`), "application/json")
	f.Add([]byte(`{"model":"m","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":"a"},"done":false}
{"model":"m","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","eval_count":-3}
`), "application/x-ndjson")
	f.Add([]byte("<html><body>portail captif</body></html>"), "text/html")
	f.Add([]byte(`{"error":"model 'm' not found"}`), "application/json")
	f.Add([]byte("\x00\xff\xfe{{{{[[[\n\n\n"), "application/octet-stream")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", contentType)
			w.Write(body)
		}))
		defer s.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		c, err := NewClient(s.URL)
		if err != nil {
			t.Fatal(err)
		}
		c.Status(ctx)
		c.Show(ctx, "m")
		req := newRequest(t, s.URL, "m", "synthese-courte", frenchReport)
		res, err := NewEngine(Options{MaxOutput: 1000, LoadTimeout: time.Second, StallTimeout: time.Second}).Generate(ctx, req, nil)
		if err != nil && generate.CodeOf(err) == generate.CodeInternal {
			t.Errorf("an untyped error: %v", err)
		}
		if len([]rune(res.Text)) > 1000 {
			t.Errorf("kept %d characters past the cap", len([]rune(res.Text)))
		}
		if ctx.Err() != nil {
			t.Errorf("the client did not give up before the test's deadline")
		}
	})
}
