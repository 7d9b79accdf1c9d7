package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// TestRealLongReportReadInParts writes, from the window, a short synthesis of a 10,000-word
// French report with the real tiny-8k model, whose tokenizer counts it at about 75,000 tokens
// for a context of 8,192: the matrix says it will be read in parts, counted with the model's
// own tokenizer (no « ≈ »), and the variant ends done, condensed in several parts.
func TestRealLongReportReadInParts(t *testing.T) {
	host := ollamatest.Real(t)
	env := newOllamaEnv(t, host)
	u := env.u
	u.lib.NewReport()
	u.ed.Fields().Body.SetText(ollamatest.LongReport(10_000))
	env.q.pumpUntil(t, "models listed", func() bool { return len(u.gen.matrix.columns) == 4 })
	col := -1
	for i, c := range u.gen.matrix.columns {
		if c.info.Name == ollamatest.RealTiny8k+":latest" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no tiny-8k column in %v", u.gen.matrix.columns)
	}
	u.show(screenGenerate)
	onlyTick(u, map[int][]string{col: {"synthese-courte"}})
	key := u.gen.matrix.columns[col].key()
	// A model ticked is counted with its own tokenizer: the estimate (« ≈ ») shown before goes.
	env.q.pumpWithin(t, time.Minute, "context fit counted with the model's tokenizer", func() bool {
		fit := u.gen.matrix.details[key].Text
		return strings.Contains(fit, "parties") && !strings.Contains(fit, "≈")
	})
	test.Tap(u.gen.start)
	env.q.pumpWithin(t, 6*time.Minute, "long run done", func() bool { return u.run != nil && isDone(u.run.job) && allFinal(u.cmp.variants) })
	env.q.drain()
	stored, err := env.st.Variants(context.Background(), u.cmp.run.ID)
	if err != nil || len(stored) != 1 {
		t.Fatalf("stored %d variants, %v", len(stored), err)
	}
	v := stored[0]
	t.Logf("%s: %s, %d parts, %d prompt tokens, %s; matrix said %q", v.Model, v.Status, v.Stats.Chunks, v.Stats.PromptTokens, v.Stats.Total.Round(time.Second), u.gen.matrix.details[key].Text)
	if v.Status != model.StatusDone || v.Stats.Chunks < 2 || v.Text == "" || v.Stats.SourceTruncated {
		t.Errorf("variant %s (%s), %d parts, truncated %v", v.Status, v.Error, v.Stats.Chunks, v.Stats.SourceTruncated)
	}
}
