package openai

import (
	"context"
	"errors"
	"time"

	"github.com/rapporteur/rapporteur/model/generate"
)

// condense runs the condensing instruction on each piece, each answer at most share tokens,
// and returns the answers joined (see generate.CondenseRound). Their text is not the
// variant's and is not reported.
func (g *generation) condense(ctx context.Context, pieces []string, modelContext, share int) (string, error) {
	round := generate.CondenseRound{
		Pass: func(ctx context.Context, piece string, i, n int) (string, error) {
			msgs := generate.CondenseMessages(g.req, piece, i, n)
			np := max(generate.MinCondenseOut, min(share, modelContext-g.cnt.Prompt(msgs)))
			r, err := g.send(ctx, pass{msgs: msgs, maxTokens: np}, modelContext, false)
			return r.text, err
		},
		Halve: func(piece string) (string, string, bool) {
			return generate.Halve(g.cnt.Text, generate.PromptLanguage(g.req), piece)
		},
		Unsplittable: func(piece string, i, n int) error {
			msgs := generate.CondenseMessages(g.req, piece, i, n)
			return generate.TooLong(max(modelContext+1, g.cnt.Prompt(msgs)+generate.MinCondenseOut), modelContext)
		},
		Progress: g.progress,
	}
	text, done, err := round.Run(ctx, pieces)
	g.res.Stats.Chunks += done
	return text, err
}

// send runs one pass, adds its measurements to the stats and learns from the server's count:
// usage.prompt_tokens, or what a "too long" refusal says. final is true for a pass that writes
// the variant (the single or the final pass), whose finish reason is the variant's.
func (g *generation) send(ctx context.Context, p pass, modelContext int, final bool) (passResult, error) {
	raw := rawPrompt(p.msgs)
	r, err := g.e.chat(ctx, g.c, g.req.Spec, p)
	var se *statusError
	switch {
	case codeIs(err, generate.CodeContextTooLong) && errors.As(err, &se):
		g.c.learn(g.info.Name, se.nCtx)
		if se.nPrompt > 0 {
			g.e.ratios.Observe(ctx, g.key, raw, se.nPrompt)
		} else if n := g.c.contextOf(g.info.Name); n > 0 {
			g.e.ratios.AtLeast(ctx, g.key, raw, n)
		}
	case r.hasUsage && modelContext > 0 && r.prompt >= modelContext:
		// The server read no more than its context: it cut the prompt without a word (Ollama's
		// /v1 does), so the model did not see the whole source. The count proves the prompt is
		// at least that long.
		g.res.Stats.SourceTruncated = true
		g.e.ratios.AtLeast(ctx, g.key, raw, modelContext-1)
	case r.hasUsage:
		g.e.ratios.Observe(ctx, g.key, raw, r.prompt)
	}
	g.cnt.ratio = g.e.ratios.Get(ctx, g.key)
	g.account(r, final)
	return r, err
}

// account adds a pass's measurements to the stats; counts add up over passes. Without usage
// (a server that ignores stream_options) the output is counted in pieces of text, about a
// token each, and the prompt left at 0: it is not invented.
func (g *generation) account(r passResult, final bool) {
	s := &g.res.Stats
	if r.hasUsage {
		s.PromptTokens += r.prompt
		s.OutputTokens += r.output
	} else {
		s.OutputTokens += r.chunks
	}
	if !r.first.IsZero() {
		g.writing += r.last.Sub(r.first)
	}
	if final && r.finish != "" {
		s.DoneReason = r.finish
	}
	if n := g.info.ContextLength; n > 0 && s.ModelContext == 0 {
		s.ModelContext, s.NumCtx = n, n
	}
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

// noteTooLong records, when err says a passage cannot fit, how many tokens it needed.
func (g *generation) noteTooLong(err error) {
	var tl *generate.TooLongError
	if errors.As(err, &tl) {
		g.res.Stats.ContextNeeded, g.res.Stats.ModelContext = tl.Need, tl.Context
	}
}
