package ollama

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ollama/ollama/api"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// errNotOllamaChunk is returned when a stream line has none of the fields Ollama always sends.
var errNotOllamaChunk = errors.New("a stream line has no model nor created_at: the host is not Ollama")

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

// watchdog cancels a request when no line arrives for a while: load before the first line,
// stall after it.
type watchdog struct {
	timer   *time.Timer
	stall   time.Duration
	stalled atomic.Bool
}

func newWatchdog(load, stall time.Duration, cancel context.CancelFunc) *watchdog {
	w := &watchdog{stall: stall}
	w.timer = time.AfterFunc(load, func() {
		w.stalled.Store(true)
		cancel()
	})
	return w
}

// kick postpones the deadline by the stall timeout.
func (w *watchdog) kick() { w.timer.Reset(w.stall) }

func (w *watchdog) stop() { w.timer.Stop() }

// chat streams one pass from c. Text arriving after ctx is done is dropped. On failure the
// result holds the text received so far and the error is typed.
func (e *Engine) chat(ctx context.Context, c *Client, info ModelInfo, spec model.Spec, p pass) (passResult, error) {
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w := newWatchdog(e.opts.LoadTimeout, e.opts.StallTimeout, cancel)
	defer w.stop()

	var (
		mu    sync.Mutex
		text  strings.Builder
		res   passResult
		count int
	)
	err := c.long.Chat(rctx, chatRequest(info, spec, p), func(r api.ChatResponse) error {
		mu.Lock()
		defer mu.Unlock()
		if err := rctx.Err(); err != nil {
			return err
		}
		w.kick()
		if res.first.IsZero() {
			res.first = time.Now()
		}
		if !r.Done && r.Model == "" && r.CreatedAt.IsZero() {
			return errNotOllamaChunk
		}
		if r.Done {
			res.final = r
		}
		if r.Message.Content != "" {
			count++
			text.WriteString(r.Message.Content)
			if p.onDelta != nil {
				p.onDelta(r.Message.Content, count)
			}
		}
		return nil
	})
	mu.Lock()
	defer mu.Unlock()
	res.text = text.String()
	return res, passError(ctx, err, w, res, e.opts)
}

// passError types the end of a stream: stalled, cancelled, failed, cut, or empty.
func passError(ctx context.Context, err error, w *watchdog, res passResult, o Options) error {
	switch {
	case w.stalled.Load():
		wait := o.StallTimeout
		if res.first.IsZero() {
			wait = o.LoadTimeout
		}
		return &generate.Error{Code: generate.CodeStalled, Err: fmt.Errorf("no answer for %s: %s", wait, stallMessage)}
	case ctx.Err() != nil:
		return &generate.Error{Code: generate.CodeCancelled, Err: ctx.Err()}
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
