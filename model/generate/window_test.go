package generate

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// windowEngine is a loadEngine that plans one window per group: the sum of the group's preset
// ids' lengths, so that each group gets its own, and it records what it was asked and given.
type windowEngine struct {
	loadEngine

	wmu     sync.Mutex
	planned [][]string     // the preset ids of each PlanWindow call, in order
	windows map[string]int // model → the Window its Generate calls received
}

func (e *windowEngine) PlanWindow(_ context.Context, reqs []Request) int {
	e.wmu.Lock()
	defer e.wmu.Unlock()
	var ids []string
	w := 1000
	for _, r := range reqs {
		ids = append(ids, r.Spec.Model+"/"+r.Preset.ID)
		w += len(r.Spec.Model) * 100
	}
	e.planned = append(e.planned, ids)
	return w
}

func (e *windowEngine) Generate(ctx context.Context, req Request, progress ProgressFunc) (Result, error) {
	e.wmu.Lock()
	if e.windows == nil {
		e.windows = map[string]int{}
	}
	if old, ok := e.windows[req.Spec.Model]; ok && old != req.Window {
		e.windows[req.Spec.Model] = -1 // two windows for one model
	} else {
		e.windows[req.Spec.Model] = req.Window
	}
	e.wmu.Unlock()
	return e.loadEngine.Generate(ctx, req, progress)
}

// TestWindowPlannedPerGroup: before the variants of one model start, the scheduler asks the
// engine once for their shared window, with every request of the group, and gives it to each;
// the built-in engine, which plans nothing, is not asked.
func TestWindowPlannedPerGroup(t *testing.T) {
	e := &windowEngine{loadEngine: loadEngine{name: model.EngineOllama}}
	vs := interleaved(hostA, "m1", "model-2")
	vs = append(vs, model.Variant{ID: 99, RunID: 1, RevisionID: 1, Index: len(vs), Spec: model.Spec{Engine: model.EngineBuiltin, PresetID: "synthese-courte"}, Status: model.StatusQueued})
	got := NewScheduler([]Engine{e, NewBuiltin()}, testPresets, &fakeSink{}).Start(context.Background(), revision(t), vs, nil).Wait()
	for _, v := range got {
		if v.Status != model.StatusDone {
			t.Fatalf("variant %d: %s %s", v.Index, v.Status, v.Error)
		}
	}
	if len(e.planned) != 2 || len(e.planned[0]) != 3 || len(e.planned[1]) != 3 {
		t.Fatalf("planned %v, want two groups of three", e.planned)
	}
	want := map[string]int{"m1": 1000 + 3*200, "model-2": 1000 + 3*700}
	for m, w := range want {
		if e.windows[m] != w {
			t.Errorf("%s generated with window %d, want %d", m, e.windows[m], w)
		}
	}
	for i, m := range []string{"m1", "model-2"} {
		var want []string
		for _, p := range modelPresets {
			want = append(want, m+"/"+p)
		}
		if !slices.Equal(e.planned[i], want) {
			t.Errorf("group %d planned with %v, want %v", i, e.planned[i], want)
		}
	}
}
