package openai

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	oai "github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/internal/wire"
)

// stallMessage is the explanation a CodeStalled error carries, in English for logs.
const stallMessage = "the server stopped answering; restarting it or trying later may help"

// errNotChunk is returned when a stream event is not a chat completion chunk.
var errNotChunk = errors.New("a stream event has neither choices nor usage: the server is not OpenAI-compatible")

// pass is one /chat/completions request of a generation: the single pass, a chunk pass or the
// final one.
type pass struct {
	msgs      []generate.Message
	maxTokens int // 0: Spec.Options.NumPredict
	// onDelta receives each piece of text with the number of pieces so far; nil for chunk passes.
	onDelta func(delta string, chunks int)
}

// passResult is what one stream gave.
type passResult struct {
	text   string
	finish string // the finish_reason; "" when the stream did not finish
	// prompt and output are usage's counts, hasUsage whether the stream sent them
	prompt, output int
	hasUsage       bool
	events         int       // stream events received
	chunks         int       // pieces of text received
	first, last    time.Time // when the first and last pieces of text came
}

// chat streams one pass from c. Text arriving after ctx is done is dropped. On failure the
// result holds the text received so far and the error is typed, the key scrubbed from it.
func (e *Engine) chat(ctx context.Context, c *Client, spec model.Spec, p pass) (passResult, error) {
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w := wire.NewWatchdog(e.opts.LoadTimeout, e.opts.StallTimeout, cancel)
	defer w.Stop()
	key := c.key()
	opts := c.keyOptions(key)
	if n := max(p.maxTokens, 0); n > 0 || spec.Options.NumPredict > 0 {
		if n == 0 {
			n = spec.Options.NumPredict
		}
		opts = append(opts, option.WithJSONSet("max_tokens", n))
	}
	stream := c.chat.NewStreaming(rctx, chatParams(spec, p.msgs), opts...)
	defer stream.Close()
	var (
		res    passResult
		text   strings.Builder
		chars  int
		capped bool
		err    error
	)
	for err == nil && stream.Next() {
		w.Kick()
		if ctx.Err() != nil {
			break
		}
		res.events++
		var delta string
		delta, capped, err = res.add(stream.Current(), chars, e.opts.MaxOutput)
		if delta != "" {
			text.WriteString(delta)
			chars += utf8.RuneCountInString(delta)
			if p.onDelta != nil {
				p.onDelta(delta, res.chunks)
			}
		}
		if capped {
			break
		}
	}
	if err == nil {
		err = stream.Err()
	}
	res.text = text.String()
	if capped {
		return res, &generate.Error{Code: generate.CodeOutputCap,
			Err: fmt.Errorf("cut at %d characters, the most a variant may hold", chars)}
	}
	return res, scrubError(passError(ctx, err, w, res, e.opts), key)
}

// add takes one chunk: its usage, its finish_reason and its text, the part of the text that
// keeps the variant within limit characters (have so far); capped is true when some was cut.
func (r *passResult) add(ch oai.ChatCompletionChunk, have, limit int) (delta string, capped bool, err error) {
	if !ch.JSON.Choices.Valid() && !ch.JSON.Usage.Valid() {
		return "", false, errNotChunk
	}
	if ch.JSON.Usage.Valid() {
		r.prompt, r.output, r.hasUsage = sane(ch.Usage.PromptTokens), sane(ch.Usage.CompletionTokens), true
	}
	if len(ch.Choices) == 0 {
		return "", false, nil
	}
	choice := ch.Choices[0]
	if choice.FinishReason != "" {
		r.finish = choice.FinishReason
	}
	if choice.Delta.Content == "" {
		return "", false, nil
	}
	r.chunks++
	r.last = time.Now()
	if r.first.IsZero() {
		r.first = r.last
	}
	delta, ok := fitCap(choice.Delta.Content, have, limit)
	return delta, !ok, nil
}

// sane bounds a count a server reports: beyond 2^31, or negative, it is unknown (0).
func sane(n int64) int {
	if n < 0 || n > 1<<31 {
		return 0
	}
	return int(n)
}

// chatParams builds the request of a pass: the messages, usage asked for, and the sampling
// options the user set (nothing else, so that the server's defaults apply).
func chatParams(spec model.Spec, msgs []generate.Message) oai.ChatCompletionNewParams {
	params := oai.ChatCompletionNewParams{
		Model:         spec.Model,
		Messages:      make([]oai.ChatCompletionMessageParamUnion, 0, len(msgs)),
		StreamOptions: oai.ChatCompletionStreamOptionsParam{IncludeUsage: oai.Bool(true)},
	}
	for _, m := range msgs {
		if m.Role == "system" {
			params.Messages = append(params.Messages, oai.SystemMessage(m.Content))
		} else {
			params.Messages = append(params.Messages, oai.UserMessage(m.Content))
		}
	}
	o := spec.Options
	if o.Temperature != nil {
		params.Temperature = oai.Float(*o.Temperature)
	}
	if o.Seed != nil {
		params.Seed = oai.Int(int64(*o.Seed))
	}
	if o.TopP != nil {
		params.TopP = oai.Float(*o.TopP)
	}
	return params
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
		if res.events == 0 {
			wait = o.LoadTimeout
		}
		return &generate.Error{Code: generate.CodeStalled, Err: fmt.Errorf("no answer for %s: %s", wait, stallMessage)}
	case ctx.Err() != nil:
		return generate.Interrupted(ctx, ctx.Err())
	case err != nil:
		return classify(err)
	case res.finish == "":
		return &generate.Error{Code: generate.CodeStreamCut,
			Err: errors.New("the stream ended before the server said why it stopped (connection lost or server stopped)")}
	case strings.TrimSpace(res.text) == "":
		return &generate.Error{Code: generate.CodeEmptyOutput,
			Err: fmt.Errorf("the model finished (%s) without writing any text", res.finish)}
	}
	return nil
}
