package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

func TestTrash(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	a, _ := st.CreateReport(ctx, model.NewReport("Atelier", model.French))
	b, _ := st.CreateReport(ctx, model.NewReport("Webinaire", model.French))
	if _, err := st.Snapshot(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.TrashReport(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	list, _ := st.ListReports(ctx, "")
	trash, _ := st.Trash(ctx)
	if len(list) != 1 || list[0].ID != b.ID || len(trash) != 1 || trash[0].ID != a.ID {
		t.Fatalf("library %v, trash %v", list, trash)
	}
	if err := st.RestoreReport(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ = st.ListReports(ctx, ""); len(list) != 2 {
		t.Fatalf("restored report not listed: %v", list)
	}
	checkEmptied(t, st, a.ID)
}

// checkEmptied trashes the report id, empties the trash and checks nothing of it is left.
func checkEmptied(t *testing.T, st *Store, id int64) {
	t.Helper()
	ctx := context.Background()
	if err := st.TrashReport(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := st.EmptyTrash(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Report(ctx, id); err == nil {
		t.Error("an emptied report still exists")
	}
	if _, err := st.Revisions(ctx, id); err == nil {
		t.Error("its revisions still exist")
	}
	if err := st.TrashReport(ctx, 9999); err == nil {
		t.Error("trashing a missing report")
	}
}
