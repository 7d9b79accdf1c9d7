package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// ollamaSpec asks modelName for preset on the local host.
func ollamaSpec(modelName, preset string) model.Spec {
	return model.Spec{Engine: model.EngineOllama, Host: "http://127.0.0.1:11434", Model: modelName, PresetID: preset}
}

// mustRun creates a report titled title, snapshots it and creates a run of specs.
func mustRun(t *testing.T, s *Store, title string, specs ...model.Spec) (model.Run, []model.Variant) {
	t.Helper()
	r := mustCreateReport(t, s, title)
	rev := mustSnapshot(t, s, r.ID)
	run, variants, err := s.CreateRun(context.Background(), model.Run{RevisionID: rev.ID, Specs: specs})
	if err != nil {
		t.Fatal(err)
	}
	return run, variants
}

// mustVote saves v, failing the test on error.
func mustVote(t *testing.T, s *Store, v model.Vote) model.Vote {
	t.Helper()
	saved, err := s.SaveVote(context.Background(), v)
	if err != nil {
		t.Fatalf("SaveVote(%+v): %v", v, err)
	}
	return saved
}

func TestVotesRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	run, vs := mustRun(t, s, "Atelier des Tilleuls", builtinSpecs(1)[0],
		ollamaSpec("mistral:7b", "synthese-courte"), ollamaSpec("qwen3:8b", "points-cles"))
	if got, err := s.Votes(ctx, run.ID); err != nil || got == nil || len(got) != 0 {
		t.Fatalf("Votes before voting = %v, %v; want an empty list", got, err)
	}
	first := mustVote(t, s, model.Vote{RunID: run.ID, Shown: []int64{vs[2].ID, vs[0].ID, vs[1].ID},
		Outcome: model.OutcomePreferred, Preferred: vs[0].ID, Voter: "Claire",
		Reactions: []model.Reaction{
			{VariantID: vs[0].ID, Reasons: []model.Reason{model.ReasonComplete, model.ReasonClear}, Comment: "Garde les 27 voix sur 42."},
			{VariantID: vs[2].ID, Reasons: []model.Reason{model.ReasonIncorrect}, Comment: "Annonce une réunion le 2 décembre."},
		}})
	if first.ID == 0 || first.Created.IsZero() || first.Reactions[0].Label != "B" || first.Reactions[1].Label != "A" {
		t.Fatalf("saved vote %+v", first)
	}
	second := mustVote(t, s, model.Vote{RunID: run.ID, Shown: []int64{vs[1].ID, vs[2].ID}, Outcome: model.OutcomeNone})
	got, err := s.Votes(ctx, run.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []model.Vote{first, second}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Votes() =\n%+v\nwant\n%+v", got, want)
	}
	if _, err := s.Votes(ctx, run.ID+100); !errors.Is(err, ErrNotFound) {
		t.Errorf("Votes of a missing run: %v", err)
	}
}

func TestSaveVoteRefuses(t *testing.T) {
	s := openTemp(t)
	run, vs := mustRun(t, s, "Réunion publique", builtinSpecs(2)...)
	other, ws := mustRun(t, s, "Webinaire", builtinSpecs(2)...)
	tests := []struct {
		name     string
		vote     model.Vote
		notFound bool
	}{
		{"invalid", model.Vote{RunID: run.ID, Shown: []int64{vs[0].ID}, Outcome: model.OutcomeNone}, false},
		{"variant of another run", model.Vote{RunID: run.ID, Shown: []int64{vs[0].ID, ws[0].ID}, Outcome: model.OutcomeNone}, false},
		{"missing variant", model.Vote{RunID: other.ID, Shown: []int64{ws[0].ID, 999}, Outcome: model.OutcomeNone}, true},
		{"missing run", model.Vote{RunID: 999, Shown: []int64{vs[0].ID, vs[1].ID}, Outcome: model.OutcomeNone}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.SaveVote(context.Background(), tc.vote)
			if tc.notFound != errors.Is(err, ErrNotFound) || (!tc.notFound && model.AsValidation(err) == nil) {
				t.Fatalf("err = %v", err)
			}
		})
	}
	if got, _ := s.Votes(context.Background(), run.ID); len(got) != 0 {
		t.Errorf("a refused vote was kept: %+v", got)
	}
}

