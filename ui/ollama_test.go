package ui

import (
	"context"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
	"github.com/rapporteur/rapporteur/model/store"
)

// newOllamaEnv builds the interface with the built-in engine and an Ollama engine pointed at hosts.
func newOllamaEnv(t *testing.T, hosts ...string) *testEnv {
	t.Helper()
	q := installQueue(t)
	a := test.NewTempApp(t)
	a.Preferences().SetStringList(prefHosts, hosts)
	if err := LoadTranslations(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	builtin := generate.NewBuiltin()
	engine := ollama.NewEngine(ollama.Options{StallTimeout: 2 * time.Second})
	w := test.NewTempWindow(t, nil)
	u := Create(a, w, Deps{Store: st, Presets: model.BuiltinPresets(), Engines: []generate.Engine{builtin, engine}, Ollama: engine, Version: "test"})
	env := &testEnv{t: t, app: a, win: w, u: u, st: st, q: q, eng: builtin, dir: dir}
	t.Cleanup(func() {
		u.Close()
		q.drain()
		st.Close()
	})
	return env
}

func newServer(t *testing.T) *ollamatest.Server {
	t.Helper()
	srv := ollamatest.New(
		ollamatest.Model{Name: "mistral:7b", ParameterSize: "7.2B", Quantization: "Q4_K_M", ContextLength: 8192, Words: 60},
		ollamatest.Model{Name: "qwen3:4b", ParameterSize: "4.0B", Quantization: "Q4_K_M", ContextLength: 32768, Capabilities: []string{"completion", "thinking"}},
	)
	t.Cleanup(srv.Close)
	return srv
}

func waitModels(t *testing.T, env *testEnv, n int) {
	t.Helper()
	env.q.pumpUntil(t, "models listed", func() bool { return len(env.u.gen.matrix.columns) == 1+n })
}

func TestOllamaModelsInMatrix(t *testing.T) {
	srv := newServer(t)
	env := newOllamaEnv(t, srv.URL())
	env.u.lib.OpenExample()
	waitModels(t, env, 2)
	g := env.u.gen
	if g.hosts.help.Visible() {
		t.Error("the first-run help shows although Ollama answers")
	}
	col := g.matrix.columns[1]
	if col.info.Name != "mistral:7b" || col.info.ContextLength != 8192 {
		t.Fatalf("column %+v", col.info)
	}
	// The context fit is counted off the UI thread, then shown in the column's label.
	env.q.pumpUntil(t, "context fit", func() bool { return strings.Contains(g.matrix.details[col.key()].Text, "tient") })
	if detail := g.matrix.details[col.key()].Text; !strings.Contains(detail, "7.2B") || !strings.Contains(detail, "≈") {
		t.Errorf("column detail %q lacks the size, or does not say the count is estimated", detail)
	}
	if !g.matrix.columns[2].info.Thinking() {
		t.Error("qwen3 should list the thinking capability")
	}
	// Another report: the fit of the previous one is not shown any more.
	env.u.lib.NewReport()
	g.matrix.refresh()
	if detail := g.matrix.details[col.key()].Text; strings.Contains(detail, "tient") {
		t.Errorf("after opening another report the column still shows %q", detail)
	}
}

// TestOllamaDown shows the first-run help and says why the host does not answer.
func TestOllamaDown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()
	env := newOllamaEnv(t, closed)
	env.q.pumpUntil(t, "host status", func() bool { return !env.u.hosts.loading })
	if !env.u.gen.hosts.help.Visible() {
		t.Fatal("the first-run help should show when no host answers")
	}
	if len(env.u.gen.matrix.columns) != 1 {
		t.Error("only the built-in engine should be offered")
	}
	st := env.u.hosts.statuses[0]
	if st.Reachable || !strings.Contains(ErrorText(st.Err), "ne répond pas") {
		t.Errorf("status %+v: %q", st, ErrorText(st.Err))
	}
}

