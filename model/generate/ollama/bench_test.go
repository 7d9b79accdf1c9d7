package ollama

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ollama/ollama/api"

	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// benchSource is a French report of about 2,000 words.
func benchSource() string {
	var b strings.Builder
	for b.Len() == 0 || len(strings.Fields(b.String())) < 2000 {
		b.WriteString(longReport(1)[len("# Concertation sur le plan local de mobilité\n\n"):])
	}
	return "# Concertation\n\n" + b.String()
}

// BenchmarkEngineOverhead compares the same chat (a 2,000-word source, 200 tokens written, no
// delays) through Engine.Generate and through a bare api.Client.Chat, reporting the time to
// the first token as ttft-ns.
func BenchmarkEngineOverhead(b *testing.B) {
	s := ollamatest.New(ollamatest.Model{Name: "tiny", ContextLength: 32768, Endless: true})
	defer s.Close()
	req := newRequest(b, s.URL(), "tiny", "synthese-courte", benchSource())
	req.Spec.Options.NumPredict = 200
	e := NewEngine(Options{})
	ctx := context.Background()
	if _, err := e.Generate(ctx, req, nil); err != nil { // load the model with this num_ctx
		b.Fatal(err)
	}
	sent := s.LastChat()
	msgs := make([]api.Message, len(sent.Messages))
	for i, m := range sent.Messages {
		msgs[i] = api.Message{Role: m.Role, Content: m.Content}
	}
	bare := &api.ChatRequest{Model: sent.Model, Messages: msgs, Options: sent.Options, Truncate: sent.Truncate}
	u, _ := url.Parse(s.URL())
	client := api.NewClient(u, &http.Client{})

	b.Run("engine", func(b *testing.B) {
		var ttft time.Duration
		for b.Loop() {
			start := time.Now()
			first := time.Time{}
			_, err := e.Generate(ctx, req, func(p generate.Progress) {
				if p.Delta != "" && first.IsZero() {
					first = time.Now()
				}
			})
			if err != nil {
				b.Fatal(err)
			}
			ttft += first.Sub(start)
		}
		b.ReportMetric(float64(ttft.Nanoseconds())/float64(b.N), "ttft-ns")
	})
	b.Run("bare-client", func(b *testing.B) {
		var ttft time.Duration
		for b.Loop() {
			start := time.Now()
			first := time.Time{}
			var text strings.Builder
			err := client.Chat(ctx, bare, func(r api.ChatResponse) error {
				if r.Message.Content != "" && first.IsZero() {
					first = time.Now()
				}
				text.WriteString(r.Message.Content)
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			ttft += first.Sub(start)
		}
		b.ReportMetric(float64(ttft.Nanoseconds())/float64(b.N), "ttft-ns")
	})
}