func TestWins(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if got, err := s.WinsByModel(ctx); err != nil || got == nil || len(got) != 0 {
		t.Fatalf("WinsByModel of an empty workspace = %v, %v", got, err)
	}
	builtinSynth := model.Spec{Engine: model.EngineBuiltin, PresetID: "synthese-courte"}
	builtinPoints := model.Spec{Engine: model.EngineBuiltin, PresetID: "points-cles"}
	run1, a := mustRun(t, s, "Atelier", builtinSynth, ollamaSpec("mistral:7b", "synthese-courte"), ollamaSpec("qwen3:8b", "points-cles"))
	run2, b := mustRun(t, s, "Concertation", builtinPoints, ollamaSpec("mistral:7b", "points-cles"))
	mustVote(t, s, model.Vote{RunID: run1.ID, Shown: []int64{a[1].ID, a[0].ID}, Outcome: model.OutcomePreferred, Preferred: a[0].ID})
	mustVote(t, s, model.Vote{RunID: run1.ID, Shown: []int64{a[0].ID, a[1].ID, a[2].ID}, Outcome: model.OutcomeEquivalent})
	mustVote(t, s, model.Vote{RunID: run2.ID, Shown: []int64{b[0].ID, b[1].ID}, Outcome: model.OutcomePreferred, Preferred: b[1].ID})
	mustVote(t, s, model.Vote{RunID: run2.ID, Shown: []int64{b[1].ID, b[0].ID}, Outcome: model.OutcomeNone})

	byModel, err := s.WinsByModel(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantModel := []model.Wins{
		{Key: "builtin", Shown: 4, Won: 1, Equivalent: 1},
		{Key: "mistral:7b", Shown: 4, Won: 1, Equivalent: 1},
		{Key: "qwen3:8b", Shown: 1, Won: 0, Equivalent: 1},
	}
	if !reflect.DeepEqual(byModel, wantModel) {
		t.Errorf("WinsByModel() = %+v, want %+v", byModel, wantModel)
	}
	byPreset, err := s.WinsByPreset(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantPreset := []model.Wins{
		{Key: "points-cles", Shown: 5, Won: 1, Equivalent: 1},
		{Key: "synthese-courte", Shown: 4, Won: 1, Equivalent: 2},
	}
	if !reflect.DeepEqual(byPreset, wantPreset) {
		t.Errorf("WinsByPreset() = %+v, want %+v", byPreset, wantPreset)
	}
}

func TestCritiques(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	_, vs := mustRun(t, s, "Atelier", builtinSpecs(1)...)
	if got, err := s.Critiques(ctx, vs[0].ID); err != nil || got == nil || len(got) != 0 {
		t.Fatalf("Critiques before any = %v, %v", got, err)
	}
	spec := ollamaSpec("mistral:7b", "")
	older, err := s.CreateCritique(ctx, model.Critique{VariantID: vs[0].ID, Spec: spec})
	if err != nil {
		t.Fatal(err)
	}
	if older.ID == 0 || older.Status != model.StatusQueued || older.Spec.PresetID != "critique" || older.Created.IsZero() {
		t.Fatalf("created %+v", older)
	}
	newer, err := s.CreateCritique(ctx, model.Critique{VariantID: vs[0].ID, Spec: spec, Status: model.StatusRunning})
	if err != nil {
		t.Fatal(err)
	}
	newer.Status, newer.Text = model.StatusDone, "## Faits inventés\n\n- « le 2 décembre » : absent de la source."
	newer.Stats = model.Stats{Total: 4 * time.Second, PromptTokens: 900, OutputTokens: 40, DoneReason: "stop"}
	if err := s.SaveCritique(ctx, newer); err != nil {
		t.Fatal(err)
	}
	got, err := s.Critiques(ctx, vs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []model.Critique{newer, older}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Critiques() =\n%+v\nwant\n%+v", got, want)
	}
	checkCritiqueErrors(t, s, older)
}

// checkCritiqueErrors checks the critique calls refuse what they must.
func checkCritiqueErrors(t *testing.T, s *Store, c model.Critique) {
	t.Helper()
	ctx := context.Background()
	done := model.Critique{VariantID: c.VariantID, Spec: c.Spec, Status: model.StatusDone}
	if _, err := s.CreateCritique(ctx, done); model.AsValidation(err) == nil {
		t.Errorf("created a finished critique: %v", err)
	}
	if _, err := s.CreateCritique(ctx, model.Critique{VariantID: 999, Spec: c.Spec}); !errors.Is(err, ErrNotFound) {
		t.Errorf("critique of a missing variant: %v", err)
	}
	c.ID = 999
	if err := s.SaveCritique(ctx, c); !errors.Is(err, ErrNotFound) {
		t.Errorf("save of a missing critique: %v", err)
	}
	if _, err := s.Critiques(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("critiques of a missing variant: %v", err)
	}
}

func TestReviewMarks(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	run, vs := mustRun(t, s, "Atelier", builtinSpecs(3)...)
	for _, m := range []model.ReviewMark{
		{VariantID: vs[2].ID, Reviewer: "Claire Moreau", Date: "2025-10-20"},
		{VariantID: vs[0].ID, Reviewer: "M. Okafor", Date: "2025-10-21"},
		{VariantID: vs[2].ID, Reviewer: "Mme Rivière", Date: "2025-10-22", Note: "Chiffres vérifiés."},
	} {
		if err := s.MarkReviewed(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.ReviewMarks(ctx, run.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Reviewer != "M. Okafor" || got[1].Reviewer != "Mme Rivière" ||
		got[1].Note != "Chiffres vérifiés." || got[1].Date != "2025-10-22" || got[1].Created.IsZero() {
		t.Fatalf("ReviewMarks() = %+v", got)
	}
	if err := s.MarkReviewed(ctx, model.ReviewMark{VariantID: vs[0].ID}); model.AsValidation(err) == nil {
		t.Errorf("mark without reviewer: %v", err)
	}
	if err := s.MarkReviewed(ctx, model.ReviewMark{VariantID: 999, Reviewer: "X", Date: "2025-10-20"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("mark of a missing variant: %v", err)
	}
	if _, err := s.ReviewMarks(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("marks of a missing run: %v", err)
	}
}

func TestAddVariant(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	run, _ := mustRun(t, s, "Atelier", builtinSpecs(2)...)
	spec := ollamaSpec("mistral:7b", "reviser")
	for want := 2; want <= 3; want++ {
		added, err := s.AddVariant(ctx, run.ID, model.Variant{RevisionID: run.RevisionID, Spec: spec,
			Status: model.StatusDone, Text: "Révision"})
		if err != nil || added.ID == 0 || added.RunID != run.ID || added.Index != want || added.Updated.IsZero() {
			t.Fatalf("AddVariant = %+v, %v; want index %d", added, err, want)
		}
	}
	got, err := s.Variants(ctx, run.ID)
	if err != nil || len(got) != 4 || got[3].Text != "Révision" || !reflect.DeepEqual(got[3].Spec, spec) {
		t.Fatalf("Variants() = %+v, %v", got, err)
	}
	checkAddVariantErrors(t, s, run, spec)
}

// checkAddVariantErrors checks the run's specs include the two variants added with spec, and
// that AddVariant refuses a variant of another revision, an invalid one, and one for a missing run.
func checkAddVariantErrors(t *testing.T, s *Store, run model.Run, spec model.Spec) {
	t.Helper()
	ctx := context.Background()
	runs, err := s.Runs(ctx, run.ReportID)
	if err != nil || len(runs) != 1 || len(runs[0].Specs) != 4 || !reflect.DeepEqual(runs[0].Specs[3], spec) {
		t.Fatalf("the run's specs were not extended: %+v, %v", runs, err)
	}
	wrong := model.Variant{RevisionID: run.RevisionID + 1, Spec: spec, Status: model.StatusQueued}
	if _, err := s.AddVariant(ctx, run.ID, wrong); model.AsValidation(err) == nil {
		t.Errorf("variant of another revision: %v", err)
	}
	if _, err := s.AddVariant(ctx, run.ID, model.Variant{RevisionID: run.RevisionID, Spec: spec}); model.AsValidation(err) == nil {
		t.Errorf("variant without status: %v", err)
	}
	ok := model.Variant{RevisionID: run.RevisionID, Spec: spec, Status: model.StatusQueued}
	if _, err := s.AddVariant(ctx, 999, ok); !errors.Is(err, ErrNotFound) {
		t.Errorf("variant of a missing run: %v", err)
	}
}

func TestReviewsDeletedWithReport(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	run, vs := mustRun(t, s, "Atelier", builtinSpecs(2)...)
	keep, ks := mustRun(t, s, "Webinaire", builtinSpecs(2)...)
	for _, r := range []struct {
		run model.Run
		vs  []model.Variant
	}{{run, vs}, {keep, ks}} {
		mustVote(t, s, model.Vote{RunID: r.run.ID, Shown: []int64{r.vs[0].ID, r.vs[1].ID}, Outcome: model.OutcomeEquivalent})
		if _, err := s.CreateCritique(ctx, model.Critique{VariantID: r.vs[0].ID, Spec: ollamaSpec("mistral:7b", "critique")}); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkReviewed(ctx, model.ReviewMark{VariantID: r.vs[1].ID, Reviewer: "Claire", Date: "2025-10-20"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteReport(ctx, run.ReportID); err != nil {
		t.Fatal(err)
	}
	for table, want := range map[string]int{"votes": 1, "vote_variants": 2, "critiques": 1, "review_marks": 1} {
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s: %d rows left, want %d", table, n, want)
		}
	}
	if wins, _ := s.WinsByModel(ctx); len(wins) != 1 || wins[0].Shown != 2 {
		t.Errorf("wins after delete: %+v", wins)
	}
}

func TestMigrationAddsReviewTables(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	// A workspace as the first schema left it, with a report in it.
	execSQL(t, path, migrations[0]+`; PRAGMA user_version = 1;
		INSERT INTO reports (title, kind, language, created, updated) VALUES ('Atelier', 'workshop', 'fr', 1, 1);`)
	for i := range 2 {
		s, err := Open(path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		checkSchema(t, s)
		if r, err := s.Report(context.Background(), 1); err != nil || r.Title != "Atelier" {
			t.Errorf("open %d: report %+v, %v", i, r, err)
		}
		s.Close()
	}
}

// checkSchema checks s is at the latest version and has the review tables.
func checkSchema(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion() || version < 2 {
		t.Fatalf("user_version %d (%v), want %d", version, err, SchemaVersion())
	}
	for _, table := range []string{"votes", "vote_variants", "critiques", "review_marks"} {
		var n int
		err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table).Scan(&n)
		if err != nil || n != 1 {
			t.Errorf("table %s: %d, %v", table, n, err)
		}
	}
}
