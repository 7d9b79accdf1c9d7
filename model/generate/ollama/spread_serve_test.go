//go:build unix

package ollama

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// ServeEnv names the script that starts a real Ollama server (../shared/ollama/serve beside
// the repository by default), for the tests that start their own.
const ServeEnv = "OLLAMA_SERVE"

// serveScript returns the path of the serve script: $OLLAMA_SERVE, or ../shared/ollama/serve
// next to the repository's root. A missing script skips the test, or fails it under
// OLLAMA_TEST_REQUIRED=1.
func serveScript(t testing.TB) string {
	t.Helper()
	path := os.Getenv(ServeEnv)
	if path == "" {
		dir, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		for ; ; dir = filepath.Dir(dir) {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil || filepath.Dir(dir) == dir {
				break
			}
		}
		path = filepath.Join(dir, "..", "shared", "ollama", "serve")
	}
	if _, err := os.Stat(path); err != nil {
		why := "no script to start a second Ollama server at " + path + " (set " + ServeEnv + ")"
		if os.Getenv(ollamatest.RequiredEnv) == "1" {
			t.Fatal(why)
		}
		t.Skip(why)
	}
	return path
}

// served is a real Ollama server started by a test.
type served struct {
	host string
	pgid int    // the serve script's process group: the server and its model runners
	dir  string // the server's temporary folder
	once sync.Once
}

var serveLine = regexp.MustCompile(`OLLAMA_TEST_HOST=(\S+) OLLAMA_TEST_PID=(\d+)`)

// startServer starts a real Ollama server with the serve script, with OLLAMA_NUM_PARALLEL=1
// and OLLAMA_MAX_LOADED_MODELS=1, and kills it when the test ends.
func startServer(t testing.TB) *served {
	t.Helper()
	cmd := exec.Command(serveScript(t))
	cmd.Env = append(os.Environ(), "OLLAMA_NUM_PARALLEL=1", "OLLAMA_MAX_LOADED_MODELS=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // the runners too die with the group
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	s := &served{pgid: cmd.Process.Pid}
	t.Cleanup(s.kill)
	m := serveLine.FindSubmatch(out)
	if err != nil || m == nil {
		t.Fatalf("serve: %v: %s%s", err, out, stderr.String())
	}
	s.host = string(m[1])
	pid, _ := strconv.Atoi(string(m[2]))
	if env, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/environ"); err == nil {
		for _, kv := range strings.Split(string(env), "\x00") {
			if home, ok := strings.CutPrefix(kv, "HOME="); ok && strings.Contains(home, "ollama-test.") {
				s.dir = filepath.Dir(home)
			}
		}
	}
	return s
}

// kill stops the server and its model runners at once (SIGKILL, as a machine that goes off),
// and removes its folder; it does so once.
func (s *served) kill() {
	s.once.Do(func() {
		_ = syscall.Kill(-s.pgid, syscall.SIGKILL)
		if s.dir != "" {
			_ = os.RemoveAll(s.dir)
		}
	})
}

// spreadSource is a short fictional report, so that reading it takes the tiny models little
// time on one thread.
const spreadSource = `CONSEIL DE QUARTIER DES TILLEULS — séance du 3 mars

Présent·es : 14 habitant·es, 2 élu·es, l'animatrice du centre social.

1. Jardin partagé : les inscrit.e.s sont 23 ; la mairie prête l'outillage. Vote : 12 pour, 2 abstentions.
2. Éclairage de l'allée des Saules : trois lampadaires en panne depuis janvier, signalés à nouveau.
3. Fête de printemps le 24 mai ; recherche de bénévoles pour la buvette.

Prochaine séance : 7 avril, salle Jean-Moulin.`

// spreadRun is a run of n variants of tiny-long over two servers.
type spreadRun struct {
	rev      model.Revision
	variants []model.Variant
	sched    *generate.Scheduler
	sink     lastSaved
}

// lastSaved is a Sink that keeps the last state saved of each variant.
type lastSaved struct {
	mu    sync.Mutex
	saved map[int]model.Variant
}

func (s *lastSaved) SaveVariant(_ context.Context, v model.Variant) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.saved == nil {
		s.saved = map[int]model.Variant{}
	}
	s.saved[v.Index] = v
	return nil
}

// last returns the last state saved of the variant with the given index.
func (s *lastSaved) last(index int) model.Variant {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.saved[index]
}

// newSpreadRun prepares n variants of tiny-long written for hosts[0], each writing numPredict
// tokens with seed 7, and a scheduler whose pool finds the model on every host, each host
// generating one variant at a time.
func newSpreadRun(t testing.TB, n, numPredict int, hosts ...string) *spreadRun {
	t.Helper()
	seed := 7
	meta := model.Meta{Title: "Conseil de quartier des Tilleuls", Kind: model.KindPublicMeeting, Language: model.French}
	r := &spreadRun{rev: model.Revision{ID: 1, ReportID: 1, Number: 1, Meta: meta, Body: spreadSource}}
	for i := range n {
		spec := model.Spec{Engine: model.EngineOllama, Host: hosts[0], Model: ollamatest.RealTinyLong, PresetID: "synthese-courte",
			Options: model.Options{NumPredict: numPredict, Seed: &seed}}
		r.variants = append(r.variants, model.Variant{ID: int64(i + 1), RunID: 1, RevisionID: 1, Index: i, Spec: spec, Status: model.StatusQueued})
	}
	r.sched = generate.NewScheduler([]generate.Engine{NewEngine(Options{})}, model.BuiltinPresets(), &r.sink)
	r.sched.SetPool(func(s model.Spec) []generate.Replica {
		var out []generate.Replica
		for _, h := range hosts {
			out = append(out, generate.Replica{Host: h, Model: s.Model})
		}
		return out
	})
	r.sched.SetHostParallel(func(string, string) int { return 1 })
	return r
}

// start starts the run, with a deadline that turns a hang into a failure.
func (r *spreadRun) start(ctx context.Context, onEvent func(generate.Event)) *generate.Job {
	return r.sched.Start(ctx, r.rev, r.variants, onEvent)
}
