package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

func TestServersReadOlderHostsThenTheirOwnList(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetStringList(prefHosts, []string{"192.168.1.20", "http://127.0.0.1:11434/"})
	got := servers(a)
	if len(got) != 2 || got[0] != (server{kind: model.EngineOllama, url: "http://192.168.1.20:11434"}) || got[1].url != "http://127.0.0.1:11434" {
		t.Fatalf("servers from the older preference = %+v", got)
	}
	saveServers(a, []server{
		{kind: model.EngineOllama, url: "http://127.0.0.1:11434"},
		{kind: model.EngineOpenAI, url: "http://10.0.0.7:8000/v1", parallel: 4},
	})
	a.Preferences().SetStringList(prefServers, append(a.Preferences().StringList(prefServers), "openai two http://x", "gopher 1 http://y:1", "openai 1 ftp://z"))
	got = servers(a)
	want := []server{{kind: model.EngineOllama, url: "http://127.0.0.1:11434"}, {kind: model.EngineOpenAI, url: "http://10.0.0.7:8000/v1", parallel: 4}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("servers = %+v, want %+v (the unreadable lines skipped)", got, want)
	}
	par := hostParallel(got, 2)
	if par(model.EngineOpenAI, "http://10.0.0.7:8000/v1") != 4 || par(model.EngineOllama, "http://127.0.0.1:11434") != 2 {
		t.Error("a server's own parallelism, or the general one, is not what the scheduler is told")
	}
}

func TestPoolSharesAModelByNameOrDigest(t *testing.T) {
	b := &hostBook{statuses: []hostRead{
		{kind: model.EngineOllama, HostStatus: generate.HostStatus{Host: "http://a:11434", Reachable: true, Models: []generate.ModelInfo{
			{Name: "mistral:7b", Digest: "sha256:111"}, {Name: "gemma3:latest", Digest: "sha256:222"}, {Name: "cloudy", Digest: "sha256:999"}}},
			places: []place{{where: model.PlaceThisComputer}, {where: model.PlaceThisComputer}, {where: model.PlaceRemote, name: "ollama.com"}}},
		{kind: model.EngineOllama, HostStatus: generate.HostStatus{Host: "http://b:11434", Reachable: true, Models: []generate.ModelInfo{
			{Name: "mistral-fr", Digest: "sha256:111"}, {Name: "gemma3", Digest: "sha256:333"}, {Name: "cloudy", Digest: "sha256:999"}}},
			places: []place{{where: model.PlaceNetwork}, {where: model.PlaceNetwork}, {where: model.PlaceRemote, name: "ollama.com"}}},
		{kind: model.EngineOpenAI, HostStatus: generate.HostStatus{Host: "http://c:8000/v1", Reachable: true, Models: []generate.ModelInfo{{Name: "mistral:7b"}}},
			places: []place{{where: model.PlaceNetwork}}},
	}}
	pool := b.pool()
	names := func(spec model.Spec) string {
		var out []string
		for _, r := range pool(spec) {
			out = append(out, r.Host+" "+r.Model)
		}
		return strings.Join(out, ", ")
	}
	for _, c := range []struct {
		spec model.Spec
		want string
	}{
		{model.Spec{Engine: model.EngineOllama, Host: "http://a:11434", Model: "mistral:7b"}, "http://a:11434 mistral:7b, http://b:11434 mistral-fr"},
		{model.Spec{Engine: model.EngineOllama, Host: "http://b:11434", Model: "gemma3"}, "http://a:11434 gemma3:latest, http://b:11434 gemma3"},
		{model.Spec{Engine: model.EngineOllama, Host: "http://a:11434", Model: "cloudy"}, ""},
		{model.Spec{Engine: model.EngineOpenAI, Host: "http://c:8000/v1", Model: "mistral:7b"}, "http://c:8000/v1 mistral:7b"},
		{model.Spec{Engine: model.EngineOllama, Host: "http://z:11434", Model: "mistral:7b"}, ""},
	} {
		if got := names(c.spec); got != c.want {
			t.Errorf("pool(%s on %s) = %q, want %q", c.spec.Model, c.spec.Host, got, c.want)
		}
	}
}
