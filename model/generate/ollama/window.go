package ollama

import (
	"context"
	"sync"

	"github.com/rapporteur/rapporteur/model/generate"
)

// PlanWindow returns the num_ctx every request of reqs should be sent with, so that their model
// is loaded once: Ollama reloads a model whenever num_ctx changes. It is the largest window
// any of them needs (the model's whole context when one of them must be read in parts), or
// the window the model is already loaded with on its host when that is large enough and no
// larger than the model's context. All of reqs name the same host and model; requests whose
// num_ctx the user fixed keep it. It returns 0 when nothing can be planned (the host does not
// answer): each request then plans its own. PlanWindow implements generate.WindowPlanner.
func (e *Engine) PlanWindow(ctx context.Context, reqs []generate.Request) int {
	if len(reqs) == 0 {
		return 0
	}
	c, err := e.Client(reqs[0].Spec.Host)
	if err != nil {
		return 0
	}
	info, err := c.Show(ctx, reqs[0].Spec.Model)
	if err != nil {
		return 0
	}
	cnt := e.counter(ctx, c, info)
	window, modelContext := 0, 0
	for _, r := range reqs {
		if r.Spec.Options.NumCtx > 0 {
			continue
		}
		f := e.plan(cnt, r, info)
		window, modelContext = max(window, f.NumCtx), f.ModelContext
	}
	if window == 0 {
		return 0
	}
	if loaded := c.loadedContext(ctx, info); loaded >= window && loaded <= modelContext {
		return loaded
	}
	return window
}

// loadedContext returns the context the model of info is loaded with on the host (/api/ps),
// 0 when it is not loaded or the host does not say.
func (c *Client) loadedContext(ctx context.Context, info ModelInfo) int {
	ps, err := c.quick.ListRunning(ctx)
	if err != nil {
		return 0
	}
	for _, m := range ps.Models {
		if (info.Digest != "" && m.Digest == info.Digest) || (info.Digest == "" && generate.SameModelName(m.Name, info.Name)) {
			return max(0, m.ContextLength)
		}
	}
	return 0
}

// windows remembers the num_ctx the engine last sent each model on each host: Ollama holds the
// model loaded with it, so a later request that fits in it is sent with it too. Safe for
// concurrent use.
type windows struct {
	mu sync.Mutex
	m  map[string]int
}

func windowKey(host string, info ModelInfo) string {
	if info.Digest != "" {
		return host + "|" + info.Digest
	}
	return host + "|" + info.Name
}

// get returns the window last sent to the model of info on host, 0 when none.
func (w *windows) get(host string, info ModelInfo) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.m[windowKey(host, info)]
}

// set records that the model of info on host was just sent num_ctx n.
func (w *windows) set(host string, info ModelInfo, n int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.m == nil {
		w.m = map[string]int{}
	}
	w.m[windowKey(host, info)] = n
}
