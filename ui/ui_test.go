package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/model"
)

func sample(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("../assets/samples/atelier-place-du-marche.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestWriteGenerateCompareExport walks the whole job as a user would: create a report, type its
// text, generate with the built-in engine, find the variants in the comparison columns, export.
func TestWriteGenerateCompareExport(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u

	u.lib.NewReport()
	if u.reportID == 0 {
		t.Fatal("a new report should be open after tapping New")
	}
	u.ed.Fields().Title.SetText("")
	test.Type(u.ed.Fields().Title, "Atelier place du Marché")
	u.ed.Fields().Body.SetText(sample(t))
	u.show(screenGenerate)
	test.Tap(u.gen.start)
	if u.run == nil {
		t.Fatalf("generation did not start: %q", u.gen.hint.Text)
	}
	env.q.pumpUntil(t, "variants done", func() bool {
		return isDone(u.run.job) && len(u.cmp.variants) == 3 && allFinal(u.cmp.variants)
	})
	env.q.drain()

	checkColumns(t, u)
	if !u.showing(screenCompare) {
		t.Errorf("after generating, tab %q is shown, want the comparison", u.tabs.Selected().Text)
	}
	checkStored(t, env)
	checkExport(t, env)
}

// checkColumns checks the source and every variant are on screen, each with its text.
func checkColumns(t *testing.T, u *UI) {
	t.Helper()
	for i, v := range u.cmp.variants {
		if v.Status != model.StatusDone {
			t.Errorf("variant %d: status %s (%s)", i, v.Status, v.Error)
		}
		col, ok := u.cmp.cols[i]
		if !ok {
			t.Fatalf("variant %d has no column", i)
		}
		if col.markdown == "" || col.markdown != v.Text {
			t.Errorf("column %d shows %q, want the variant's text", i, col.markdown)
		}
	}
	if !strings.Contains(u.cmp.srcCol.markdown, "place du Marché") {
		t.Errorf("source column does not show the report")
	}
}

// checkStored checks the edits and the variants are in the workspace, each variant pointing
// to the exact revision shown as the source.
func checkStored(t *testing.T, env *testEnv) {
	t.Helper()
	u := env.u
	r, err := env.st.Report(context.Background(), u.reportID)
	if err != nil || r.Title != "Atelier place du Marché" || !strings.Contains(r.Body, "Saint-Aubin") {
		t.Fatalf("stored report = %+v, %v", r.Meta, err)
	}
	stored, err := env.st.Variants(context.Background(), u.cmp.run.ID)
	if err != nil || len(stored) != 3 {
		t.Fatalf("stored variants: %d, %v", len(stored), err)
	}
	for _, v := range stored {
		if v.RevisionID != u.cmp.source.ID || v.Status != model.StatusDone || v.Text == "" {
			t.Errorf("stored variant %d: revision %d status %s", v.Index, v.RevisionID, v.Status)
		}
	}
}

// checkExport exports the comparison as the dialog would and checks a PDF was written.
func checkExport(t *testing.T, env *testEnv) {
	t.Helper()
	pdf := filepath.Join(env.dir, "comparaison")
	var exportErr error
	exported := false
	env.u.cmp.exportTo(dialogWriter(t, pdf), func(err error) { exportErr, exported = err, true })
	env.q.pumpUntil(t, "export", func() bool { return exported })
	if exportErr != nil {
		t.Fatal(exportErr)
	}
	data, err := os.ReadFile(pdf + ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || len(data) < 10_000 {
		t.Fatalf("exported file is not a plausible PDF (%d bytes)", len(data))
	}
}

func allFinal(vs []model.Variant) bool {
	for _, v := range vs {
		if !v.Status.Final() {
			return false
		}
	}
	return true
}

// TestAutosave checks an edit reaches the workspace by itself, and that closing saves at once.
func TestAutosave(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.NewReport()
	test.Type(u.ed.Fields().Body, "Première phrase.")
	env.q.pumpUntil(t, "autosave", func() bool {
		r, err := env.st.Report(context.Background(), u.reportID)
		return err == nil && r.Body == "Première phrase."
	})
	env.q.pumpUntil(t, "saved status", func() bool { return strings.HasPrefix(u.ed.Fields().Status.Text, "Enregistré") })

	u.ed.Fields().Body.SetText("Texte modifié juste avant la fermeture.")
	u.Close()
	r, err := env.st.Report(context.Background(), u.reportID)
	if err != nil || r.Body != "Texte modifié juste avant la fermeture." {
		t.Fatalf("close did not save the last edit: %q, %v", r.Body, err)
	}
}

// TestInvalidFieldsKeepTheRest checks a blank title or a half-typed date never blocks saving the body.
func TestInvalidFieldsKeepTheRest(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.NewReport()
	u.ed.Fields().Title.SetText("Réunion publique")
	u.ed.Fields().Date.SetText("17/06/2025")
	u.ed.Flush()
	u.ed.Fields().Title.SetText("   ")
	u.ed.Fields().Date.SetText("17/06/20")
	u.ed.Fields().Body.SetText("Le corps du texte est enregistré malgré tout.")
	u.ed.Flush()
	r, err := env.st.Report(context.Background(), u.reportID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Réunion publique" || r.Date != "2025-06-17" || r.Body != "Le corps du texte est enregistré malgré tout." {
		t.Fatalf("stored %q %q %q", r.Title, r.Date, r.Body)
	}
	if err := u.ed.Fields().Title.Validate(); err == nil {
		t.Error("a blank title should be flagged")
	}
}