// TestOllamaGenerate writes a variant with a model and one with the built-in engine, streamed
// into the columns, with the model's statistics stored.
func TestOllamaGenerate(t *testing.T) {
	srv := newServer(t)
	srv.SetTokenDelay(time.Millisecond)
	env := newOllamaEnv(t, srv.URL())
	u := env.u
	u.lib.OpenExample()
	waitModels(t, env, 2)
	onlyTick(u, map[int][]string{0: {"points-cles"}, 1: {"synthese-courte"}})
	u.show(screenGenerate)
	test.Tap(u.gen.start)
	env.q.pumpUntil(t, "run done", func() bool { return u.run != nil && isDone(u.run.job) && allFinal(u.cmp.variants) })
	env.q.drain()
	if len(u.cmp.variants) != 2 {
		t.Fatalf("%d variants", len(u.cmp.variants))
	}
	checkModelVariant(t, env, srv, u.cmp.variants[0])
}

// checkModelVariant checks a variant written by mistral:7b: done, with text and statistics,
// shown in its column and stored, and num_ctx sent.
func checkModelVariant(t *testing.T, env *testEnv, srv *ollamatest.Server, v model.Variant) {
	t.Helper()
	u := env.u
	if v.Engine != model.EngineOllama || v.Status != model.StatusDone || v.Text == "" {
		t.Fatalf("ollama variant %s %s %q (%s)", v.Engine, v.Status, v.Text, v.Error)
	}
	if v.Stats.OutputTokens == 0 || v.Stats.TokensPerSecond <= 0 || v.Stats.NumCtx == 0 {
		t.Errorf("stats %+v", v.Stats)
	}
	if u.cmp.cols[0].markdown != v.Text {
		t.Error("the column does not show the model's text")
	}
	if _, ok := srv.LastChat().Options["num_ctx"]; !ok {
		t.Error("num_ctx was not sent")
	}
	stored, err := env.st.Variants(context.Background(), v.RunID)
	if err != nil || stored[0].Text != v.Text || stored[0].Model != "mistral:7b" {
		t.Fatalf("stored %+v, %v", stored, err)
	}
}

// onlyTick ticks exactly the given presets of the given matrix columns.
func onlyTick(u *UI, cells map[int][]string) {
	m := u.gen.matrix
	for key := range m.ticked {
		m.ticked[key] = false
	}
	for col, ids := range cells {
		for _, id := range ids {
			m.ticked[m.columns[col].key()+"|"+id] = true
		}
	}
	m.refresh()
}

// TestOllamaFailureRetryAndPull makes the model fail, retries it, and offers to download a
// model the host lacks.
func TestOllamaFailureRetryAndPull(t *testing.T) {
	srv := newServer(t)
	env := newOllamaEnv(t, srv.URL())
	u := env.u
	u.lib.OpenExample()
	waitModels(t, env, 2)
	u.gen.matrix.setModels(append(u.hosts.models(), hostModel{engine: model.EngineOllama, host: srv.URL(), info: ollama.ModelInfo{Name: "absent:7b"}}))
	onlyTick(u, map[int][]string{1: {"synthese-courte"}, 3: {"synthese-courte"}})
	srv.Inject(ollamatest.Fault{Kind: ollamatest.FaultStatus, Status: 500})
	test.Tap(u.gen.start)
	env.q.pumpUntil(t, "run done", func() bool { return isDone(u.run.job) && allFinal(u.cmp.variants) })
	env.q.drain()
	failed, missing := u.cmp.variants[0], u.cmp.variants[1]
	if failed.Status != model.StatusFailed || missing.ErrorCode != string(generate.CodeModelMissing) {
		t.Fatalf("statuses %s/%s %s", failed.Status, missing.Status, missing.ErrorCode)
	}
	if !u.gen.rows[1].pull.Visible() || u.gen.rows[0].pull.Visible() {
		t.Error("only the missing model's row should offer the download")
	}
	if !strings.Contains(u.gen.rows[1].status.Text, "pas installé") {
		t.Errorf("status %q", u.gen.rows[1].status.Text)
	}
	leaveAndComeBack(t, env)
	test.Tap(u.gen.rows[0].retry)
	env.q.pumpUntil(t, "retry done", func() bool { return isDone(u.run.job) && u.cmp.variants[0].Status.Final() })
	env.q.drain()
	if u.cmp.variants[0].Status != model.StatusDone || u.cmp.variants[0].Text == "" {
		t.Fatalf("retry ended %s: %s", u.cmp.variants[0].Status, u.cmp.variants[0].Error)
	}
}

