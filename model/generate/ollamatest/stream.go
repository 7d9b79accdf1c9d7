package ollamatest

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// inputTooLong is the runner's error when the prompt exceeds num_ctx and
// truncate is false.
const inputTooLong = "the input length exceeds the context length"

// generation is one /api/chat reply being generated.
type generation struct {
	s      *Server
	w      http.ResponseWriter
	r      *http.Request
	req    *ChatRequest
	e      *entry
	run    *runner
	opts   options
	start  time.Time // request received
	loaded time.Time // model ready

	wrote    bool // a stream line was written
	content  strings.Builder
	thinking strings.Builder
}

// serve checks the context length, waits for a slot and writes the reply.
func (g *generation) serve() {
	prompt := promptTokens(g.req.Messages)
	if prompt > g.run.numCtx {
		if g.req.Truncate != nil && !*g.req.Truncate {
			g.fail(http.StatusBadRequest, inputTooLong)
			return
		}
		prompt = g.run.numCtx
	}
	if err := g.s.acquireSlot(g.r.Context(), g.run); err != nil {
		return
	}
	defer g.s.releaseSlot(g.run)
	promptStart := time.Now()
	p := g.plan()
	promptDur := time.Since(promptStart)

	fault, hasFault := faultFrom(g.r.Context())
	after := -1
	if hasFault && fault.Kind != FaultEmpty {
		after = fault.After
	}
	evalStart := time.Now()
	count, reason := g.tokens(p, after)
	if reason == "" { // fault or client gone
		g.endFault(fault)
		return
	}
	final := chatChunk{
		Model: g.req.Model, CreatedAt: now(), Message: outMessage{Role: "assistant"}, Done: true,
		DoneReason: reason, TotalDuration: nanos(time.Since(g.start)), LoadDuration: nanos(g.loaded.Sub(g.start)),
		PromptEvalCount: prompt, PromptEvalDuration: nanos(promptDur),
		EvalCount: count, EvalDuration: nanos(time.Since(evalStart)),
	}
	g.finish(final)
}

// plan prepares the reply's words.
func (g *generation) plan() *plan {
	gen := newTextGen(g.e.canonical, g.req.Messages, int64(g.opts.seed))
	p := &plan{gen: gen, wordsLeft: g.e.Words, endless: g.e.Endless}
	if g.e.has("thinking") && thinkOn(g.e, g.req.Think) {
		p.thinkLeft = max(5, g.e.Words/4)
	}
	if g.e.Reply != "" {
		gen.script = scriptWords(g.e.Reply)
		p.wordsLeft, p.endless, p.thinkLeft = len(gen.script), false, 0
	}
	if f, ok := faultFrom(g.r.Context()); ok && f.Kind == FaultEmpty {
		p.thinkLeft, p.wordsLeft, p.endless = 0, 0, false
	}
	return p
}

// tokens writes tokens until the end, num_predict, a fault (after that many
// tokens, unless negative) or the client going away. It returns the count and
// the done reason, "" when it stopped early.
func (g *generation) tokens(p *plan, after int) (int, string) {
	limit := g.opts.numPredict
	if limit <= 0 {
		limit = unlimited
	}
	g.s.mu.Lock()
	delay := g.s.tokenDelay
	g.s.mu.Unlock()
	ctx := g.r.Context()
	for n := 0; ; n++ {
		if n == after || ctx.Err() != nil {
			return n, ""
		}
		if n == limit {
			return n, "length"
		}
		piece, thinking, ok := p.next()
		if !ok {
			return n, "stop"
		}
		msg := outMessage{Role: "assistant", Content: piece}
		if thinking {
			msg = outMessage{Role: "assistant", Thinking: piece}
		}
		if !g.line(chatChunk{Model: g.req.Model, CreatedAt: now(), Message: msg}) {
			return n, ""
		}
		if delay > 0 {
			t := time.NewTimer(delay)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
			}
		}
	}
}

// line streams a chunk, or gathers it for a stream:false reply; it reports
// false when the client is gone.
func (g *generation) line(c chatChunk) bool {
	if !g.req.streaming() {
		g.content.WriteString(c.Message.Content)
		g.thinking.WriteString(c.Message.Thinking)
		return true
	}
	if !g.wrote {
		g.w.Header().Set("Content-Type", "application/x-ndjson")
		g.wrote = true
	}
	b, _ := json.Marshal(c)
	if _, err := g.w.Write(append(b, '\n')); err != nil {
		return false
	}
	if f, ok := g.w.(http.Flusher); ok {
		f.Flush()
	}
	return true
}

// finish writes the done object: a stream line, or the whole stream:false
// reply.
func (g *generation) finish(final chatChunk) {
	if g.req.streaming() {
		g.line(final)
		return
	}
	final.Message.Content = g.content.String()
	final.Message.Thinking = g.thinking.String()
	writeJSON(g.w, http.StatusOK, final)
}

// fail answers an error the way Ollama's streamResponse does: before any line,
// a status with "application/json" (stream) or the usual JSON content type
// (stream:false); after some lines, an {"error"} line.
func (g *generation) fail(status int, msg string) {
	switch {
	case g.wrote:
		b, _ := json.Marshal(errorBody{msg})
		_, _ = g.w.Write(append(b, '\n'))
	case g.req.streaming():
		g.w.Header().Set("Content-Type", "application/json")
		writeError(g.w, status, msg)
	default:
		writeError(g.w, status, msg)
	}
}

// endFault ends a reply cut short by a fault; without one the client is gone.
func (g *generation) endFault(f Fault) {
	ctx := g.r.Context()
	if ctx.Err() != nil {
		return
	}
	switch f.Kind {
	case FaultCut:
		cut(g.w)
	case FaultErrorLine:
		g.fail(http.StatusInternalServerError, f.message())
	case FaultStall:
		<-ctx.Done() // hold the slot until the client goes away
	}
}
