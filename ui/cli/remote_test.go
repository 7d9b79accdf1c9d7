package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// remoteServer has a local model and a cloud one, which its host forwards to ollama.com.
func remoteServer(t *testing.T) *ollamatest.Server {
	t.Helper()
	srv := ollamatest.New(
		ollamatest.Model{Name: "mistral:7b", ParameterSize: "7.2B", Quantization: "Q4_K_M", ContextLength: 8192},
		ollamatest.Model{Name: "gpt-oss:120b-cloud", ContextLength: 131072, RemoteHost: "https://ollama.com:443"},
	)
	t.Cleanup(srv.Close)
	return srv
}

// TestModelsSaysWhere: models says where each model writes, and warns for a remote one.
func TestModelsSaysWhere(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "fr")
	srv := remoteServer(t)
	code, out, stderr := run(t, "models", "--host", srv.URL())
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var cloud, local string
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "gpt-oss"):
			cloud = line
		case strings.HasPrefix(line, "mistral"):
			local = line
		}
	}
	if !strings.HasSuffix(cloud, "☁ distant (ollama.com)") || !strings.HasSuffix(local, "cet ordinateur") {
		t.Errorf("WHERE column:\n%s", out)
	}
	if !strings.Contains(stderr, "gpt-oss:120b-cloud: ☁ distant — le compte-rendu quitte cet ordinateur (vers ollama.com)") {
		t.Errorf("no warning for the cloud model:\n%s", stderr)
	}
}

// TestCompareRemoteNeedsLeave: compare refuses a remote model unless --allow-remote is given:
// the variant fails with the reason and the flag to use, exit 1, and nothing reaches the chat;
// with the flag, the variant is written and the JSON says where.
func TestCompareRemoteNeedsLeave(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "fr")
	srv := remoteServer(t)
	js := filepath.Join(t.TempDir(), "out.json")
	args := []string{"compare", "--source", samplePath, "--engine", "ollama", "--host", srv.URL(),
		"--models", "gpt-oss:120b-cloud", "--presets", "synthese-courte", "--json", js}
	code, _, stderr := run(t, args...)
	if code != 1 || !strings.Contains(stderr, "--allow-remote") || srv.Requests("/api/chat") != 0 {
		t.Fatalf("exit %d, %d chats: %s", code, srv.Requests("/api/chat"), stderr)
	}
	code, _, stderr = run(t, append(args, "--allow-remote")...)
	if code != 0 {
		t.Fatalf("with --allow-remote: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if v := doc.Variants[0]; v.Status != model.StatusDone || v.Stats.Where != model.PlaceRemote || v.Stats.WhereHost != "ollama.com" {
		t.Errorf("variant %s, written at %q %q", v.Status, v.Stats.Where, v.Stats.WhereHost)
	}
}
