package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/generate/openai"
)

// prefServers is the preference holding the configured servers, one "kind parallel url" each
// (see server). Before it, only Ollama hosts were configured, one URL each, in prefHosts: they
// are read when prefServers was never written.
const prefServers = "servers"

// prefHosts is the older preference holding the Ollama hosts, one URL each.
const prefHosts = "ollama-hosts"

// maxServers bounds the servers configured: a team has a few machines.
const maxServers = 32

// server is one configured machine that writes variants: an Ollama server or a server speaking
// the OpenAI-compatible API. Its API key, if any, is in the keyring (model/keys), never here.
type server struct {
	kind     string // model.EngineOllama or model.EngineOpenAI
	url      string // normalised for its kind
	parallel int    // variants of one model it writes at once; 0: the general setting
}

// servers returns the configured servers, by default the Ollama host OLLAMA_HOST names or the
// local one. Lines that cannot be read are skipped.
func servers(a fyne.App) []server {
	p := a.Preferences()
	lines := p.StringList(prefServers)
	if len(lines) == 0 {
		var out []server
		for _, h := range p.StringListWithFallback(prefHosts, []string{ollama.HostFromEnv()}) {
			if n, err := ollama.NormalizeHost(h); err == nil {
				out = append(out, server{kind: model.EngineOllama, url: n})
			}
		}
		if len(out) == 0 {
			out = []server{{kind: model.EngineOllama, url: ollama.HostFromEnv()}}
		}
		return out
	}
	var out []server
	for _, line := range lines {
		if s, ok := parseServer(line); ok {
			out = append(out, s)
		}
	}
	return out
}

// parseServer reads a "kind parallel url" line.
func parseServer(line string) (server, bool) {
	f := strings.Fields(line)
	if len(f) != 3 {
		return server{}, false
	}
	n, err := strconv.Atoi(f[1])
	if err != nil || n < 0 || n > 64 {
		return server{}, false
	}
	u, err := normalizeServer(f[0], f[2])
	if err != nil {
		return server{}, false
	}
	return server{kind: f[0], url: u, parallel: n}, true
}

// normalizeServer reads an address the way a server of kind expects it.
func normalizeServer(kind, addr string) (string, error) {
	switch kind {
	case model.EngineOllama:
		return ollama.NormalizeHost(addr)
	case model.EngineOpenAI:
		return openai.NormalizeHost(addr)
	}
	return "", hostErr("unknown kind of server " + kind)
}

// saveServers stores list, which the caller validated; an empty list is kept as the default
// local Ollama server.
func saveServers(a fyne.App, list []server) {
	lines := make([]string, 0, len(list))
	for _, s := range list {
		lines = append(lines, s.kind+" "+strconv.Itoa(s.parallel)+" "+s.url)
	}
	if len(lines) == 0 {
		lines = []string{model.EngineOllama + " 0 " + ollama.HostFromEnv()}
	}
	a.Preferences().SetStringList(prefServers, lines)
}

// Hosts returns the addresses of the configured servers, Ollama and OpenAI-compatible.
func Hosts(a fyne.App) []string {
	list := servers(a)
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = s.url
	}
	return out
}

// hostParallel returns, for the scheduler, how many variants of one model each server of list
// writes at once: its own setting, else def. The list is a copy: the scheduler calls it from
// its own goroutines.
func hostParallel(list []server, def int) func(engine, host string) int {
	return func(engine, host string) int {
		for _, s := range list {
			if s.kind == engine && s.url == host && s.parallel > 0 {
				return s.parallel
			}
		}
		return def
	}
}
