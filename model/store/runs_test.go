package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

func builtinSpecs(n int) []model.Spec {
	presets := []string{"synthese-courte", "points-cles", "decisions"}
	specs := make([]model.Spec, n)
	for i := range specs {
		specs[i] = model.Spec{Engine: model.EngineBuiltin, PresetID: presets[i%len(presets)]}
	}
	return specs
}

// mustCreateReport creates sampleReport(title) in s, failing the test on error.
func mustCreateReport(t *testing.T, s *Store, title string) model.Report {
	t.Helper()
	r, err := s.CreateReport(context.Background(), sampleReport(title))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// mustSnapshot takes a snapshot of report id, failing the test on error.
func mustSnapshot(t *testing.T, s *Store, id int64) model.Revision {
	t.Helper()
	rev, err := s.Snapshot(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return rev
}

func TestSnapshot(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	r := mustCreateReport(t, s, "Réunion publique")
	first := mustSnapshot(t, s, r.ID)
	if first.Number != 1 || first.Body != r.Body || first.Meta != r.Meta || first.Hash != model.ContentHash(r.Meta, r.Body) {
		t.Fatalf("first snapshot %+v", first)
	}
	again := mustSnapshot(t, s, r.ID)
	if !reflect.DeepEqual(again, first) {
		t.Fatalf("unchanged report gave a new revision: %+v", again)
	}
	r.Place = "En ligne"
	if _, err := s.SaveReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	second := mustSnapshot(t, s, r.ID)
	if second.Number != 2 || second.ID == first.ID || second.Place != "En ligne" {
		t.Fatalf("second snapshot %+v", second)
	}
	got, err := s.Revision(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, first) {
		t.Fatalf("Revision() = %+v, want %+v", got, first)
	}
}

// checkCreatedRun checks the run and variants CreateRun returned for report r at revision rev.
func checkCreatedRun(t *testing.T, run model.Run, variants []model.Variant, r model.Report, rev model.Revision) {
	t.Helper()
	if run.ID == 0 || run.ReportID != r.ID || len(variants) != 3 {
		t.Fatalf("CreateRun = %+v, %d variants", run, len(variants))
	}
	for i, v := range variants {
		if v.Index != i || v.Status != model.StatusQueued || v.RevisionID != rev.ID || v.RunID != run.ID {
			t.Errorf("variant %d: %+v", i, v)
		}
	}
}

// checkSavedVariant checks that the variants read back from runID keep v, saved with spec.
func checkSavedVariant(t *testing.T, s *Store, runID int64, v model.Variant, spec model.Spec) {
	t.Helper()
	got, err := s.Variants(context.Background(), runID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[2].Text != v.Text || got[2].Status != v.Status || !reflect.DeepEqual(got[2].Spec, spec) {
		t.Fatalf("Variants()[2] = %+v", got[2])
	}
	if !got[2].Stats.Started.Equal(v.Stats.Started) || got[2].Stats.OutputTokens != 64 || got[2].Updated.Before(v.Updated) {
		t.Errorf("stats or time not kept: %+v", got[2])
	}
}

// checkOnlyRun checks that run, with specs, is the only run of report reportID.
func checkOnlyRun(t *testing.T, s *Store, reportID int64, run model.Run, specs []model.Spec) {
	t.Helper()
	runs, err := s.Runs(context.Background(), reportID)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 || runs[0].ID != run.ID || !reflect.DeepEqual(runs[0].Specs, specs) {
		t.Fatalf("Runs() = %+v", runs)
	}
}

func TestRunAndVariants(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	r := mustCreateReport(t, s, "Atelier")
	rev := mustSnapshot(t, s, r.ID)
	temp, seed := 0.3, 42
	specs := append(builtinSpecs(2), model.Spec{Engine: model.EngineOllama, Host: "http://127.0.0.1:11434",
		Model: "mistral:7b", PresetID: "synthese-courte", Options: model.Options{Temperature: &temp, Seed: &seed, NumCtx: 8192}})
	run, variants, err := s.CreateRun(ctx, model.Run{RevisionID: rev.ID, Specs: specs})
	if err != nil {
		t.Fatal(err)
	}
	checkCreatedRun(t, run, variants, r, rev)
	v := variants[2]
	v.Status = model.StatusDone
	v.Text = "- 45,5 % pour un marché couvert\n- Prochaine réunion : 2 avril, 18h30"
	v.Stats = model.Stats{Started: time.Date(2025, 3, 12, 10, 0, 0, 0, time.UTC), Total: 3 * time.Second,
		PromptTokens: 812, OutputTokens: 64, TokensPerSecond: 21.3}
	if err := s.SaveVariant(ctx, v); err != nil {
		t.Fatal(err)
	}
	checkSavedVariant(t, s, run.ID, v, specs[2])
	checkOnlyRun(t, s, r.ID, run, specs)
}

func TestRunsNewestFirst(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	r, err := s.CreateReport(ctx, sampleReport("Atelier"))
	if err != nil {
		t.Fatal(err)
	}
	rev, err := s.Snapshot(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	var want []int64
	for range 3 {
		run, _, err := s.CreateRun(ctx, model.Run{ReportID: r.ID, RevisionID: rev.ID, Specs: builtinSpecs(1)})
		if err != nil {
			t.Fatal(err)
		}
		want = append([]int64{run.ID}, want...)
	}
	runs, err := s.Runs(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, run := range runs {
		got = append(got, run.ID)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Runs() = %v, want %v", got, want)
	}
	other, err := s.CreateReport(ctx, sampleReport("Autre"))
	if err != nil {
		t.Fatal(err)
	}
	if runs, err := s.Runs(ctx, other.ID); err != nil || len(runs) != 0 {
		t.Errorf("Runs(other) = %v, %v; want empty", runs, err)
	}
}

func TestRunErrors(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	r, err := s.CreateReport(ctx, sampleReport("Atelier"))
	if err != nil {
		t.Fatal(err)
	}
	rev, err := s.Snapshot(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	_, variants, err := s.CreateRun(ctx, model.Run{RevisionID: rev.ID, Specs: builtinSpecs(1)})
	if err != nil {
		t.Fatal(err)
	}
	tooHot := 3.0
	tests := []struct {
		name     string
		call     func() error
		field    string
		notFound bool
	}{
		{"run without specs", func() error { _, _, err := s.CreateRun(ctx, model.Run{RevisionID: rev.ID}); return err }, "specs", false},
		{"run without revision", func() error { _, _, err := s.CreateRun(ctx, model.Run{Specs: builtinSpecs(1)}); return err }, "revision", false},
		{"run with bad option", func() error {
			spec := model.Spec{Engine: model.EngineOllama, Model: "m", PresetID: "p", Options: model.Options{Temperature: &tooHot}}
			_, _, err := s.CreateRun(ctx, model.Run{RevisionID: rev.ID, Specs: []model.Spec{spec}})
			return err
		}, "temperature", false},
		{"run on missing revision", func() error {
			_, _, err := s.CreateRun(ctx, model.Run{RevisionID: 999, Specs: builtinSpecs(1)})
			return err
		}, "", true},
		{"run on another report", func() error {
			_, _, err := s.CreateRun(ctx, model.Run{ReportID: r.ID + 1, RevisionID: rev.ID, Specs: builtinSpecs(1)})
			return err
		}, "report", false},
		{"variant with bad status", func() error { v := variants[0]; v.Status = "paused"; return s.SaveVariant(ctx, v) }, "status", false},
		{"missing variant", func() error { v := variants[0]; v.ID = 999; return s.SaveVariant(ctx, v) }, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if err == nil {
				t.Fatal("no error")
			}
			if v := model.AsValidation(err); tc.field != "" && (v == nil || v.Field != tc.field) {
				t.Errorf("error %v, want a validation error on %q", err, tc.field)
			}
			if errors.Is(err, model.ErrNotFound) != tc.notFound {
				t.Errorf("error %v: errors.Is(ErrNotFound) = %v", err, !tc.notFound)
			}
		})
	}
	runs, err := s.Runs(ctx, r.ID)
	if err != nil || len(runs) != 1 {
		t.Errorf("failed runs left rows: %v, %v", runs, err)
	}
}

func TestVariantPromptAndPresetVersion(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	r := mustCreateReport(t, s, "Atelier")
	rev := mustSnapshot(t, s, r.ID)
	spec := model.Spec{Engine: model.EngineOllama, Model: "mistral:7b", PresetID: "bulletin"}
	run, variants, err := s.CreateRun(ctx, model.Run{RevisionID: rev.ID, Specs: []model.Spec{spec, spec}})
	if err != nil {
		t.Fatal(err)
	}
	prompt := "Résume « Atelier » pour le bulletin, en 250 mots.\nGarde les chiffres exacts."
	v := variants[0]
	v.Status, v.Prompt, v.PresetVersion = model.StatusRunning, prompt, 3
	if err := s.SaveVariant(ctx, v); err != nil {
		t.Fatal(err)
	}
	v.Status, v.PresetVersion = model.StatusFailed, 0 // zero does not erase the recorded version
	if err := s.SaveVariant(ctx, v); err != nil {
		t.Fatal(err)
	}
	added, err := s.AddVariant(ctx, run.ID, model.Variant{RevisionID: rev.ID, Spec: spec, Status: model.StatusRunning, Prompt: "Révise."})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Variants(ctx, run.ID)
	if err != nil || len(got) != 3 {
		t.Fatalf("Variants = %d, %v", len(got), err)
	}
	want := spec
	want.PresetVersion = 3
	if got[0].Prompt != prompt || got[0].Status != model.StatusFailed || !reflect.DeepEqual(got[0].Spec, want) {
		t.Errorf("variant 0: prompt %q, %s, spec %+v", got[0].Prompt, got[0].Status, got[0].Spec)
	}
	if got[1].Prompt != "" || got[1].PresetVersion != 0 {
		t.Errorf("variant 1 changed: %+v", got[1])
	}
	if got[2].ID != added.ID || got[2].Prompt != "Révise." {
		t.Errorf("added variant: %+v", got[2])
	}
}
