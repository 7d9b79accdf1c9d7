package ollama

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// maxRounds bounds how many times a source is condensed before the final pass: a source that
// still does not fit after that is CodeContextTooLong.
const maxRounds = 3

// maxSingleTries bounds the one-pass requests Ollama may refuse as too long before the source
// is read in parts.
const maxSingleTries = 3

// generation is the state of one Generate call.
type generation struct {
	e        *Engine
	req      generate.Request
	progress generate.ProgressFunc
	started  time.Time
	res      generate.Result

	c    *Client
	info ModelInfo
	cnt  tokenCounter
	key  string // the key of cnt's ratio
}

// run does the work of Generate: look the model up, then one pass, or the chunked passes when
// the source does not fit; a pass Ollama finds too long teaches the engine and is planned again.
func (g *generation) run(ctx context.Context) error {
	if strings.TrimSpace(g.req.Source.Body) == "" {
		return &generate.Error{Code: generate.CodeEmptySource, Err: errors.New("the source has no text")}
	}
	g.progress(generate.Progress{Stage: generate.StageLoading, Fraction: -1})
	var err error
	if g.c, err = g.e.Client(g.req.Spec.Host); err != nil {
		return err
	}
	if g.info, err = g.c.Show(ctx, g.req.Spec.Model); err != nil {
		return generate.Interrupted(ctx, err)
	}
	record(&g.res.Stats, g.info)
	if err := g.place(ctx); err != nil {
		return err
	}
	g.cnt = g.e.counter(ctx, g.c, g.info)
	g.key = ratioKey(g.cnt.Exact(), g.info, g.c.Host())
	fit := g.e.plan(g.cnt, g.req, g.info)
	g.res.Stats.ModelContext = fit.ModelContext
	if g.req.Spec.Options.NumCtx > 0 {
		return g.single(ctx, fit.NumCtx, true)
	}
	if fit.Fits {
		window := g.window(fit)
		for attempt := 1; ; attempt++ {
			before := g.cnt.ratio
			if err = g.single(ctx, window, false); !codeIs(err, generate.CodeContextTooLong) {
				return err
			}
			// The count was short. The ratio learned the least the server counted; plan again,
			// at least doubling the window, so that a count off by several times (a model whose
			// vocabulary is unknown) costs two or three tries, not one per 1,024 tokens; and
			// grow the group's window as the ratio grew, so that the group's other variants
			// fit in the new window too.
			fit = g.e.plan(g.cnt, g.req, g.info)
			if !fit.Fits || window >= fit.ModelContext || attempt == maxSingleTries {
				break
			}
			group := roundUp(int(math.Ceil(float64(max(window, g.req.Window))*ratioOr1(g.cnt.ratio)/ratioOr1(before))), ctxStep)
			window = min(max(fit.NumCtx, 2*window, group), fit.ModelContext)
		}
	}
	return g.chunked(ctx, fit.ModelContext)
}

// place records where the variant is written and refuses, before anything is sent, a model
// that would take the report outside this computer and its network without the user's leave.
func (g *generation) place(ctx context.Context) error {
	where, name := g.c.Locate(ctx, g.info)
	if where == model.PlaceRemote && !g.e.remoteAllowed(g.c.Host(), g.info.Name) {
		return &generate.Error{Code: generate.CodeRemoteRefused,
			Err: fmt.Errorf("%s would send the report to %s, outside this computer and its network, and was not allowed to", g.info.Name, name)}
	}
	g.res.Stats.Where, g.res.Stats.WhereHost = where, name
	if where == model.PlaceThisComputer {
		g.res.Stats.WhereHost = ""
	}
	return nil
}

// ratioOr1 is a counter's ratio, 0 meaning 1.
func ratioOr1(r float64) float64 {
	if r <= 0 {
		return 1
	}
	return r
}

// window is the num_ctx of a single pass planned as fit: the window the model was last sent
// with by this engine (it is loaded so), or else the window agreed for the request's group,
// when it is large enough and within the model's context; otherwise the plan's own. A model
// whose count turned out short thus keeps the larger window its first variant needed, instead
// of being reloaded by each of the others.
func (g *generation) window(fit Fit) int {
	for _, w := range []int{g.e.windows.get(g.c.Host(), g.info), g.req.Window} {
		if w >= fit.NumCtx && w <= fit.ModelContext {
			return w
		}
	}
	return fit.NumCtx
}

// single runs the preset on the whole source in one pass.
func (g *generation) single(ctx context.Context, numCtx int, truncate bool) error {
	r, err := g.send(ctx, pass{msgs: Messages(g.req), numCtx: numCtx, truncate: truncate, onDelta: g.emit})
	g.res.Text = r.text
	return err
}

