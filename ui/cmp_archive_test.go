package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/store"
)

// TestArchiveRoundTrip exports a run with a vote and a review mark, imports it back as a new
// report, and finds the same texts, vote and mark.
func TestArchiveRoundTrip(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.OpenExample()
	runWithVariants(t, env, "Première variante.", "Deuxième variante, plus développée.", inventedText)
	c := u.cmp
	c.markReviewed(c.variants[2], "Claire Martin", "27/11/2026")
	vote := model.Vote{RunID: c.run.ID, Shown: []int64{c.variants[0].ID, c.variants[1].ID}, Outcome: model.OutcomePreferred, Preferred: c.variants[1].ID,
		Reactions: []model.Reaction{{VariantID: c.variants[1].ID, Reasons: []model.Reason{model.ReasonComplete}, Comment: "Mieux."}}}
	if _, err := env.st.SaveVote(context.Background(), vote); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(env.dir, "archive")
	if err := c.saveArchive(dialogWriter(t, path)); err != nil {
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
	u.lib.OpenExample()
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
	u.writeFinal(dialogWriter(t, path), r, func(err error) { werr, done = err, true })
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

// hostileArchive exports a run of the example report, then rewrites it as an archive from
// elsewhere would be, through edit, and returns the file's path.
func hostileArchive(t *testing.T, env *testEnv, edit func(a *export.Archive)) string {
	t.Helper()
	env.u.lib.OpenExample()
	runWithVariants(t, env, "Première variante.", "Deuxième variante.")
	path := filepath.Join(env.dir, "archive.json")
	if err := env.u.cmp.saveArchive(dialogWriter(t, path)); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := export.ReadArchive(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	edit(&a)
	if err := export.SaveArchive(path, a); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestArchiveImportCleans imports an archive with control characters in its title, a variant
// caught running and an unnormalised host: the report's title is cleaned, the variant stored
// as stopped with its reason, the host written as Rapporteur writes hosts.
func TestArchiveImportCleans(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	path := hostileArchive(t, env, func(a *export.Archive) {
		a.Source.Title = "Atelier\x1b]0;pwned\x07 \u202egpj.exe"
		v := &a.Variants[0].Variant
		v.Spec = model.Spec{Engine: model.EngineOllama, Host: "203.0.113.9", Model: "mistral\x1b[8m:7b", PresetID: v.PresetID}
		v.Status = model.StatusRunning
	})
	if err := env.u.importArchive(path); err != nil {
		t.Fatal(ErrorText(err))
	}
	ctx := context.Background()
	r, err := env.st.Report(ctx, env.u.reportID)
	if err != nil || r.Title != "Atelier]0;pwned gpj.exe" {
		t.Fatalf("title %q, %v", r.Title, err)
	}
	runs, _ := env.st.Runs(ctx, r.ID)
	vs, _ := env.st.Variants(ctx, runs[0].ID)
	if vs[0].Host != "http://203.0.113.9:11434" || vs[0].Model != "mistral[8m:7b" || vs[0].Status != model.StatusFailed || vs[0].ErrorCode != store.CodeUnfinished {
		t.Errorf("variant %q %q %s %q", vs[0].Host, vs[0].Model, vs[0].Status, vs[0].ErrorCode)
	}
}

// TestArchiveImportRefuses refuses archives naming what is not an Ollama server, saying which
// variant, in French, and adds nothing.
func TestArchiveImportRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, host, want string
	}{
		{"script", "javascript:alert(1)", "Impossible d’importer cette archive de génération (variante n°\u00a01)\u00a0: «\u00a0javascript:alert(1)\u00a0» n’est pas l’adresse d’un serveur Ollama."},
		{"escape", "http://ollama.example:11434/\x1b[2J", "«\u00a0http://ollama.example:11434/[2J\u00a0» n’est pas l’adresse"},
		{"missing", "", "l’adresse du serveur Ollama manque ou n’est pas valide."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := newTestEnv(t, LanguageFrench)
			path := hostileArchive(t, env, func(a *export.Archive) {
				v := &a.Variants[0].Variant
				v.Spec = model.Spec{Engine: model.EngineOllama, Host: tc.host, Model: "mistral:7b", PresetID: v.PresetID}
			})
			before, _ := env.st.ListReports(context.Background(), "")
			err := env.u.importArchive(path)
			if err == nil || !strings.Contains(ErrorText(err), tc.want) {
				t.Fatalf("error %q, want %q", ErrorText(err), tc.want)
			}
			if after, _ := env.st.ListReports(context.Background(), ""); len(after) != len(before) {
				t.Errorf("%d reports, were %d", len(after), len(before))
			}
		})
	}
}
