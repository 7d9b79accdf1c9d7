package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// TestRealCompareLongReport runs `rapporteur compare` on a 10,000-word French report with the
// real tiny-8k model (an 8,192-token context, about 75,000 tokens of report): it says before
// generating how the report fits, counted with the model's own tokenizer, then writes a done
// variant read in several parts, and exits 0.
func TestRealCompareLongReport(t *testing.T) {
	host := ollamatest.Real(t)
	t.Setenv("RAPPORTEUR_LANG", "fr")
	dir := t.TempDir()
	src, out := filepath.Join(dir, "bilan.md"), filepath.Join(dir, "out.json")
	if err := os.WriteFile(src, []byte(ollamatest.LongReport(10_000)), 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	code, _, stderr := run(t, "compare", "--source", src, "--engine", "ollama", "--host", host,
		"--models", ollamatest.RealTiny8k, "--presets", "synthese-courte", "--json", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "parties") || strings.Contains(stderr, "≈") {
		t.Errorf("the plan printed before generating does not say, counted exactly, that the report is read in parts:\n%s", stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Variants) != 1 {
		t.Fatalf("%d variants", len(doc.Variants))
	}
	v := doc.Variants[0]
	t.Logf("%s in %s: %d parts, %d prompt tokens", v.Status, time.Since(start).Round(time.Second), v.Stats.Chunks, v.Stats.PromptTokens)
	if v.Status != model.StatusDone || v.Stats.Chunks < 2 || v.Text == "" {
		t.Errorf("variant %s (%s), %d parts", v.Status, v.Error, v.Stats.Chunks)
	}
}
