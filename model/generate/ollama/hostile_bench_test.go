package ollama

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// BenchmarkHugeModelList reads a 200 MB /api/tags (one seen took 858 MB): it reports the time
// and, with -benchmem, the memory the client allocates before it refuses or returns.
func BenchmarkHugeModelList(b *testing.B) {
	entry := `{"name":"m%d:latest","model":"m%d:latest","digest":"%064d","size":1,"details":{"family":"llama","parameter_size":"7B","quantization_level":"Q4_K_M"}},`
	var chunk strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&chunk, entry, i, i, i)
	}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path != "/api/tags" {
			fmt.Fprint(w, `{"version":"0.17.4"}`)
			return
		}
		fmt.Fprint(w, `{"models":[`)
		for written := 0; written < 200<<20; written += chunk.Len() {
			if _, err := fmt.Fprint(w, chunk.String()); err != nil {
				return
			}
		}
		fmt.Fprint(w, `{"name":"last"}]}`)
	}))
	defer s.Close()
	for b.Loop() {
		c, _ := NewClient(s.URL)
		ms, err := c.Models(context.Background())
		b.ReportMetric(float64(len(ms)), "models")
		if err == nil {
			b.ReportMetric(0, "refused")
		} else {
			b.ReportMetric(1, "refused")
		}
	}
}

// BenchmarkEndlessStream reads a stream that ignores num_predict and never stops, with the
// engine's default settings, for at most 5 seconds: it reports the text kept and, with
// -benchmem, the memory allocated.
func BenchmarkEndlessStream(b *testing.B) {
	h := &hostile{chat: func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		for line(w, token(strings.Repeat("mot ", 64))) {
		}
	}}
	host := h.serveB(b)
	req := newRequest(b, host, "m", "synthese-courte", frenchReport)
	for b.Loop() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		res, _ := NewEngine(Options{}).Generate(ctx, req, nil)
		cancel()
		b.ReportMetric(float64(len(res.Text)), "bytes-kept")
	}
}
