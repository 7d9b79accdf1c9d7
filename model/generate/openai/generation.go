package openai

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

// maxRounds bounds how many times a source is condensed before the final pass, as the Ollama
// engine does.
const maxRounds = 3

// generation is the state of one Generate call.
type generation struct {
	e        *Engine
	req      generate.Request
	progress generate.ProgressFunc
	started  time.Time
	res      generate.Result
	writing  time.Duration // from the first to the last piece of text, over the passes

	c    *Client
	info generate.ModelInfo
	cnt  counter
	key  string // the key of cnt's ratio
}

// run looks the model up, then writes in one pass when the source fits the model's context
// (or the context is unknown), or by parts when it does not; a pass the server refuses as too
// long teaches the engine the context and is read by parts.
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
	if err := g.place(ctx); err != nil {
		return err
	}
	g.key = ratioKey(g.c.Host(), g.info.Name)
	g.cnt = counter{ratio: g.e.ratios.Get(ctx, g.key)}
	modelContext := g.info.ContextLength
	if modelContext == 0 || g.fits(modelContext) {
		err := g.single(ctx, modelContext)
		if !codeIs(err, generate.CodeContextTooLong) {
			return err
		}
		if modelContext = g.c.contextOf(g.info.Name); modelContext == 0 {
			return err // the server did not say how long a prompt may be: nothing to cut to
		}
	}
	g.res.Text = ""
	return g.chunked(ctx, modelContext)
}

// place records where the variant is written and refuses, before anything is sent, a server
// outside this computer and its network without the user's leave.
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

// fits reports whether the whole prompt and the expected output fit modelContext.
func (g *generation) fits(modelContext int) bool {
	out := g.expectedOutput()
	if np := g.req.Spec.Options.NumPredict; np > 0 {
		out = np
	}
	return g.cnt.Prompt(generate.PromptMessages(g.req))+out <= modelContext
}

// expectedOutput is the output the variant is expected to need, in the server's tokens: the
// estimate scaled by the ratio learned for the model (between 0.5 and 8).
func (g *generation) expectedOutput() int {
	return int(math.Ceil(float64(g.e.opts.ExpectedOutputTokens(g.req)) * math.Max(0.5, math.Min(8, ratioOr1(g.cnt.ratio)))))
}

func ratioOr1(r float64) float64 {
	if r <= 0 {
		return 1
	}
	return r
}

// single runs the preset on the whole source in one pass.
func (g *generation) single(ctx context.Context, modelContext int) error {
	r, err := g.send(ctx, pass{msgs: generate.PromptMessages(g.req), onDelta: g.emit}, modelContext, true)
	g.res.Text = r.text
	return err
}

// chunked condenses the source piece by piece until it fits modelContext with the preset, then
// runs the preset on the condensed text. A final pass the server finds too long is condensed
// again.
func (g *generation) chunked(ctx context.Context, modelContext int) error {
	g.res.Stats.ModelContext, g.res.Stats.NumCtx = modelContext, modelContext
	if need := g.finalPrompt("") + g.reserve(modelContext); need > modelContext {
		return generate.TooLong(need, modelContext) // the instructions alone leave no room
	}
	text := g.req.Source.Body
	for round := 0; ; round++ {
		if need := g.finalPrompt(text) + g.reserve(modelContext); need <= modelContext {
			req := g.req
			req.Source.Body = text
			r, err := g.send(ctx, pass{msgs: generate.PromptMessages(req), onDelta: g.emit}, modelContext, true)
			g.res.Text = r.text
			switch {
			case !codeIs(err, generate.CodeContextTooLong):
				return err
			case round == maxRounds:
				return generate.TooLong(max(need, modelContext+1), modelContext)
			}
		} else if round == maxRounds {
			return generate.TooLong(need, modelContext)
		}
		b, err := generate.NewChunkBudget(g.cnt.Prompt(generate.CondenseMessages(g.req, "", 99, 99)), modelContext)
		if err != nil {
			return err
		}
		pieces, err := generate.SplitText(g.cnt.Text, generate.PromptLanguage(g.req), text, b)
		if err != nil {
			return err
		}
		share := max(generate.MinCondenseOut, (modelContext-g.finalPrompt("")-g.reserve(modelContext))/len(pieces))
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
	return min(g.expectedOutput(), modelContext/3)
}

// finalPrompt counts the preset's prompt with body as the source.
func (g *generation) finalPrompt(body string) int {
	req := g.req
	req.Source.Body = body
	return g.cnt.Prompt(generate.PromptMessages(req))
}
