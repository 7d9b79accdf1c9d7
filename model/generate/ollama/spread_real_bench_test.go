//go:build unix

package ollama

import (
	"context"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// benchVariants and benchPredict size the spread benchmark: 8 variants of tiny-long, each
// writing 1,000 tokens (seed 7).
const benchVariants, benchPredict = 8, 1000

// BenchmarkRealSpread times 8 variants of one model on two real Ollama servers that it starts
// (OLLAMA_NUM_PARALLEL=1, OLLAMA_MAX_LOADED_MODELS=1; the tiny models use one thread): all on
// one server, spread over both, and spread with the second server killed once half the
// variants are done (a fresh second server each iteration, started and warmed up outside the
// timed part). It runs when the real tests do (OLLAMA_TEST_HOST set), as
//
//	go test -run '^$' -bench BenchmarkRealSpread -benchtime 3x ./model/generate/ollama/
func BenchmarkRealSpread(b *testing.B) {
	ollamatest.Real(b)
	first, second := startServer(b), startServer(b)
	runBench(b, newSpreadRun(b, benchVariants, benchPredict, first.host, second.host), nil) // loads the model on both
	b.Run("one-server", func(b *testing.B) {
		run := newSpreadRun(b, benchVariants, benchPredict, first.host)
		for b.Loop() {
			runBench(b, run, nil)
		}
	})
	b.Run("two-servers", func(b *testing.B) {
		run := newSpreadRun(b, benchVariants, benchPredict, first.host, second.host)
		for b.Loop() {
			runBench(b, run, nil)
		}
	})
	b.Run("second-killed-halfway", func(b *testing.B) {
		retried := 0
		for b.Loop() {
			b.StopTimer()
			doomed := startServer(b)
			runBench(b, newSpreadRun(b, 1, benchPredict, doomed.host), nil) // loads the model
			run := newSpreadRun(b, benchVariants, benchPredict, first.host, doomed.host)
			done := 0
			b.StartTimer()
			got := runBench(b, run, func(ev generate.Event) {
				if ev.Kind == generate.EventDone {
					if done++; done == benchVariants/2 {
						doomed.kill()
					}
				}
			})
			b.StopTimer()
			doomed.kill()
			for _, v := range got {
				if v.Stats.RetriedFrom != "" {
					retried++
				}
			}
			b.StartTimer()
		}
		b.ReportMetric(float64(retried)/float64(b.N), "retried/op")
	})
}

// runBench runs r and fails the benchmark unless every variant is done.
func runBench(b *testing.B, r *spreadRun, onEvent func(generate.Event)) []model.Variant {
	b.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	got := r.start(ctx, onEvent).Wait()
	for _, v := range got {
		if v.Status != model.StatusDone {
			b.Fatalf("variant %d on %s: %s %s", v.Index, v.Host, v.Status, v.Error)
		}
	}
	return got
}
