package ollama

import (
	"context"
	"sync"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// Default timeouts of the stall watchdog.
const (
	DefaultStallTimeout = 60 * time.Second
	DefaultLoadTimeout  = 10 * time.Minute
)

// Options tune an Engine. The zero value gives the defaults.
type Options struct {
	// StallTimeout is how long the engine waits for the next line of a stream once the first
	// one came (the model is loaded) before it gives up with CodeStalled; default 60 s.
	StallTimeout time.Duration
	// LoadTimeout is how long it waits for the first line, which comes after the model is
	// loaded and the prompt read; default 10 min.
	LoadTimeout time.Duration
	// ExpectedOutputTokens estimates the output a request needs, to size num_ctx; default
	// DefaultExpectedOutput.
	ExpectedOutputTokens func(req generate.Request) int
	// Ratios keeps what the engine learns of each model's token counts across sessions (the
	// workspace); nil keeps it in memory only.
	Ratios RatioStore
	// AllowRemote says whether the model name on host may be used although it takes the
	// report outside this computer and its network (see Client.Locate); nil allows none, so
	// that such a model is never used by default.
	AllowRemote func(host, name string) bool
	// MaxOutput is the most text, in characters, a variant may hold: a stream that goes past
	// it is stopped (CodeOutputCap), its text kept up to it; default DefaultMaxOutput.
	MaxOutput int
}

// DefaultMaxOutput is the most text a variant may hold by default: 2,000,000 characters, some
// 300,000 words, far beyond any report, and a bound on a host that never stops writing.
const DefaultMaxOutput = 2_000_000

// remoteAllowed applies Options.AllowRemote.
func (e *Engine) remoteAllowed(host, name string) bool {
	return e.opts.AllowRemote != nil && e.opts.AllowRemote(host, name)
}

// Engine writes variants with Ollama. It is safe for concurrent use; the Scheduler decides how
// many generations run at once.
type Engine struct {
	opts       Options
	tokenizers tokenizers
	ratios     generate.Ratios
	windows    windows

	mu      sync.Mutex
	clients map[string]*Client
}

// NewEngine returns an Ollama engine with opts, defaults filled in.
func NewEngine(opts Options) *Engine {
	if opts.StallTimeout <= 0 {
		opts.StallTimeout = DefaultStallTimeout
	}
	if opts.LoadTimeout <= 0 {
		opts.LoadTimeout = DefaultLoadTimeout
	}
	if opts.ExpectedOutputTokens == nil {
		opts.ExpectedOutputTokens = DefaultExpectedOutput
	}
	if opts.MaxOutput <= 0 {
		opts.MaxOutput = DefaultMaxOutput
	}
	return &Engine{opts: opts, ratios: generate.Ratios{Store: opts.Ratios}, clients: map[string]*Client{}}
}

// Name returns model.EngineOllama.
func (e *Engine) Name() string { return model.EngineOllama }

// Client returns the engine's client for host (empty: HostFromEnv), created on first use and
// kept, so model details asked once are not asked again.
func (e *Engine) Client(host string) (*Client, error) {
	if host == "" {
		host = HostFromEnv()
	}
	h, err := NormalizeHost(host)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if c, ok := e.clients[h]; ok {
		return c, nil
	}
	c, err := NewClient(h)
	if err != nil {
		return nil, err
	}
	e.clients[h] = c
	return c, nil
}

// SystemPrompt returns the system message Generate sends for req: the preset's instructions
// in the report's language, variables filled in (see Messages). It makes Engine a
// generate.Prompter, so each variant records the exact instructions it was given.
func (e *Engine) SystemPrompt(req generate.Request) string { return Messages(req)[0].Content }

// Plan tells how req will fit its model's context, as Generate will plan it: the model's
// details and tokenizer are asked of the host (once per model; later calls are answered from
// memory), the prompt counted with the model's own tokenizer when the host gives it, corrected
// by what the server reported before for this model. The error is the host's, typed as
// Generate's are.
func (e *Engine) Plan(ctx context.Context, req generate.Request) (Fit, error) {
	return e.planWith(ctx, req, true)
}

// PlanKnown is Plan without fetching a vocabulary the engine does not hold yet: the count is
// then estimated (Fit.Exact is false), for a model that is only looked at, not used.
func (e *Engine) PlanKnown(ctx context.Context, req generate.Request) (Fit, error) {
	return e.planWith(ctx, req, false)
}

func (e *Engine) planWith(ctx context.Context, req generate.Request, fetch bool) (Fit, error) {
	c, err := e.Client(req.Spec.Host)
	if err != nil {
		return Fit{}, err
	}
	info, err := c.Show(ctx, req.Spec.Model)
	if err != nil {
		return Fit{}, generate.Interrupted(ctx, err)
	}
	return e.plan(e.countWith(ctx, c, info, fetch), req, info), nil
}

// plan is plan with the engine's expected output, converted to the counter's tokens.
func (e *Engine) plan(cnt tokenCounter, req generate.Request, info ModelInfo) Fit {
	return plan(cnt, req, info.ContextLength, outputTokens(cnt, req.Source.Body, e.opts.ExpectedOutputTokens(req)))
}

// counter returns the tokenCounter of a model: its tokenizer when the host gives it, the ratio
// learned for it.
func (e *Engine) counter(ctx context.Context, c *Client, info ModelInfo) tokenCounter {
	return e.countWith(ctx, c, info, true)
}

func (e *Engine) countWith(ctx context.Context, c *Client, info ModelInfo, fetch bool) tokenCounter {
	mt := e.tokenizers.get(ctx, c, info, fetch)
	return tokenCounter{mt: mt, ratio: e.ratios.Get(ctx, ratioKey(mt != nil, info, c.Host()))}
}

// Generate writes one variant with the model req.Spec.Model on req.Spec.Host. It reports
// StageLoading until the first token, then StageWriting with each piece of text; a source too
// long for the model is condensed piece by piece first (StageChunking). On failure the Result
// keeps the text written so far and the error is a *generate.Error with one of the codes of
// codes_ollama.go, or CodeCancelled wrapping ctx's error. Output cut by num_predict is not a
// failure: Stats.DoneReason is then "length".
func (e *Engine) Generate(ctx context.Context, req generate.Request, progress generate.ProgressFunc) (generate.Result, error) {
	if progress == nil {
		progress = func(generate.Progress) {}
	}
	g := &generation{e: e, req: req, progress: progress, started: time.Now()}
	g.res.Stats.Started = g.started
	err := g.run(ctx)
	g.noteTooLong(err)
	g.res.Stats.Finished = time.Now()
	g.res.Stats.Total = g.res.Stats.Finished.Sub(g.started)
	g.res.DoneReason = g.res.Stats.DoneReason
	return g.res, err
}
