package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// writeShare writes a shared file with one preset of a team's own.
func writeShare(t *testing.T, p model.Preset) string {
	t.Helper()
	data, err := model.MarshalShare(model.Share{Presets: []model.Preset{p}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "partage.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPresetFile lists and uses a team's preset from a shared file; the variant records the
// exact instructions sent.
func TestPresetFile(t *testing.T) {
	team := model.Preset{ID: "cr-conseil", Version: 3, Name: model.Localized{model.French: "CR du conseil"},
		Instructions: model.Localized{model.French: "Résume « {{titre}} » sans rien inventer."}}
	file := writeShare(t, team)
	code, out, stderr := run(t, "presets", "--file", file)
	if code != 0 || !strings.HasSuffix(strings.TrimSpace(out), "cr-conseil\tCR du conseil") {
		t.Fatalf("exit %d: %s%s", code, out, stderr)
	}
	srv := newServer(t)
	js := filepath.Join(t.TempDir(), "out.json")
	code, _, stderr = run(t, "compare", "--source", samplePath, "--engine", "ollama", "--host", srv.URL(),
		"--models", "mistral:7b", "--presets", "cr-conseil", "--preset-file", file, "--json", js)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc Document
	data, err := os.ReadFile(js)
	if err != nil || json.Unmarshal(data, &doc) != nil || len(doc.Variants) != 1 {
		t.Fatalf("output %s, %v", data, err)
	}
	v := doc.Variants[0].Variant
	sent := srv.LastChat().Messages[0].Content
	if v.PresetVersion != 3 || v.Prompt != sent || !strings.HasPrefix(sent, "Résume « ") || strings.Contains(sent, "{{") {
		t.Errorf("variant v%d prompt %q, sent %q", v.PresetVersion, v.Prompt, sent)
	}
}

// TestPresetFileRejected explains a bad file and a shared preset that takes a built-in name;
// like any file that cannot be used, it ends the command with status 1.
func TestPresetFileRejected(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "x.json")
	if err := os.WriteFile(bad, []byte("pas du json"), 0o600); err != nil {
		t.Fatal(err)
	}
	clash := writeShare(t, model.Preset{ID: "x", Name: model.Localized{model.French: "X"}, Instructions: model.Localized{model.French: "x"}})
	data, _ := os.ReadFile(clash)
	if err := os.WriteFile(clash, []byte(strings.Replace(string(data), `"id": "x"`, `"id": "synthese-courte"`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{bad: "not a file of templates", clash: "synthese-courte", "/absent.json": "does not exist"} {
		code, _, stderr := run(t, "compare", "--source", samplePath, "--preset-file", file)
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stderr %q", file, code, stderr)
		}
	}
	if code, _, _ := run(t, "presets", "--file", bad); code != 1 {
		t.Errorf("presets with a bad file: exit %d", code)
	}
}
