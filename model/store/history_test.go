package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

func TestHistoryRestore(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	r := model.NewReport("Comité de suivi", model.French)
	r.Body = "Première rédaction."
	r, err = st.CreateReport(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := st.Snapshot(ctx, r.ID)
	r.Body = "Deuxième rédaction, plus longue."
	if r, err = st.SaveReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	r.Body = "Troisième rédaction, jamais figée."
	if _, err = st.SaveReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	restored, err := st.RestoreRevision(ctx, r.ID, first.ID)
	if err != nil || restored.Body != "Première rédaction." {
		t.Fatalf("restored %q, %v", restored.Body, err)
	}
	revs, err := st.Revisions(ctx, r.ID)
	if err != nil || len(revs) != 3 {
		t.Fatalf("revisions %d, %v", len(revs), err)
	}
	if revs[0].Body != "Première rédaction." || revs[1].Body != "Troisième rédaction, jamais figée." || revs[0].Number != 3 {
		t.Errorf("history %q / %q", revs[0].Body, revs[1].Body)
	}
	other, _ := st.CreateReport(ctx, model.NewReport("Autre", model.French))
	if _, err := st.RestoreRevision(ctx, other.ID, first.ID); err == nil {
		t.Error("a revision of another report was restored")
	}
	if _, err := st.Revisions(ctx, 9999); err == nil {
		t.Error("revisions of a missing report")
	}
}
