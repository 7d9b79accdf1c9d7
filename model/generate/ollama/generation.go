package ollama

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/rapporteur/rapporteur/model/generate"
)

// maxRounds bounds how many times a source is condensed before the final pass: a source that
// still does not fit after that is CodeContextTooLong.
const maxRounds = 3

// generation is the state of one Generate call.
type generation struct {
	e        *Engine
	req      generate.Request
	progress generate.ProgressFunc
	started  time.Time
	res      generate.Result

	c    *Client
	info ModelInfo
}

// run does the work of Generate: look the model up, then one pass, a retry with a larger
// context, or the chunked passes.
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
		return cancelled(ctx, err)
	}
	fit := g.e.PlanContext(g.req, g.info.ContextLength)
	forced := g.req.Spec.Options.NumCtx > 0
	if forced {
		return g.single(ctx, fit.NumCtx, true)
	}
	if fit.Fits {
		err = g.single(ctx, fit.NumCtx, false)
		if !codeIs(err, generate.CodeContextTooLong) {
			return err
		}
		if fit.NumCtx < fit.ModelContext {
			err = g.single(ctx, fit.ModelContext, false)
			if !codeIs(err, generate.CodeContextTooLong) {
				return err
			}
		}
	}
	return g.chunked(ctx, fit.ModelContext)
}

// single runs the preset on the whole source in one pass.
func (g *generation) single(ctx context.Context, numCtx int, truncate bool) error {
	msgs := Messages(g.req)
	r, err := g.e.chat(ctx, g.c, g.info, g.req.Spec, pass{msgs: msgs, numCtx: numCtx, truncate: truncate, onDelta: g.emit})
	g.res.Text = r.text
	g.account(r, numCtx, promptTokens(msgs))
	return err
}

// chunked condenses the source piece by piece until it fits modelContext with the preset, then
// runs the preset on the condensed text.
func (g *generation) chunked(ctx context.Context, modelContext int) error {
	text := g.req.Source.Body
	reserve := min(g.e.opts.ExpectedOutputTokens(g.req), modelContext/3)
	if np := g.req.Spec.Options.NumPredict; np > 0 {
		reserve = min(np, modelContext/3)
	}
	for round := 0; g.finalPrompt(text)+reserve > modelContext; round++ {
		if round == maxRounds {
			return &generate.Error{Code: generate.CodeContextTooLong,
				Err: errors.New("the source does not fit the model's context even condensed")}
		}
		pieces, err := splitText(g.req, text, modelContext)
		if err != nil {
			return err
		}
		share := max(minCondenseOut, (modelContext-g.finalPrompt("")-reserve)/len(pieces))
		if text, err = g.condense(ctx, pieces, modelContext, share); err != nil {
			return err
		}
	}
	req := g.req
	req.Source.Body = text
	msgs := Messages(req)
	r, err := g.e.chat(ctx, g.c, g.info, g.req.Spec, pass{msgs: msgs, numCtx: modelContext, onDelta: g.emit})
	g.res.Text = r.text
	g.account(r, modelContext, promptTokens(msgs))
	return err
}

// finalPrompt estimates the preset's prompt with body as the source.
func (g *generation) finalPrompt(body string) int {
	req := g.req
	req.Source.Body = body
	return promptTokens(Messages(req))
}

// condense runs the condensing instruction on each piece, each answer at most share tokens,
// and returns the answers joined. Their text is not the variant's and is not reported.
func (g *generation) condense(ctx context.Context, pieces []string, numCtx, share int) (string, error) {
	out := make([]string, 0, len(pieces))
	for i, piece := range pieces {
		g.progress(generate.Progress{Stage: generate.StageChunking, Fraction: float64(i) / float64(len(pieces))})
		msgs := condenseMessages(g.req, piece, i+1, len(pieces))
		est := promptTokens(msgs)
		np := max(minCondenseOut, min(share, numCtx-est))
		r, err := g.e.chat(ctx, g.c, g.info, g.req.Spec, pass{msgs: msgs, numCtx: numCtx, numPredict: np})
		g.account(r, numCtx, est)
		if err != nil {
			return "", err
		}
		g.res.Stats.Chunks++
		out = append(out, strings.TrimSpace(r.text))
	}
	g.progress(generate.Progress{Stage: generate.StageChunking, Fraction: 1})
	return strings.Join(out, "\n\n"), nil
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

// account adds a pass's measurements to the stats; counts and durations add up over passes.
func (g *generation) account(r passResult, numCtx, estimate int) {
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
	s.NumCtx = numCtx
	if f.Done {
		s.DoneReason = f.DoneReason
		s.SourceTruncated = s.SourceTruncated || truncated(f.PromptEvalCount, numCtx, estimate)
	}
}

// cancelled returns a CodeCancelled error when ctx is done, err otherwise.
func cancelled(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return &generate.Error{Code: generate.CodeCancelled, Err: ctx.Err()}
	}
	return err
}
