package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/model"
)

// TestSettingsAddAnOpenAIServer adds an OpenAI-compatible server beside the Ollama one, with
// its own parallelism, and checks what is refused: an unreadable address, a server twice.
func TestSettingsAddAnOpenAIServer(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	s := newSettings(env.u.settingsDeps())
	s.show()
	list := s.ollama.servers
	if len(list.rows) != 1 || list.rows[0].kindValue() != model.EngineOllama {
		t.Fatalf("the settings open with %d servers", len(list.rows))
	}
	if !list.rows[0].key.Disabled() {
		t.Error("an Ollama server offers an API key")
	}
	test.Tap(list.add)
	row := list.rows[1]
	if row.kindValue() != model.EngineOpenAI || row.key.Disabled() {
		t.Fatal("a new server is not an OpenAI-compatible one with a key button")
	}
	test.Type(row.addr, "llm.agglo.lan:8000")
	test.Type(row.parallel, "9")
	test.Tap(s.apply)
	if !strings.Contains(s.problem.Text, "8") {
		t.Errorf("9 variants at once accepted, problem %q", s.problem.Text)
	}
	row.parallel.SetText("3")
	test.Tap(s.apply)
	got := servers(env.app)
	if len(got) != 2 || got[1] != (server{kind: model.EngineOpenAI, url: "http://llm.agglo.lan:8000/v1", parallel: 3}) {
		t.Fatalf("saved servers %+v (problem %q)", got, s.problem.Text)
	}
	test.Tap(list.add)
	list.rows[2].addr.SetText("http://llm.agglo.lan:8000/v1")
	test.Tap(s.apply)
	if !strings.Contains(s.problem.Text, "deux fois") {
		t.Errorf("a server listed twice: problem %q", s.problem.Text)
	}
	list.rows[2].addr.SetText("http://llm agglo")
	test.Tap(s.apply)
	if !strings.Contains(s.problem.Text, "n’est pas une adresse") {
		t.Errorf("an unreadable address: problem %q", s.problem.Text)
	}
	test.Tap(list.rows[2].remove)
	test.Tap(list.rows[0].remove)
	test.Tap(s.apply)
	if got := servers(env.app); len(got) != 1 || got[0].kind != model.EngineOpenAI {
		t.Fatalf("after removing the Ollama server: %+v", got)
	}
}
