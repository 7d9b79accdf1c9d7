package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

func TestListReportsSearchesBodies(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	r := model.NewReport("Atelier du marché", model.French)
	r.Body = "Les habitants demandent une fontaine sèche près de l'école."
	if _, err := st.CreateReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateReport(ctx, model.NewReport("Webinaire mobilités", model.French)); err != nil {
		t.Fatal(err)
	}
	for query, want := range map[string]int{"fontaine": 1, "FONTAINE seche": 1, "ecole marche": 1, "mobilites": 1, "piscine": 0, "": 2} {
		got, err := st.ListReports(ctx, query)
		if err != nil || len(got) != want {
			t.Errorf("search %q: %d reports (%v), want %d", query, len(got), err, want)
		}
	}
}
