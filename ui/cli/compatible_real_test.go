package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
	"github.com/rapporteur/rapporteur/model/generate/openai/openaitest"
)

// TestRealCompareOpenAICompatible runs `rapporteur compare --engine openai` against the real
// Ollama's OpenAI-compatible API, /v1: two presets of tiny, exit 0, the archive records the
// engine, the server and the token counts its usage gave, and the PDF's AI-use disclosure
// names the model and the machine.
func TestRealCompareOpenAICompatible(t *testing.T) {
	host := ollamatest.Real(t) + "/v1"
	t.Setenv("RAPPORTEUR_LANG", "fr")
	t.Setenv(keyEnv, "")
	dir := t.TempDir()
	js, pdf := filepath.Join(dir, "out.json"), filepath.Join(dir, "out.pdf")
	code, _, stderr := run(t, "compare", "--source", samplePath, "--engine", "openai", "--host", host,
		"--models", ollamatest.RealTiny, "--presets", "synthese-courte,points-cles", "--options", "seed=7,num_predict=60", "--json", js, "--pdf", pdf)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	doc := readDocument(t, js)
	if len(doc.Variants) != 2 {
		t.Fatalf("%d variants", len(doc.Variants))
	}
	for _, v := range doc.Variants {
		if v.Status != model.StatusDone || v.Engine != model.EngineOpenAI || v.Host != host || v.Stats.PromptTokens == 0 || v.Stats.OutputTokens == 0 || v.Stats.Where != model.PlaceThisComputer {
			t.Errorf("variant %d: %s (%s) engine %s host %s, %d/%d tokens, %s", v.Index, v.Status, v.Error, v.Engine, v.Host, v.Stats.PromptTokens, v.Stats.OutputTokens, v.Stats.Where)
		}
	}
	txt, err := exec.Command(pdftotext(t), pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(txt)), " ")
	if !strings.Contains(flat, "tiny") || !strings.Contains(flat, strings.TrimPrefix(ollamatest.Real(t), "http://")) {
		t.Errorf("the PDF does not name the model and its machine:\n%.2000s", flat)
	}
}

// TestCompareOpenAINeedsHost refuses --engine openai without --host, with the reason, and
// without touching the network.
func TestCompareOpenAINeedsHost(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "fr")
	code, _, stderr := run(t, "compare", "--source", samplePath, "--engine", "openai", "--models", "tiny")
	if code != 2 || !strings.Contains(stderr, "--engine openai demande --host") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, _, stderr = run(t, "compare", "--source", samplePath, "--engine", "openai", "--host", "ftp://x", "--models", "tiny")
	if code != 2 || stderr == "" {
		t.Fatalf("bad host: exit %d: %s", code, stderr)
	}
}

// readDocument reads the JSON archive compare wrote at path.
func readDocument(t *testing.T, path string) Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestCompareOpenAISaysTheFit: before generating, compare says how the report fits a model of
// an OpenAI-compatible server, estimated (« ≈ »), against the context the server lists.
func TestCompareOpenAISaysTheFit(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "fr")
	srv := openaitest.New(t, openaitest.Model{Name: "mistral-small", MaxModelLen: 32768, Words: 30})
	code, _, stderr := run(t, "compare", "--source", samplePath, "--engine", "openai", "--host", srv.URL(),
		"--models", "mistral-small", "--presets", "synthese-courte")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "mistral-small: tient dans le contexte") || !strings.Contains(stderr, "≈ ") || !strings.Contains(stderr, "32,8k") {
		t.Errorf("no estimated fit before the variants:\n%s", stderr)
	}
}
