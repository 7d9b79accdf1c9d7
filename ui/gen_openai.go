package ui

import (
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/rapporteur/rapporteur/model/generate/openai"
	"github.com/rapporteur/rapporteur/model/keys"
	"github.com/rapporteur/rapporteur/model/store"
)

// prefContexts holds the context lengths the user set for models whose OpenAI-compatible
// server does not tell it, one "host model tokens" each.
const prefContexts = "openai-contexts"

// Bounds of a context length the user sets.
const (
	minContextSetting = 512
	maxContextSetting = 1 << 21
)

// newOpenAIEngine returns the OpenAI-compatible engine with the user's settings: the same
// timeouts, cap and remote consent as the Ollama engine, the API keys of ks, the context
// lengths set by hand, and the token counts learned in st.
func newOpenAIEngine(a fyne.App, st *store.Store, ks *keys.Store) *openai.Engine {
	contexts := contextSettings(a)
	return openai.NewEngine(openai.Options{
		StallTimeout:  StallTimeout(a),
		LoadTimeout:   FirstAnswerTimeout(a),
		MaxOutput:     MaxOutput(a),
		AllowRemote:   func(host, name string) bool { return RemoteAllowed(a, host, name) },
		Key:           ks.Key,
		ContextLength: func(host, name string) int { return contexts[host+" "+name] },
		Ratios:        ratioStore(st),
	})
}

// keysFor returns the key store of the application: keys.DefaultPath's file as fallback, or,
// when the user's configuration folder is unknown, a file beside the workspace st.
func keysFor(st *store.Store) *keys.Store {
	if p, err := keys.DefaultPath(); err == nil {
		return keys.Open(p)
	}
	return keysBeside(st)
}

// keysBeside is a key store whose fallback file is beside the workspace st: where the user's
// configuration folder is unknown, and in tests, which must not touch the user's keys.
func keysBeside(st *store.Store) *keys.Store {
	return keys.Open(filepath.Join(filepath.Dir(st.Path()), "api-keys.json"))
}

// contextSettings reads the context lengths set by hand, by "host model".
func contextSettings(a fyne.App) map[string]int {
	out := map[string]int{}
	for _, line := range a.Preferences().StringList(prefContexts) {
		f := strings.Fields(line)
		if len(f) != 3 {
			continue
		}
		if n, err := strconv.Atoi(f[2]); err == nil && n >= minContextSetting && n <= maxContextSetting {
			out[f[0]+" "+f[1]] = n
		}
	}
	return out
}

// contextSetting returns the context length set by hand for name on host, 0 when none.
func contextSetting(a fyne.App, host, name string) int {
	return contextSettings(a)[host+" "+name]
}

// setContextSetting keeps n tokens as the context of name on host; 0 forgets it.
func setContextSetting(a fyne.App, host, name string, n int) {
	var lines []string
	for _, line := range a.Preferences().StringList(prefContexts) {
		if f := strings.Fields(line); len(f) == 3 && f[0] == host && f[1] == name {
			continue
		}
		lines = append(lines, line)
	}
	if n > 0 {
		lines = append(lines, host+" "+name+" "+strconv.Itoa(n))
	}
	a.Preferences().SetStringList(prefContexts, lines)
}
