package ollama

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// BenchmarkTokenizerLoad fetches Llama 3.2's real vocabulary (128,256 tokens, 280,147 merges)
// from a host's verbose /api/show and builds its tokenizer, then counts a short text so its
// lazy tables are built too; it reports the heap the tokenizer keeps, in MB.
func BenchmarkTokenizerLoad(b *testing.B) {
	s := llamaServer(b)
	c, _ := NewClient(s.URL())
	var kept float64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		mt, err := c.fetchTokenizer(context.Background(), "llama3.2:3b")
		if err != nil {
			b.Fatal(err)
		}
		mt.count("Les participant·es ont voté.")
		runtime.GC()
		runtime.ReadMemStats(&after)
		kept += float64(after.HeapAlloc) - float64(before.HeapAlloc)
		runtime.KeepAlive(mt)
	}
	b.ReportMetric(kept/float64(b.N)/1e6, "MB-kept")
}

// BenchmarkCountLongReport counts a 10,000-word French report with Llama 3.2's tokenizer: a
// new text each time (what typing in the editor then planning costs), and the same text again
// (the memo: every preset of a run, every refresh of the matrix).
func BenchmarkCountLongReport(b *testing.B) {
	s := llamaServer(b)
	c, _ := NewClient(s.URL())
	mt, err := c.fetchTokenizer(context.Background(), "llama3.2:3b")
	if err != nil {
		b.Fatal(err)
	}
	text := ollamatest.LongReport(10_000)
	b.Run("new-text", func(b *testing.B) {
		i := 0
		for b.Loop() {
			i++
			mt.count(text + string(rune('a'+i%26)) + time.Now().String())
		}
	})
	b.Run("memo", func(b *testing.B) {
		mt.count(text)
		for b.Loop() {
			mt.count(text)
		}
	})
}

// BenchmarkPlanWindow plans the shared window of 3 presets of one model for a 10,000-word
// report with Llama 3.2's vocabulary, tokenizer already fetched: the work the scheduler adds
// before a model's group starts.
func BenchmarkPlanWindow(b *testing.B) {
	s := llamaServer(b)
	e := NewEngine(Options{})
	body := ollamatest.LongReport(10_000)
	var reqs []generate.Request
	for _, p := range []string{"synthese-courte", "compte-rendu-detaille", "decisions-actions"} {
		reqs = append(reqs, newRequest(b, s.URL(), "llama3.2:3b", p, body))
	}
	if w := e.PlanWindow(context.Background(), reqs); w == 0 {
		b.Fatal("no window")
	}
	for b.Loop() {
		e.PlanWindow(context.Background(), reqs)
	}
}

// BenchmarkRealReadInParts reads the 10,000-word report on the real tiny-8k model (an 8,192
// context for about 75,000 tokens): one iteration takes about two minutes, so run it with
// -benchtime 1x. It reports the parts, the requests and the wall time.
func BenchmarkRealReadInParts(b *testing.B) {
	host := ollamatest.Real(b)
	rec := recorded(b, host)
	req := newRequest(b, rec.URL(), ollamatest.RealTiny8k, "synthese-courte", ollamatest.LongReport(10_000))
	var parts, requests, refused int
	for b.Loop() {
		before := len(rec.Exchanges())
		res, err := NewEngine(Options{}).Generate(context.Background(), req, nil)
		if err != nil {
			b.Fatal(err)
		}
		parts += res.Stats.Chunks
		for _, x := range rec.Exchanges()[before:] {
			requests++
			if x.Status != 200 {
				refused++
			}
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(parts)/n, "parts/op")
	b.ReportMetric(float64(requests)/n, "requests/op")
	b.ReportMetric(float64(refused)/n, "refused/op")
}
