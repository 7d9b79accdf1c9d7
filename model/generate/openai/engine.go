package openai

import (
	"context"
	"sync"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
)

// Options tune an Engine. The zero value gives the defaults, those of the Ollama engine.
type Options struct {
	// StallTimeout is how long the engine waits for the next piece of a stream once the first
	// came before it gives up with CodeStalled; default 60 s.
	StallTimeout time.Duration
	// LoadTimeout is how long it waits for the first piece, which comes once the model is
	// loaded and the prompt read; default 10 min.
	LoadTimeout time.Duration
	// ExpectedOutputTokens estimates the output a request needs, to tell whether the source
	// fits the model's context; default ollama.DefaultExpectedOutput.
	ExpectedOutputTokens func(req generate.Request) int
	// MaxOutput is the most text, in characters, a variant may hold: a stream that goes past
	// it is stopped (CodeOutputCap), its text kept up to it; default ollama.DefaultMaxOutput.
	MaxOutput int
	// AllowRemote says whether the model name on host may be used although the host is
	// outside this computer and its network (see Client.Locate); nil allows none
	// (CodeRemoteRefused, nothing sent).
	AllowRemote func(host, name string) bool
	// Key returns the API key of a normalised host, "" for none. It is asked for each request
	// and never kept by the engine; the key is sent as a Bearer token to that host only.
	Key func(host string) string
	// ContextLength returns the user's setting of the context length, in tokens, of the model
	// on host, for a server that does not tell it; 0 means unknown.
	ContextLength func(host, model string) int
	// Ratios keeps what the engine learns of each model's token counts across sessions (the
	// workspace); nil keeps it in memory only.
	Ratios generate.RatioStore
}

// Engine writes variants with OpenAI-compatible servers. It is safe for concurrent use; the
// Scheduler decides how many generations run at once.
type Engine struct {
	opts   Options
	ratios generate.Ratios

	mu      sync.Mutex
	clients map[string]*Client
}

// NewEngine returns an OpenAI-compatible engine with opts, defaults filled in.
func NewEngine(opts Options) *Engine {
	if opts.StallTimeout <= 0 {
		opts.StallTimeout = ollama.DefaultStallTimeout
	}
	if opts.LoadTimeout <= 0 {
		opts.LoadTimeout = ollama.DefaultLoadTimeout
	}
	if opts.ExpectedOutputTokens == nil {
		opts.ExpectedOutputTokens = ollama.DefaultExpectedOutput
	}
	if opts.MaxOutput <= 0 {
		opts.MaxOutput = ollama.DefaultMaxOutput
	}
	return &Engine{opts: opts, ratios: generate.Ratios{Store: opts.Ratios}, clients: map[string]*Client{}}
}

// Name returns model.EngineOpenAI.
func (e *Engine) Name() string { return model.EngineOpenAI }

// Client returns the engine's client for host, normalised by NormalizeHost, created on first
// use and kept.
func (e *Engine) Client(host string) (*Client, error) {
	h, err := NormalizeHost(host)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if c, ok := e.clients[h]; ok {
		return c, nil
	}
	c, err := newClient(h, &e.opts)
	if err != nil {
		return nil, err
	}
	e.clients[h] = c
	return c, nil
}

// SystemPrompt returns the system message Generate sends for req, the same as the Ollama
// engine's (generate.PromptMessages). It makes Engine a generate.Prompter.
func (e *Engine) SystemPrompt(req generate.Request) string {
	return generate.PromptMessages(req)[0].Content
}

// remoteAllowed applies Options.AllowRemote.
func (e *Engine) remoteAllowed(host, name string) bool {
	return e.opts.AllowRemote != nil && e.opts.AllowRemote(host, name)
}

// Generate writes one variant with the model req.Spec.Model on the server req.Spec.Host. It
// reports StageLoading until the first piece of text, then StageWriting with each; a source
// too long for the model's context, when the context is known, is condensed piece by piece
// first (StageChunking). On failure the Result keeps the text written so far and the error is
// a *generate.Error with a code of codes_ollama.go, or CodeCancelled wrapping ctx's error.
// Output cut by max_tokens is not a failure: Stats.DoneReason is then "length".
func (e *Engine) Generate(ctx context.Context, req generate.Request, progress generate.ProgressFunc) (generate.Result, error) {
	if progress == nil {
		progress = func(generate.Progress) {}
	}
	g := &generation{e: e, req: req, progress: progress, started: time.Now()}
	g.res.Stats.Started = g.started
	err := g.run(ctx)
	g.noteTooLong(err)
	s := &g.res.Stats
	s.Finished = time.Now()
	s.Total = s.Finished.Sub(g.started)
	if g.writing > 0 {
		s.TokensPerSecond = float64(s.OutputTokens) / g.writing.Seconds()
	}
	g.res.DoneReason = s.DoneReason
	return g.res, err
}

// Plan tells how req will fit its model's context, as Generate will plan it: the prompt and
// the expected output estimated (such a server gives no tokenizer; Fit.Exact is false),
// corrected by what the server reported before for this model, against the context the server
// tells or the user set. A model whose context is unknown fits in one pass as far as Rapporteur
// can tell: Fit.ModelContext is then 0. The error is the server's, typed as Generate's are.
func (e *Engine) Plan(ctx context.Context, req generate.Request) (generate.Fit, error) {
	c, err := e.Client(req.Spec.Host)
	if err != nil {
		return generate.Fit{}, err
	}
	info, err := c.Show(ctx, req.Spec.Model)
	if err != nil {
		return generate.Fit{}, generate.Interrupted(ctx, err)
	}
	g := &generation{e: e, req: req, c: c, info: info}
	g.cnt = counter{ratio: e.ratios.Get(ctx, ratioKey(c.Host(), info.Name))}
	f := generate.Fit{PromptTokens: g.cnt.Prompt(generate.PromptMessages(req)), OutputTokens: g.expectedOutput(),
		ModelContext: info.ContextLength, NumCtx: info.ContextLength}
	if np := req.Spec.Options.NumPredict; np > 0 {
		f.OutputTokens = np
	}
	f.Fits = f.ModelContext == 0 || f.PromptTokens+f.OutputTokens <= f.ModelContext
	if f.Fits {
		return f, nil
	}
	if b, err := generate.NewChunkBudget(g.cnt.Prompt(generate.CondenseMessages(req, "", 99, 99)), f.ModelContext); err == nil {
		if pieces, err := generate.SplitText(g.cnt.Text, generate.PromptLanguage(req), req.Source.Body, b); err == nil {
			f.Chunks = len(pieces)
		}
	}
	return f, nil
}
