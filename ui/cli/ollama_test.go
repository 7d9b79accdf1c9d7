package cli

import (
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

func newServer(t *testing.T) *ollamatest.Server {
	t.Helper()
	srv := ollamatest.New(
		ollamatest.Model{Name: "mistral:7b", ParameterSize: "7.2B", Quantization: "Q4_K_M", ContextLength: 8192},
		ollamatest.Model{Name: "qwen3:4b", ParameterSize: "4.0B", Quantization: "Q4_K_M", ContextLength: 32768, Capabilities: []string{"completion", "thinking"}},
	)
	t.Cleanup(srv.Close)
	return srv
}

func TestModels(t *testing.T) {
	srv := newServer(t)
	code, out, stderr := run(t, "models", "--host", srv.URL())
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "NAME") {
		t.Fatalf("output:\n%s", out)
	}
	for _, want := range []string{"mistral:7b", "7.2B", "Q4_K_M", "8192", "qwen3:4b", "32768"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(lines[2], "yes") {
		t.Errorf("qwen3 should show thinking: %q", lines[2])
	}
}

func TestModelsHostDown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	host := "http://" + l.Addr().String()
	l.Close()
	code, _, stderr := run(t, "models", "--host", host)
	if code != 1 || !strings.Contains(stderr, l.Addr().String()) {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

// TestCompareOllama writes models × presets variants through the test server, with options.
func TestCompareOllama(t *testing.T) {
	srv := newServer(t)
	js := filepath.Join(t.TempDir(), "out.json")
	code, _, stderr := run(t, "compare", "--source", samplePath, "--engine", "ollama", "--host", srv.URL(),
		"--models", "mistral:7b,qwen3:4b", "--presets", "synthese-courte,version-simplifiee",
		"--options", "temperature=0.2,seed=42", "--json", js)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc Document
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Variants) != 4 {
		t.Fatalf("%d variants, want 2 models × 2 presets", len(doc.Variants))
	}
	for _, v := range doc.Variants {
		if v.Status != model.StatusDone || v.Text == "" || v.Stats.OutputTokens == 0 || v.Stats.NumCtx == 0 {
			t.Errorf("variant %s/%s: %s %q %+v", v.Model, v.PresetID, v.Status, v.Error, v.Stats)
		}
		if v.Options.Temperature == nil || *v.Options.Temperature != 0.2 {
			t.Errorf("options not recorded: %+v", v.Options)
		}
	}
	if opts := srv.LastChat().Options; opts["seed"] != float64(42) {
		t.Errorf("seed not sent: %v", opts)
	}
}

// TestCompareOllamaMissingModel reports the failure, with its reason, and exits 1.
func TestCompareOllamaMissingModel(t *testing.T) {
	srv := newServer(t)
	js := filepath.Join(t.TempDir(), "out.json")
	code, _, stderr := run(t, "compare", "--source", samplePath, "--engine", "ollama", "--host", srv.URL(),
		"--models", "absent:7b", "--presets", "synthese-courte", "--json", js)
	if code != 1 || !strings.Contains(stderr, "absent:7b") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc Document
	data, _ := os.ReadFile(js)
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Variants[0].ErrorCode != "model-missing" || doc.Variants[0].Error == "" {
		t.Errorf("variant %+v", doc.Variants[0])
	}
}

func TestCompareOllamaUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no models", []string{"--engine", "ollama"}, "--models"},
		{"bad option", []string{"--engine", "ollama", "--models", "m", "--options", "temperature=hot"}, "temperature"},
		{"unknown option", []string{"--engine", "ollama", "--models", "m", "--options", "colour=1"}, "colour"},
		{"option out of range", []string{"--engine", "ollama", "--models", "m", "--options", "temperature=9"}, "temperature"},
		{"bad host", []string{"--engine", "ollama", "--models", "m", "--host", "ftp://x"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, append([]string{"compare", "--source", samplePath}, tt.args...)...)
			if code != 2 || !strings.Contains(stderr, tt.msg) {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
		})
	}
}

// TestCompareOllamaAllPresets writes every preset with a model when none is named.
func TestCompareOllamaAllPresets(t *testing.T) {
	srv := newServer(t)
	js := filepath.Join(t.TempDir(), "out.json")
	code, _, stderr := run(t, "compare", "--source", samplePath, "--engine", "ollama", "--host", srv.URL(), "--models", "mistral:7b", "--json", js)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc Document
	data, _ := os.ReadFile(js)
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if want := len(generate.VariantPresets(model.BuiltinPresets())); len(doc.Variants) != want {
		t.Fatalf("%d variants, want one per preset", len(doc.Variants))
	}
}