// TestWindowStaysNarrow checks many variants and models never make the window wider than a
// laptop screen: long rows scroll instead.
func TestWindowStaysNarrow(t *testing.T) {
	srv := newServer(t)
	env := newOllamaEnv(t, srv.URL())
	u := env.u
	u.lib.OpenExample()
	waitModels(t, env, 2)
	ids := []string{"synthese-courte", "points-cles", "decisions-actions"}
	onlyTick(u, map[int][]string{0: ids, 1: ids, 2: ids})
	test.Tap(u.gen.start)
	env.q.pumpUntil(t, "run done", func() bool { return isDone(u.run.job) && allFinal(u.cmp.variants) })
	env.q.drain()
	if w := u.win.Content().MinSize().Width; w > 1200 {
		t.Fatalf("the window needs %.0f px with 9 variants; it must fit a 1280 px screen", w)
	}
}

// TestPullDialog downloads a model with progress, then fails offline with Ollama's reason.
func TestPullDialog(t *testing.T) {
	srv := newServer(t)
	srv.AllowPull(ollamatest.Model{Name: "phi3:mini", ParameterSize: "3.8B", Quantization: "Q4_K_M", ContextLength: 4096}, 3<<20, 1<<20)
	env := newOllamaEnv(t, srv.URL())
	waitModels(t, env, 2)
	p := showPull(env.u.services, "", "phi3:mini")
	p.onStart()
	env.q.pumpUntil(t, "pull done", func() bool { return p.start.Disabled() == false && p.bar.Value == 1 })
	if !strings.Contains(p.status.Text, "phi3:mini est installé") {
		t.Fatalf("status %q", p.status.Text)
	}
	waitModels(t, env, 3)

	offline := showPull(env.u.services, "", "inconnu:1b")
	offline.onStart()
	env.q.pumpUntil(t, "pull failed", func() bool { return strings.HasPrefix(offline.status.Text, "Le téléchargement") })
	if !strings.Contains(offline.status.Text, "registry.ollama.ai") {
		t.Errorf("Ollama's own reason is lost: %q", offline.status.Text)
	}
}

// TestHostsReloadWhileLoading asks for a reload while the hosts are being read: the new settings
// are read once the first reading ends, never lost.
func TestHostsReloadWhileLoading(t *testing.T) {
	srv := newServer(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()
	env := newOllamaEnv(t, closed)
	h := env.u.hosts
	if !h.loading {
		t.Fatal("the hosts should be read at start")
	}
	env.app.Preferences().SetStringList(prefHosts, []string{srv.URL()})
	h.load() // while the first reading runs
	waitModels(t, env, 2)
	if len(h.statuses) != 1 || h.statuses[0].Host != srv.URL() {
		t.Fatalf("statuses %+v", h.statuses)
	}
}

// leaveAndComeBack opens another report and back: the rows of the last run come back with Retry.
func leaveAndComeBack(t *testing.T, env *testEnv) {
	t.Helper()
	u := env.u
	other, err := env.st.CreateReport(context.Background(), model.NewReport("Autre", model.French))
	if err != nil {
		t.Fatal(err)
	}
	first := u.reportID
	u.lib.Refresh()
	u.lib.Select(other.ID)
	if len(u.gen.rows) != 0 {
		t.Error("another report should not show the rows of this run")
	}
	u.lib.Select(first)
	if len(u.gen.rows) != 2 || !u.gen.rows[0].retry.Visible() || u.gen.rows[0].retry.Disabled() {
		t.Fatalf("back on the report: %d rows, retry not offered", len(u.gen.rows))
	}
}
