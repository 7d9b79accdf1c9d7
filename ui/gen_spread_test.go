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

// TestRunSpreadOverTwoServersSurvivesOne puts the same model on two Ollama servers and asks
// for four variants of it on the first: the second server takes its share; when it dies while
// writing, its variant is written again on the first, the run finishes with every variant done,
// and the row and the workspace say which machine wrote what.
func TestRunSpreadOverTwoServersSurvivesOne(t *testing.T) {
	mk := func() *ollamatest.Server {
		srv := ollamatest.New(ollamatest.Model{Name: "mistral:7b", ParameterSize: "7.2B", Quantization: "Q4_K_M", ContextLength: 8192, Words: 80})
		srv.SetTokenDelay(15 * time.Millisecond)
		t.Cleanup(srv.Close)
		return srv
	}
	a, b := mk(), mk()
	env := newOllamaEnv(t, a.URL(), b.URL())
	u := env.u
	u.lib.OpenExample()
	waitModels(t, env, 2)
	ids := []string{"synthese-courte", "points-cles", "decisions-actions", "compte-rendu-detaille"}
	onlyTick(u, map[int][]string{0: nil, 1: ids})
	if c := u.gen.matrix.columns[1]; c.host != a.URL() {
		t.Fatalf("column 1 is on %s", c.host)
	}
	if d := u.gen.matrix.columnDetail(u.gen.matrix.columns[1]); !strings.Contains(d, "partagées avec "+hostName(b.URL())) {
		t.Errorf("column detail %q does not say the second server shares the work", d)
	}
	test.Tap(u.gen.start)
	onB := -1
	env.q.pumpUntil(t, "a variant written on the second server", func() bool {
		for i, v := range u.run.variants {
			if v.Host == b.URL() && v.Text != "" {
				onB = i
				return true
			}
		}
		return false
	})
	b.Close()
	env.q.pumpUntil(t, "run done", func() bool { return isDone(u.run.job) && allFinal(u.cmp.variants) })
	env.q.drain()
	stored, err := env.st.Variants(context.Background(), u.cmp.run.ID)
	if err != nil || len(stored) != 4 {
		t.Fatalf("stored %d variants, %v", len(stored), err)
	}
	allDone(t, stored)
	moved := stored[onB]
	if moved.Host != a.URL() || moved.Stats.RetriedFrom != b.URL() || moved.Stats.RetryText == "" {
		t.Errorf("variant %d: host %s, retried from %q with %d bytes kept", onB, moved.Host, moved.Stats.RetriedFrom, len(moved.Stats.RetryText))
	}
	checkMovedRow(t, u.gen.rows[onB], moved, a.URL(), b.URL())
}

// allDone checks every variant ended done.
func allDone(t *testing.T, vs []model.Variant) {
	t.Helper()
	for _, v := range vs {
		if v.Status != model.StatusDone {
			t.Errorf("variant %d ended %s: %s", v.Index, v.Status, v.Error)
		}
	}
}

// checkMovedRow checks the row of a variant written again on alive after dead stopped: its
// status says so, its first try is offered and its title names alive.
func checkMovedRow(t *testing.T, row *variantRow, moved model.Variant, alive, dead string) {
	t.Helper()
	status := row.status.Text
	if !strings.Contains(status, "Réécrite ici après l’arrêt de "+hostName(dead)) {
		t.Errorf("row %d status %q does not say it was written again", moved.Index, status)
	}
	if !row.first.Visible() || row.firstText != moved.Stats.RetryText {
		t.Error("the row does not offer the first try's text")
	}
	if title := row.name.Text; !strings.Contains(title, hostName(alive)) {
		t.Errorf("row %d title %q does not name the server that wrote it", moved.Index, title)
	}
}
