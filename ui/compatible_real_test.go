package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
	"github.com/rapporteur/rapporteur/model/generate/openai"
	"github.com/rapporteur/rapporteur/model/store"
)

// newServersEnv builds the interface with the three engines and the servers list.
func newServersEnv(t *testing.T, list []server) *testEnv {
	t.Helper()
	q := installQueue(t)
	a := test.NewTempApp(t)
	saveServers(a, list)
	if err := LoadTranslations(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	builtin := generate.NewBuiltin()
	ol := ollama.NewEngine(ollama.Options{StallTimeout: 30 * time.Second})
	oa := openai.NewEngine(openai.Options{StallTimeout: 30 * time.Second})
	w := test.NewTempWindow(t, nil)
	u := Create(a, w, Deps{Store: st, Presets: model.BuiltinPresets(), Engines: []generate.Engine{builtin, ol, oa}, Ollama: ol, OpenAI: oa, Version: "test"})
	env := &testEnv{t: t, app: a, win: w, u: u, st: st, q: q, eng: builtin, dir: dir}
	t.Cleanup(func() {
		u.Close()
		q.drain()
		st.Close()
	})
	return env
}

// TestRealOpenAICompatibleServerBesideOllama lists the real Ollama twice, through its own API
// and through its OpenAI-compatible /v1, and writes a variant through /v1 from the window: the
// hosts panel names the kind, the model's column is of the OpenAI engine, and the variant
// records its engine, host and place.
func TestRealOpenAICompatibleServerBesideOllama(t *testing.T) {
	host := ollamatest.Real(t)
	env := newServersEnv(t, []server{{kind: model.EngineOllama, url: host}, {kind: model.EngineOpenAI, url: host + "/v1"}})
	u := env.u
	u.lib.OpenExample()
	env.q.pumpWithin(t, time.Minute, "models listed", func() bool { return len(u.gen.matrix.columns) == 7 })
	col := engineColumnOf(t, u, model.EngineOpenAI, ollamatest.RealTiny+":latest")
	lines := ""
	for _, o := range u.gen.hosts.box.Objects {
		lines += labelsText(o) + "\n"
	}
	if !strings.Contains(lines, "serveur compatible OpenAI, 3 modèles") || !strings.Contains(lines, "Ollama 0.") {
		t.Errorf("hosts panel:\n%s", lines)
	}
	u.show(screenGenerate)
	onlyTick(u, map[int][]string{col: {"synthese-courte"}})
	test.Tap(u.gen.start)
	env.q.pumpWithin(t, 3*time.Minute, "run done", func() bool { return u.run != nil && isDone(u.run.job) && allFinal(u.cmp.variants) })
	env.q.drain()
	stored, err := env.st.Variants(context.Background(), u.cmp.run.ID)
	if err != nil || len(stored) != 1 {
		t.Fatalf("stored %d variants, %v", len(stored), err)
	}
	checkCompatibleVariant(t, stored[0], host+"/v1")
}

// engineColumnOf returns the matrix column of the model name of engine.
func engineColumnOf(t *testing.T, u *UI, engine, name string) int {
	t.Helper()
	for i, c := range u.gen.matrix.columns {
		if c.engine == engine && c.info.Name == name {
			return i
		}
	}
	t.Fatalf("no %s column for %s among %d", engine, name, len(u.gen.matrix.columns))
	return -1
}

// checkCompatibleVariant checks v was written through the OpenAI-compatible API of host, on
// this computer, with its counts and its instructions recorded.
func checkCompatibleVariant(t *testing.T, v model.Variant, host string) {
	t.Helper()
	if v.Status != model.StatusDone || v.Engine != model.EngineOpenAI || v.Host != host || v.Stats.Where != model.PlaceThisComputer || v.Stats.OutputTokens == 0 {
		t.Errorf("variant %s (%s) engine %s host %s where %s, %d tokens", v.Status, v.Error, v.Engine, v.Host, v.Stats.Where, v.Stats.OutputTokens)
	}
	if v.Prompt == "" {
		t.Error("the instructions sent were not recorded")
	}
}

// labelsText joins the text of every label under o.
func labelsText(o fyne.CanvasObject) string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return strings.Join(out, " ")
}
