package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// TestCompareSpreadOverTwoHosts: with two hosts that have the model, compare shares the
// variants between them and the archive says which host wrote each; a third host that does not
// answer is said to be left out, and the run still ends well.
func TestCompareSpreadOverTwoHosts(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "fr")
	mk := func() *ollamatest.Server {
		srv := ollamatest.New(ollamatest.Model{Name: "mistral:7b", ContextLength: 8192, Words: 40})
		srv.SetTokenDelay(5 * time.Millisecond)
		t.Cleanup(srv.Close)
		return srv
	}
	a, b := mk(), mk()
	dead := ollamatest.New()
	deadURL := dead.URL()
	dead.Close()
	js := filepath.Join(t.TempDir(), "out.json")
	code, _, stderr := run(t, "compare", "--source", samplePath, "--engine", "ollama", "--host", a.URL()+","+b.URL()+","+deadURL,
		"--models", "mistral:7b", "--presets", "synthese-courte,points-cles,decisions-actions,compte-rendu-detaille", "--json", js)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "laissé hors du travail") {
		t.Errorf("the dead host is not said to be left out:\n%s", stderr)
	}
	hosts := map[string]int{}
	for _, v := range readDocument(t, js).Variants {
		hosts[v.Host]++
	}
	if hosts[a.URL()] == 0 || hosts[b.URL()] == 0 || hosts[a.URL()]+hosts[b.URL()] != 4 {
		t.Errorf("variants by host: %v", hosts)
	}
}
