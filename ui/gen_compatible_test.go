package ui

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/openai/openaitest"
)

// TestCompatibleModelsInGrid lists an OpenAI-compatible server's models: a model whose server
// tells its context gets an estimated fit (« ≈ »), the other says its context is unknown and
// where to set it; neither offers a download.
func TestCompatibleModelsInGrid(t *testing.T) {
	srv := openaitest.New(t, openaitest.Model{Name: "mistral-small", MaxModelLen: 32768}, openaitest.Model{Name: "qwen3-4b"})
	env := newServersEnv(t, []server{{kind: model.EngineOpenAI, url: srv.URL()}})
	u := env.u
	u.lib.OpenExample()
	waitModels(t, env, 2)
	known := u.gen.matrix.columns[engineColumnOf(t, u, model.EngineOpenAI, "mistral-small")]
	env.q.pumpUntil(t, "estimated fit", func() bool { return strings.Contains(u.gen.matrix.details[known.key()].Text, "tient") })
	if d := u.gen.matrix.details[known.key()].Text; !strings.Contains(d, "Compatible OpenAI") || !strings.Contains(d, "≈") || !strings.Contains(d, "32,8k") {
		t.Errorf("detail %q", d)
	}
	unknown := u.gen.matrix.columns[engineColumnOf(t, u, model.EngineOpenAI, "qwen3-4b")]
	if d := u.gen.matrix.columnDetail(unknown); !strings.Contains(d, "contexte inconnu") {
		t.Errorf("detail %q", d)
	}
	if !u.gen.hosts.pull.Disabled() {
		t.Error("a download is offered with no Ollama server")
	}
}
