package store

import (
	"context"
	"reflect"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// TestSaveVariantRecordsWhereItRan: the scheduler may run a variant on another host that has
// its model, under another name there; SaveVariant stores that host and model in the spec and
// keeps the rest of it (preset, options, the recorded preset version), and the first try's
// record in the stats.
func TestSaveVariantRecordsWhereItRan(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	r := mustCreateReport(t, s, "Conseil de quartier")
	rev := mustSnapshot(t, s, r.ID)
	temp := 0.4
	spec := model.Spec{Engine: model.EngineOllama, Host: "http://salle-b:11434", Model: "mistral:7b", PresetID: "points-cles",
		Options: model.Options{Temperature: &temp, NumPredict: 300}}
	run, variants, err := s.CreateRun(ctx, model.Run{RevisionID: rev.ID, Specs: []model.Spec{spec, spec}})
	if err != nil {
		t.Fatal(err)
	}
	v := variants[0]
	v.Status, v.PresetVersion = model.StatusRunning, 2
	if err := s.SaveVariant(ctx, v); err != nil {
		t.Fatal(err)
	}
	v.Host, v.Model, v.PresetVersion = "http://portable-accueil:11434", "mistral-7b-instruct:latest", 0
	v.Status, v.Text = model.StatusDone, "Points clés : la rue piétonne, le marché du samedi."
	v.Stats = model.Stats{RetriedFrom: "http://salle-b:11434", RetryCode: "stream-cut", RetryText: "Points clés : la rue"}
	if err := s.SaveVariant(ctx, v); err != nil {
		t.Fatal(err)
	}
	got, err := s.Variants(ctx, run.ID)
	if err != nil || len(got) != 2 {
		t.Fatalf("Variants = %d, %v", len(got), err)
	}
	want := spec
	want.Host, want.Model, want.PresetVersion = "http://portable-accueil:11434", "mistral-7b-instruct:latest", 2
	if !reflect.DeepEqual(got[0].Spec, want) {
		t.Errorf("spec saved as %+v, want %+v", got[0].Spec, want)
	}
	if got[0].Stats != v.Stats {
		t.Errorf("stats saved as %+v, want %+v", got[0].Stats, v.Stats)
	}
	if !reflect.DeepEqual(got[1].Spec, spec) {
		t.Errorf("the other variant changed: %+v", got[1].Spec)
	}
}
