package ollama

import (
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// TestWindowKeptAfterShortCount: when the count of a model starts short (a ratio learned
// wrong, or a vocabulary unknown), its first variant is refused, then sent with a larger
// window; the other variants of the run reuse that window instead of each loading the model
// again with their own.
func TestWindowKeptAfterShortCount(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "m", ContextLength: 32768, Words: 30})
	rec, err := ollamatest.NewRecorder(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	e := NewEngine(Options{})
	c, _ := e.Client(rec.URL())
	info, err := c.Show(testContext(t), "m")
	if err != nil {
		t.Fatal(err)
	}
	e.ratios.Observe(testContext(t), ratioKey(false, info, c.Host()), 100, 25) // a ratio of 0.25, the least
	var variants []model.Variant
	for i, p := range []string{"synthese-courte", "compte-rendu-detaille", "decisions-actions"} {
		r := newRequest(t, rec.URL(), "m", p, longReport(12))
		variants = append(variants, model.Variant{ID: int64(i + 1), RunID: 1, RevisionID: 1, Index: i, Spec: r.Spec, Status: model.StatusQueued})
	}
	rev := newRequest(t, rec.URL(), "m", "synthese-courte", longReport(12)).Source
	sched := generate.NewScheduler([]generate.Engine{e}, model.BuiltinPresets(), discard{})
	for _, v := range sched.Start(testContext(t), rev, variants, nil).Wait() {
		if v.Status != model.StatusDone {
			t.Fatalf("%s: %s %s", v.PresetID, v.Status, v.Error)
		}
	}
	xs := rec.Exchanges()
	if len(xs) < 4 || xs[0].Status != 400 {
		t.Fatalf("exchanges %+v: want the first refused", xs)
	}
	sent := map[int]bool{}
	for _, x := range xs[1:] {
		if x.Status != 200 {
			t.Errorf("exchange %+v refused after the window grew", x)
		}
		sent[x.NumCtx] = true
	}
	if len(sent) != 1 {
		t.Errorf("after the refusal, the model was sent %d windows %v: want the one that worked, for every variant", len(sent), sent)
	}
}
