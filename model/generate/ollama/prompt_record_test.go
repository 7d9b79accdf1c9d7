package ollama

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
	"github.com/rapporteur/rapporteur/model/store"
)

var _ generate.Prompter = (*Engine)(nil)

// TestSchedulerStoresPrompt runs a user's preset on the test server through the Scheduler into
// a real workspace, and checks the stored variant keeps the exact system message sent, with its
// variables filled in, and the preset's version, whether the generation succeeds or fails.
func TestSchedulerStoresPrompt(t *testing.T) {
	// Real server: TestRealSchedulerStreamsIntoStore checks the done case; a cut and a 500 are faults it cannot show.
	tests := []struct {
		name   string
		fault  *ollamatest.Fault
		status model.Status
		read   bool // the server read the request before the fault
	}{
		{"done", nil, model.StatusDone, true},
		{"stream cut", &ollamatest.Fault{Kind: ollamatest.FaultCut, After: 3}, model.StatusFailed, true},
		{"server error", &ollamatest.Fault{Kind: ollamatest.FaultStatus, Status: 500}, model.StatusFailed, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, ollamatest.Model{Name: "tiny", ContextLength: 8192, Words: 40})
			if tc.fault != nil {
				srv.Inject(*tc.fault)
			}
			v, req := runUserPreset(t, srv.URL())
			want := Messages(req)[0].Content
			if v.Status != tc.status || v.Prompt != want || v.PresetVersion != 3 {
				t.Fatalf("stored %s v%d prompt %q, want %s v3 %q", v.Status, v.PresetVersion, v.Prompt, tc.status, want)
			}
			if sent := srv.LastChat().Messages; tc.read && (len(sent) == 0 || sent[0].Content != want) {
				t.Errorf("sent %+v, recorded %q", sent, want)
			}
			if filled := "Résume « Atelier de test » (Maison de quartier) pour le bulletin municipal."; want != filled {
				t.Errorf("instructions %q, want %q", want, filled)
			}
		})
	}
}

// runUserPreset generates one variant of a user's preset, version 3, on host into a new
// workspace, and returns the variant as stored and the request it answered.
func runUserPreset(t *testing.T, host string) (model.Variant, generate.Request) {
	t.Helper()
	ctx := testContext(t)
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	req := newRequest(t, host, "tiny", "synthese-courte", frenchReport)
	req.Preset = model.Preset{ID: "bulletin", Version: 3, Name: model.Localized{model.French: "Bulletin"},
		Instructions: model.Localized{model.French: "Résume « {{titre}} » ({{lieu}}) pour le bulletin municipal."}}
	req.Spec.PresetID = req.Preset.ID
	r, err := st.CreateReport(ctx, model.Report{Meta: req.Source.Meta, Body: req.Source.Body})
	if err != nil {
		t.Fatal(err)
	}
	if req.Source, err = st.Snapshot(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	run, vs, err := st.CreateRun(ctx, model.Run{RevisionID: req.Source.ID, Specs: []model.Spec{req.Spec}})
	if err != nil {
		t.Fatal(err)
	}
	sched := generate.NewScheduler([]generate.Engine{NewEngine(Options{})}, model.BuiltinPresets(), st)
	sched.SetPresets(append(model.BuiltinPresets(), req.Preset))
	sched.Start(context.Background(), req.Source, vs, nil).Wait()
	stored, err := st.Variants(ctx, run.ID)
	if err != nil || len(stored) != 1 {
		t.Fatalf("stored variants %+v, %v", stored, err)
	}
	return stored[0], req
}
