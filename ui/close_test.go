package ui

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// TestCloseWaitsForAnalyses checks that closing the window waits for the comparison's
// background analysis, so that none outlives the window it was measuring for.
func TestCloseWaitsForAnalyses(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u, c := env.u, env.u.cmp
	long := strings.Repeat(sample(t)+"\n\n", 40) // long enough that analysing it takes a while
	c.source = model.Revision{Body: long}
	c.source.Language = model.French
	c.run = model.Run{ID: 1}
	c.variants = []model.Variant{{ID: 7, RunID: 1, Status: model.StatusDone, Text: long[:len(long)/2]}}
	c.analyze()
	u.Close()
	env.q.drain()
	if c.analysis == nil {
		t.Fatal("Close returned while the analysis was still running")
	}
}
