package ui

import (
	"context"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// TestCritiqueSavedWhenTheWindowCloses closes the window (cancels the application's context)
// while a critique waits for its model: the critique stops, and is saved all the same, not
// left « running » in the workspace.
func TestCritiqueSavedWhenTheWindowCloses(t *testing.T) {
	srv := newServer(t)
	env := newOllamaEnv(t, srv.URL())
	u := env.u
	u.lib.OpenExample()
	waitModels(t, env, 2)
	runWithVariants(t, env, inventedText)
	v := u.cmp.variants[0]
	critic := u.hosts.models()[0]
	srv.HoldSlot(critic.info.Name)
	u.cmp.runCritique(v, critic)
	u.cancel() // what closing the window does to the work under way
	env.q.pumpUntil(t, "critique", func() bool {
		list := u.cmp.critiques[v.ID]
		return len(list) == 1 && list[0].Status.Final()
	})
	stored, err := env.st.Critiques(context.Background(), v.ID)
	if err != nil || len(stored) != 1 {
		t.Fatalf("stored critiques %+v, %v", stored, err)
	}
	if stored[0].Status == model.StatusRunning || stored[0].Status != u.cmp.critiques[v.ID][0].Status {
		t.Errorf("stored as %s, shown as %s", stored[0].Status, u.cmp.critiques[v.ID][0].Status)
	}
}
