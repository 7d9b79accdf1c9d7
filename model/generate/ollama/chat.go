package ollama

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/ollama/ollama/api"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/internal/wire"
)

// errNotOllamaChunk is returned when a stream line has none of the fields Ollama always sends.
var errNotOllamaChunk = errors.New("a stream line has no model nor created_at: the host is not Ollama")

// errOutputCap stops a stream whose text passed the engine's MaxOutput.
var errOutputCap = errors.New("the answer passed the most a variant may hold")

// maxStreamBytes bounds the bytes of one streamed answer, whatever its lines carry: a real
// answer of 200,000 characters takes about 6 MB of NDJSON.
const maxStreamBytes = 256 << 20

// pass is one /api/chat request of a generation: the single pass, a chunk pass or the final one.
type pass struct {
	msgs       []api.Message
	numCtx     int
	numPredict int  // 0: Spec.Options.NumPredict
	truncate   bool // let Ollama cut the prompt (only when the user fixed num_ctx)
	// onDelta receives each piece of text with the number of chunks so far; nil for chunk passes.
	onDelta func(delta string, chunks int)
}

// passResult is what one /api/chat stream gave.
type passResult struct {
	text  string
	final api.ChatResponse // the done:true line; zero when the stream did not finish
	first time.Time        // when the first line arrived
}

// chat streams one pass from c. Text arriving after ctx is done is dropped. On failure the
// result holds the text received so far and the error is typed.
func (e *Engine) chat(ctx context.Context, c *Client, info ModelInfo, spec model.Spec, p pass) (passResult, error) {
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w := wire.NewWatchdog(e.opts.LoadTimeout, e.opts.StallTimeout, cancel)
	defer w.Stop()

	var (
		mu     sync.Mutex
		text   strings.Builder
		res    passResult
		count  int
		chars  int // characters of text
		capped bool
	)
	err := c.long.Chat(rctx, chatRequest(info, spec, p), func(r api.ChatResponse) error {
		mu.Lock()
		defer mu.Unlock()
		if err := rctx.Err(); err != nil {
			return err
		}
		w.Kick()
		if res.first.IsZero() {
			res.first = time.Now()
		}
		if !r.Done && r.Model == "" && r.CreatedAt.IsZero() {
			return errNotOllamaChunk
		}
		if r.Done {
			res.final = sane(r)
		}
		if r.Message.Content != "" {
			delta, ok := fitCap(r.Message.Content, chars, e.opts.MaxOutput)
			count++
			chars += utf8.RuneCountInString(delta)
			text.WriteString(delta)
			if p.onDelta != nil && delta != "" {
				p.onDelta(delta, count)
			}
			if !ok {
				capped = true
				return errOutputCap
			}
		}
		return nil
	})
	mu.Lock()
	defer mu.Unlock()
	res.text = text.String()
	if capped {
		return res, &generate.Error{Code: generate.CodeOutputCap,
			Err: fmt.Errorf("cut at %d characters, the most a variant may hold", chars)}
	}
	return res, passError(ctx, err, w, res, e.opts)
}

// fitCap returns the part of delta that keeps a text of have characters within limit
// characters, and whether all of it fits.
func fitCap(delta string, have, limit int) (string, bool) {
	room := limit - have
	if len(delta) <= room || utf8.RuneCountInString(delta) <= room {
		return delta, true
	}
	cut := 0
	for range max(0, room) {
		_, size := utf8.DecodeRuneInString(delta[cut:])
		cut += size
	}
	return delta[:cut], false
}

// passError types the end of a stream: stalled, cancelled, failed, cut, or empty.
func passError(ctx context.Context, err error, w *wire.Watchdog, res passResult, o Options) error {
	switch {
	case w.Stalled():
		wait := o.StallTimeout
		if res.first.IsZero() {
			wait = o.LoadTimeout
		}
		return &generate.Error{Code: generate.CodeStalled, Err: fmt.Errorf("no answer for %s: %s", wait, stallMessage)}
	case ctx.Err() != nil:
		return generate.Interrupted(ctx, ctx.Err())
	case err != nil:
		return classify(err)
	case !res.final.Done:
		return &generate.Error{Code: generate.CodeStreamCut,
			Err: errors.New("the stream ended before Ollama said it was done (connection lost or Ollama stopped)")}
	case strings.TrimSpace(res.text) == "":
		return &generate.Error{Code: generate.CodeEmptyOutput,
			Err: fmt.Errorf("the model finished (%s) without writing any text", res.final.DoneReason)}
	}
	return nil
}

// chatRequest builds the /api/chat request of a pass.
func chatRequest(info ModelInfo, spec model.Spec, p pass) *api.ChatRequest {
	stream := true
	req := &api.ChatRequest{
		Model:    spec.Model,
		Messages: p.msgs,
		Stream:   &stream,
		Options:  chatOptions(spec.Options, p),
	}
	if !p.truncate {
		f := false
		req.Truncate = &f
	}
	if info.Thinking() { // sent only to models that have the mode: the others answer 400
		req.Think = &api.ThinkValue{Value: spec.Options.Think}
	}
	return req
}

// chatOptions maps a Spec's options to Ollama's, num_ctx always included.
func chatOptions(o model.Options, p pass) map[string]any {
	opts := map[string]any{"num_ctx": p.numCtx}
	if o.Temperature != nil {
		opts["temperature"] = *o.Temperature
	}
	if o.Seed != nil {
		opts["seed"] = *o.Seed
	}
	if o.TopP != nil {
		opts["top_p"] = *o.TopP
	}
	if np := p.numPredict; np > 0 {
		opts["num_predict"] = np
	} else if o.NumPredict > 0 {
		opts["num_predict"] = o.NumPredict
	}
	return opts
}

// Bounds on a stream's final measurements: a host's counts and durations beyond them (negative,
// 2^62) are not believed and count as unknown (0).
const (
	maxCount    = 1 << 31
	maxDuration = 48 * time.Hour
)

// sane returns the final line r with its counts and durations within bounds.
func sane(r api.ChatResponse) api.ChatResponse {
	count := func(n int) int {
		if n < 0 || n > maxCount {
			return 0
		}
		return n
	}
	dur := func(d time.Duration) time.Duration {
		if d < 0 || d > maxDuration {
			return 0
		}
		return d
	}
	m := &r.Metrics
	m.PromptEvalCount, m.EvalCount = count(m.PromptEvalCount), count(m.EvalCount)
	m.TotalDuration, m.LoadDuration = dur(m.TotalDuration), dur(m.LoadDuration)
	m.PromptEvalDuration, m.EvalDuration = dur(m.PromptEvalDuration), dur(m.EvalDuration)
	return r
}
