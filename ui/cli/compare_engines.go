package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/generate/openai"
	"github.com/rapporteur/rapporteur/model/keys"
)

// keyEnv names the environment variable that gives the API key of an OpenAI-compatible server
// to compare, before the keyring; a key is never taken from a flag, which other users of the
// machine could read in the list of processes.
const keyEnv = "RAPPORTEUR_API_KEY"

// poolTimeout bounds the reading of each server's models when a run is spread over several.
var poolTimeout = 30 * time.Second

// checkHosts reads --host, one server or several separated by commas, each normalised for
// the engine. An OpenAI-compatible server has no default address: --host is required.
func checkHosts(e *env, o *compareOptions, hostSet bool) error {
	if o.engine == model.EngineOpenAI && !hostSet {
		fmt.Fprintln(e.stderr, lang.L("--engine openai needs --host, the server's address, e.g. --host http://192.168.1.30:8000/v1."))
		return errUsage
	}
	o.hosts = nil
	for _, h := range splitList(o.host) {
		norm := ollama.NormalizeHost
		if o.engine == model.EngineOpenAI {
			norm = openai.NormalizeHost
		}
		n, err := norm(h)
		if err != nil {
			fmt.Fprintln(e.stderr, errorText(err))
			return errUsage
		}
		o.hosts = append(o.hosts, n)
	}
	if len(o.hosts) == 0 {
		fmt.Fprintln(e.stderr, lang.L("--host is empty."))
		return errUsage
	}
	o.host = o.hosts[0]
	return nil
}

// modelEngine returns the engine that writes with models, as the options ask.
func modelEngine(o compareOptions, ratios ollama.RatioStore) generate.Engine {
	allow := func(string, string) bool { return o.allowRemote }
	if o.engine == model.EngineOpenAI {
		return openai.NewEngine(openai.Options{AllowRemote: allow, Key: apiKeys(), ContextLength: func(string, string) int { return o.context }, Ratios: ratios})
	}
	return ollama.NewEngine(ollama.Options{Ratios: ratios, AllowRemote: allow})
}

// apiKeys returns the key of a server: RAPPORTEUR_API_KEY when set, else the one the
// application keeps for that server in the keyring.
func apiKeys() func(host string) string {
	if k := strings.TrimSpace(os.Getenv(keyEnv)); k != "" {
		return func(string) string { return k }
	}
	path, err := keys.DefaultPath()
	if err != nil {
		return func(string) string { return "" }
	}
	return keys.Open(path).Key
}

// modelLister lists a server's models; *ollama.Client and *openai.Client do.
type modelLister interface {
	Models(ctx context.Context) ([]generate.ModelInfo, error)
}

// spreadPool reads the models of every host of o and returns the scheduler's pool (see
// generate.PoolOf). A single host needs none.
func spreadPool(ctx context.Context, e *env, o compareOptions, engine generate.Engine) generate.Pool {
	if len(o.hosts) < 2 {
		return nil
	}
	var all []generate.HostModel
	for _, h := range o.hosts {
		all = append(all, listModels(ctx, e, engine, h)...)
	}
	return generate.PoolOf(all)
}

// listModels lists the models of host through engine; a host that does not answer is said
// and lists none.
func listModels(ctx context.Context, e *env, engine generate.Engine, host string) []generate.HostModel {
	var c modelLister
	var err error
	switch eng := engine.(type) {
	case *openai.Engine:
		c, err = eng.Client(host)
	case *ollama.Engine:
		c, err = eng.Client(host)
	}
	if err != nil {
		return nil
	}
	lctx, cancel := context.WithTimeout(ctx, poolTimeout)
	models, err := c.Models(lctx)
	cancel()
	if err != nil {
		fmt.Fprintln(e.stderr, lang.L("{{.Host}}: left out of the run — {{.Reason}}", map[string]any{"Host": host, "Reason": strings.TrimSuffix(errorText(err), ".")}))
		return nil
	}
	out := make([]generate.HostModel, 0, len(models))
	for _, m := range models {
		out = append(out, generate.HostModel{Engine: engine.Name(), Host: host, Info: m, Remote: m.Remote()})
	}
	return out
}
