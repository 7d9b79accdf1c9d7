package generate

import (
	"context"
	"errors"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// promptEngine is a fakeEngine that is also a Prompter.
type promptEngine struct{ fakeEngine }

func (e *promptEngine) SystemPrompt(req Request) string {
	return "Consignes " + req.Preset.ID + " pour « " + req.Source.Title + " »"
}

// gateEngine blocks each generation until gate is closed, then writes one sentence; started
// receives the preset of each generation as it begins.
type gateEngine struct {
	gate    chan struct{}
	started chan model.Preset
}

func (e *gateEngine) Name() string { return "gate" }

func (e *gateEngine) Generate(ctx context.Context, req Request, progress ProgressFunc) (Result, error) {
	e.started <- req.Preset
	select {
	case <-e.gate:
	case <-ctx.Done():
		return Result{}, ctx.Err()
	}
	progress(Progress{Stage: StageWriting, Delta: "Texte.", Fraction: 1})
	return Result{Text: "Texte."}, nil
}

// withVersion returns a copy of testPresets where preset id has version v.
func withVersion(id string, v int) []model.Preset {
	ps := append([]model.Preset(nil), testPresets...)
	for i := range ps {
		if ps[i].ID == id {
			ps[i].Version = v
		}
	}
	return ps
}

func TestBuiltinRecordsPresetVersion(t *testing.T) {
	sink := &fakeSink{}
	s := NewScheduler([]Engine{NewBuiltin()}, withVersion("points-cles", 4), sink)
	v := s.Start(context.Background(), revision(t), variants(spec(model.EngineBuiltin, "points-cles")), nil).Wait()[0]
	if v.Status != model.StatusDone || v.PresetVersion != 4 || v.Prompt != "" {
		t.Fatalf("variant %s version %d prompt %q", v.Status, v.PresetVersion, v.Prompt)
	}
	if saved := sink.last(t, 0); saved.PresetVersion != 4 || saved.Prompt != "" {
		t.Errorf("saved version %d prompt %q", saved.PresetVersion, saved.Prompt)
	}
}

func TestPrompterRecordsPrompt(t *testing.T) {
	tests := []struct {
		name   string
		engine *promptEngine
		cancel bool
		want   model.Status
	}{
		{"done", &promptEngine{fakeEngine{name: "fake", deltas: []string{"Une phrase."}}}, false, model.StatusDone},
		{"failed", &promptEngine{fakeEngine{name: "fake", err: errors.New("boom")}}, false, model.StatusFailed},
		{"cancelled", &promptEngine{fakeEngine{name: "fake", deltas: []string{"Début. "}, block: true,
			emitted: make(chan string, 1)}}, true, model.StatusCancelled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sink := &fakeSink{}
			rev := revision(t)
			s := NewScheduler([]Engine{tc.engine}, withVersion("fake", 2), sink)
			job := s.Start(context.Background(), rev, variants(spec("fake", "fake")), nil)
			if tc.cancel {
				<-tc.engine.emitted
				job.Cancel()
			}
			v := job.Wait()[0]
			want := "Consignes fake pour « " + rev.Title + " »"
			if v.Status != tc.want || v.Prompt != want || v.PresetVersion != 2 {
				t.Fatalf("variant %s version %d prompt %q", v.Status, v.PresetVersion, v.Prompt)
			}
			sink.mu.Lock()
			first := sink.saves[0]
			sink.mu.Unlock()
			if first.Status != model.StatusRunning || first.Prompt != want || first.PresetVersion != 2 {
				t.Errorf("first save %s version %d prompt %q", first.Status, first.PresetVersion, first.Prompt)
			}
			if saved := sink.last(t, 0); saved.Status != tc.want || saved.Prompt != want {
				t.Errorf("last save %s prompt %q", saved.Status, saved.Prompt)
			}
		})
	}
}

// TestSetPresets checks a run keeps the presets it started with while a later run gets the
// new ones.
func TestSetPresets(t *testing.T) {
	e := &gateEngine{gate: make(chan struct{}), started: make(chan model.Preset, 8)}
	s := NewScheduler([]Engine{e}, withVersion("fake", 1), &fakeSink{})
	s.SetParallel(1)
	rev := revision(t)
	first := s.Start(context.Background(), rev, variants(spec("gate", "fake"), spec("gate", "nouveau"), spec("gate", "fake")), nil)
	if p := <-e.started; p.ID != "fake" || p.Version != 1 {
		t.Fatalf("first run started with %s v%d", p.ID, p.Version)
	}
	updated := withVersion("fake", 2)
	nouveau := model.Preset{ID: "nouveau", Version: 1, Name: model.Localized{model.French: "Nouveau"}}
	ps := append(updated, nouveau)
	s.SetPresets(ps)
	ps[0].ID = "changed-after" // the scheduler keeps its own copy
	second := s.Start(context.Background(), rev, variants(spec("gate", "nouveau"), spec("gate", "fake")), nil)
	close(e.gate)

	got := first.Wait()
	if got[0].Status != model.StatusDone || got[2].Status != model.StatusDone || got[2].PresetVersion != 1 {
		t.Errorf("first run: %s, %s v%d; want done with version 1", got[0].Status, got[2].Status, got[2].PresetVersion)
	}
	if ErrorCode(got[1].ErrorCode) != CodePresetMissing {
		t.Errorf("first run used a preset added after it started: %s %q", got[1].Status, got[1].ErrorCode)
	}
	for i, v := range second.Wait() {
		if v.Status != model.StatusDone || v.PresetVersion != []int{1, 2}[i] {
			t.Errorf("second run, variant %d: %s %q v%d", i, v.Status, v.Error, v.PresetVersion)
		}
	}
	if _, ok := model.FindPreset(s.presets, "changed-after"); ok {
		t.Error("SetPresets kept the caller's slice")
	}
}

// TestRetryRecordsPresetVersion checks a retry records the preset version current when it
// starts, and the prompt again.
func TestRetryRecordsPresetVersion(t *testing.T) {
	e := &promptEngine{fakeEngine{name: "fake", err: errors.New("boom")}}
	s := NewScheduler([]Engine{e}, withVersion("fake", 1), &fakeSink{})
	rev := revision(t)
	failed := s.Start(context.Background(), rev, variants(spec("fake", "fake")), nil).Wait()[0]
	s.SetPresets(withVersion("fake", 2))
	v := s.Retry(context.Background(), rev, failed, nil).Wait()[0]
	if failed.PresetVersion != 1 || v.PresetVersion != 2 || v.Prompt == "" || v.Prompt != failed.Prompt {
		t.Errorf("first try v%d %q, retry v%d %q", failed.PresetVersion, failed.Prompt, v.PresetVersion, v.Prompt)
	}
}