// chunked condenses the source piece by piece until it fits modelContext with the preset, then
// runs the preset on the condensed text. A final pass Ollama finds too long is condensed again.
func (g *generation) chunked(ctx context.Context, modelContext int) error {
	if need := g.finalPrompt("") + g.reserve(modelContext); need > modelContext {
		return tooLong(need, modelContext) // the instructions alone leave no room
	}
	text := g.req.Source.Body
	for round := 0; ; round++ {
		if need := g.finalPrompt(text) + g.reserve(modelContext); need <= modelContext {
			req := g.req
			req.Source.Body = text
			r, err := g.send(ctx, pass{msgs: Messages(req), numCtx: modelContext, onDelta: g.emit})
			g.res.Text = r.text
			switch {
			case !codeIs(err, generate.CodeContextTooLong):
				return err
			case round == maxRounds:
				return tooLong(max(need, modelContext+1), modelContext)
			}
		} else if round == maxRounds {
			return tooLong(need, modelContext)
		}
		pieces, err := splitText(g.cnt, g.req, text, modelContext)
		if err != nil {
			return err
		}
		share := max(minCondenseOut, (modelContext-g.finalPrompt("")-g.reserve(modelContext))/len(pieces))
		if text, err = g.condense(ctx, pieces, modelContext, share); err != nil {
			return err
		}
	}
}

// reserve is the room the final pass keeps for the variant: its expected output, at most a
// third of the context.
func (g *generation) reserve(modelContext int) int {
	if np := g.req.Spec.Options.NumPredict; np > 0 {
		return min(np, modelContext/3)
	}
	return min(outputTokens(g.cnt, g.req.Source.Body, g.e.opts.ExpectedOutputTokens(g.req)), modelContext/3)
}

// finalPrompt counts the preset's prompt with body as the source.
func (g *generation) finalPrompt(body string) int {
	req := g.req
	req.Source.Body = body
	return g.cnt.Prompt(Messages(req))
}

// condense runs the condensing instruction on each piece, each answer at most share tokens,
// and returns the answers joined (see generate.CondenseRound). Their text is not the
// variant's and is not reported.
func (g *generation) condense(ctx context.Context, pieces []string, numCtx, share int) (string, error) {
	round := generate.CondenseRound{
		Pass: func(ctx context.Context, piece string, i, n int) (string, error) {
			msgs := condenseMessages(g.req, piece, i, n)
			np := max(minCondenseOut, min(share, numCtx-g.cnt.Prompt(msgs)))
			r, err := g.send(ctx, pass{msgs: msgs, numCtx: numCtx, numPredict: np})
			return r.text, err
		},
		Halve: func(piece string) (string, string, bool) { return halve(g.cnt, g.req, piece) },
		Unsplittable: func(piece string, i, n int) error {
			return tooLong(max(numCtx+1, g.cnt.Prompt(condenseMessages(g.req, piece, i, n))+minCondenseOut), numCtx)
		},
		Progress: g.progress,
	}
	text, done, err := round.Run(ctx, pieces)
	g.res.Stats.Chunks += done
	return text, err
}

// send runs one pass, adds its measurements to the stats and learns from the server's count:
// the prompt_eval_count of a pass that read the whole prompt, or the least a 400 "exceeds the
// context length" proves.
func (g *generation) send(ctx context.Context, p pass) (passResult, error) {
	raw, count := g.cnt.rawPrompt(p.msgs), g.cnt.Prompt(p.msgs)
	r, err := g.e.chat(ctx, g.c, g.info, g.req.Spec, p)
	g.account(r, p)
	f := r.final
	switch {
	case codeIs(err, generate.CodeContextTooLong):
		g.e.ratios.AtLeast(ctx, g.key, raw, p.numCtx)
	case f.Done && !(p.truncate && truncated(f.PromptEvalCount, p.numCtx, count)):
		g.e.ratios.Observe(ctx, g.key, raw, f.PromptEvalCount)
	default:
		return r, err
	}
	g.e.windows.set(g.c.Host(), g.info, p.numCtx) // Ollama loaded the model so, even to refuse
	g.cnt.ratio = g.e.ratios.Get(ctx, g.key)
	return r, err
}

// emit reports a piece of the variant's text.
func (g *generation) emit(delta string, chunks int) {
	if chunks == 1 {
		g.res.Stats.FirstToken = time.Since(g.started)
	}
	frac := -1.0
	if np := g.req.Spec.Options.NumPredict; np > 0 {
		frac = min(1, float64(chunks)/float64(np))
	}
	g.progress(generate.Progress{Stage: generate.StageWriting, Delta: delta, Fraction: frac})
}

// account adds a pass's measurements to the stats; counts and durations add up over passes. A
// pass that let Ollama cut the prompt (the user fixed num_ctx) is flagged truncated when its
// count shows it; the others are refused rather than cut (truncate:false).
func (g *generation) account(r passResult, p pass) {
	f := r.final
	s := &g.res.Stats
	s.Load += f.LoadDuration
	s.PromptEval += f.PromptEvalDuration
	s.Eval += f.EvalDuration
	s.PromptTokens += f.PromptEvalCount
	s.OutputTokens += f.EvalCount
	if s.Eval > 0 {
		s.TokensPerSecond = float64(s.OutputTokens) / s.Eval.Seconds()
	}
	s.NumCtx = p.numCtx
	if f.Done {
		s.DoneReason = f.DoneReason
		s.SourceTruncated = s.SourceTruncated || p.truncate && truncated(f.PromptEvalCount, p.numCtx, g.cnt.Prompt(p.msgs))
	}
}

// noteTooLong records, when err says a passage cannot fit, how many tokens it needed.
func (g *generation) noteTooLong(err error) {
	var tl *TooLongError
	if errors.As(err, &tl) {
		g.res.Stats.ContextNeeded, g.res.Stats.ModelContext = tl.Need, tl.Context
	}
}
