//go:build unix

package ollama

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// TestRealSpreadHostDies spreads 4 variants of tiny-long over the real server of
// OLLAMA_TEST_HOST and a second one the test starts, and kills the second (the server and its
// model runner, SIGKILL) as soon as the first variant on it has streamed text. The run
// finishes with every variant done on the first server; the variant cut on the second is
// retried there and says so, its first try's text kept, ended with stream-cut: a killed server
// closes the connection in the middle of the stream.
func TestRealSpreadHostDies(t *testing.T) {
	first := ollamatest.Real(t)
	second := startServer(t)
	run := newSpreadRun(t, 4, 300, first, second.host)
	ctx := realContext(t, 5*time.Minute)
	var cut sync.Once
	killedAt := map[int]string{} // the variant running on the second server → its text then
	job := run.start(ctx, func(ev generate.Event) {
		if ev.Kind == generate.EventDelta && ev.Variant.Host == second.host {
			cut.Do(func() {
				second.kill()
				killedAt[ev.Index] = ev.Variant.Text
			})
		}
	})
	got := job.Wait()
	if len(killedAt) != 1 {
		t.Fatalf("no variant streamed on the second server before the run ended: %+v", got)
	}
	for i, v := range got {
		t.Logf("variant %d: %s on %s, %d tokens, retried from %q (%s, %d bytes)", i, v.Status, v.Host, v.Stats.OutputTokens,
			v.Stats.RetriedFrom, v.Stats.RetryCode, len(v.Stats.RetryText))
		if v.Status != model.StatusDone || v.Host != first {
			t.Errorf("variant %d: %s %s on %s", i, v.Status, v.Error, v.Host)
		}
		text, cutHere := killedAt[i]
		checkRetryRecord(t, v, cutHere, second.host, text)
		if saved := run.sink.last(i); saved.Host != v.Host || saved.Stats != v.Stats {
			t.Errorf("variant %d saved on %s with %+v", i, saved.Host, saved.Stats)
		}
	}
}

// checkRetryRecord checks that v, if it was cut on host (after writing text), says it was
// retried from there after a stream-cut, that text first in its record; and that it says
// nothing of a retry otherwise.
func checkRetryRecord(t *testing.T, v model.Variant, cut bool, host, text string) {
	t.Helper()
	st := v.Stats
	if !cut {
		if st.RetriedFrom != "" {
			t.Errorf("variant %d retried from %s, though it never ran there", v.Index, st.RetriedFrom)
		}
		return
	}
	if st.RetriedFrom != host || st.RetryCode != string(generate.CodeStreamCut) || st.RetryText == "" || !strings.HasPrefix(st.RetryText, text) {
		t.Errorf("variant %d retried from %q (%s) with %q; want from %s, stream-cut, starting with %q", v.Index, st.RetriedFrom, st.RetryCode, st.RetryText, host, text)
	}
}
