package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
)

// TestArchiveRoundTrip exports a run with a vote and a review mark, imports it back as a new
// report, and finds the same texts, vote and mark.
func TestArchiveRoundTrip(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	test.Tap(u.lib.example)
	runWithVariants(t, env, "Première variante.", "Deuxième variante, plus développée.", inventedText)
	c := u.cmp
	c.markReviewed(c.variants[2], "Claire Martin", "27/11/2026")
	vote := model.Vote{RunID: c.run.ID, Shown: []int64{c.variants[0].ID, c.variants[1].ID}, Outcome: model.OutcomePreferred, Preferred: c.variants[1].ID,
		Reactions: []model.Reaction{{VariantID: c.variants[1].ID, Reasons: []model.Reason{model.ReasonComplete}, Comment: "Mieux."}}}
	if _, err := env.st.SaveVote(context.Background(), vote); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(env.dir, "archive")
	if err := c.saveArchive(path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path + ".json")
	if err != nil || !strings.Contains(string(data), export.ArchiveFormat) || !strings.Contains(string(data), `"introduced"`) {
		t.Fatalf("archive: %v", err)
	}
	before := u.reportID
	if err := u.importArchive(path + ".json"); err != nil {
		t.Fatal(err)
	}
	if u.reportID == before {
		t.Fatal("the import did not open a new report")
	}
	checkImported(t, env)
	if err := u.importArchive(filepath.Join("..", "assets", "presets.json")); err == nil || !strings.Contains(ErrorText(err), "archive") {
		t.Errorf("a foreign JSON file: %v", err)
	}
}

// checkImported checks the imported report's run matches what was exported.
func checkImported(t *testing.T, env *testEnv) {
	t.Helper()
	ctx := context.Background()
	runs, err := env.st.Runs(ctx, env.u.reportID)
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs %v, %v", runs, err)
	}
	vs, _ := env.st.Variants(ctx, runs[0].ID)
	if len(vs) != 3 || vs[2].Text != inventedText || vs[0].Status != model.StatusDone {
		t.Fatalf("variants %+v", vs)
	}
	votes, _ := env.st.Votes(ctx, runs[0].ID)
	if len(votes) != 1 || votes[0].Preferred != vs[1].ID || votes[0].Reactions[0].Comment != "Mieux." {
		t.Errorf("votes %+v", votes)
	}
	marks, _ := env.st.ReviewMarks(ctx, runs[0].ID)
	if len(marks) != 1 || marks[0].VariantID != vs[2].ID || marks[0].Reviewer != "Claire Martin" {
		t.Errorf("marks %+v", marks)
	}
}

// TestFinalReport exports a reviewed variant alone: the PDF carries its disclosure, and the
// Markdown stands beside it.
func TestFinalReport(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	test.Tap(u.lib.example)
	runWithVariants(t, env, inventedText)
	v := u.cmp.variants[0]
	u.cmp.markReviewed(v, "Claire Martin", "27/11/2026")
	r := export.Report{Meta: u.cmp.source.Meta, Markdown: v.Text, Disclosure: u.cmp.disclosure(v), AppVersion: "test"}
	if !strings.Contains(r.Disclosure, "Relu par Claire Martin le 27/11/2026") || !strings.Contains(r.Disclosure, "moteur intégré") {
		t.Fatalf("disclosure %q", r.Disclosure)
	}
	path := filepath.Join(env.dir, "final")
	done := false
	var werr error
	u.writeFinal(path, r, func(err error) { werr, done = err, true })
	env.q.pumpUntil(t, "final report", func() bool { return done })
	if werr != nil {
		t.Fatal(werr)
	}
	for _, name := range []string{"final.pdf", "final.md"} {
		if info, err := os.Stat(filepath.Join(env.dir, name)); err != nil || info.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
}
