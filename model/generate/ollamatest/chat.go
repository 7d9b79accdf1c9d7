package ollamatest

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Message is a chat message as received.
type Message struct {
	Role     string   `json:"role"`
	Content  string   `json:"content"`
	Thinking string   `json:"thinking,omitempty"`
	Images   []string `json:"images,omitempty"`
}

// ChatRequest is an /api/chat request body as decoded by the server.
type ChatRequest struct {
	Model     string          `json:"model"`
	Messages  []Message       `json:"messages"`
	Stream    *bool           `json:"stream,omitempty"`
	Format    json.RawMessage `json:"format,omitempty"`
	KeepAlive any             `json:"keep_alive,omitempty"` // number of seconds or duration string, as sent
	Tools     []any           `json:"tools,omitempty"`
	Options   map[string]any  `json:"options"`
	Think     any             `json:"think,omitempty"` // bool or "high"/"medium"/"low", as sent
	Truncate  *bool           `json:"truncate,omitempty"`
	Shift     *bool           `json:"shift,omitempty"`
}

// streaming reports whether the reply is streamed (the default).
func (r ChatRequest) streaming() bool { return r.Stream == nil || *r.Stream }

// optionKinds are the types Ollama's api.Options checks; other options are
// ignored, as Ollama does.
var optionKinds = map[string]string{
	"num_keep": "integer", "seed": "integer", "num_predict": "integer", "top_k": "integer",
	"repeat_last_n": "integer", "num_ctx": "integer", "num_batch": "integer", "num_gpu": "integer",
	"main_gpu": "integer", "num_thread": "integer",
	"top_p": "float32", "min_p": "float32", "typical_p": "float32", "temperature": "float32",
	"repeat_penalty": "float32", "presence_penalty": "float32", "frequency_penalty": "float32",
	"use_mmap": "boolean", "stop": "array",
}

// options are the options the server acts on.
type options struct {
	seed, numPredict, numCtx int
}

// parseOptions checks option types like Ollama (a 500 error on mismatch).
func parseOptions(m map[string]any) (options, error) {
	var o options
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		v := m[k]
		kind, known := optionKinds[k]
		if !known || v == nil {
			continue
		}
		if err := checkOption(k, kind, v); err != nil {
			return o, err
		}
		if f, ok := v.(float64); ok {
			switch k {
			case "seed":
				o.seed = int(f)
			case "num_predict":
				o.numPredict = int(f)
			case "num_ctx":
				o.numCtx = int(f)
			}
		}
	}
	return o, nil
}

func checkOption(key, kind string, v any) error {
	ok := false
	switch kind {
	case "integer", "float32":
		_, ok = v.(float64)
	case "boolean":
		_, ok = v.(bool)
	case "array":
		var list []any
		if list, ok = v.([]any); ok {
			for _, x := range list {
				if _, isString := x.(string); !isString {
					return fmt.Errorf("option %q must be of an array of strings", key)
				}
			}
		}
	}
	if !ok {
		return fmt.Errorf("option %q must be of type %s", key, kind)
	}
	return nil
}

// keepAliveZero reports whether keep_alive asks to unload at once.
func keepAliveZero(v any) bool {
	switch t := v.(type) {
	case float64:
		return t == 0
	case string:
		d, err := time.ParseDuration(t)
		return err == nil && d == 0
	}
	return false
}

// thinkOn is the effective think setting: thinking models think unless told
// not to.
func thinkOn(e *entry, think any) bool {
	switch t := think.(type) {
	case bool:
		return t
	case string:
		return t != ""
	}
	return e.has("thinking") && think == nil
}

// checkChat validates a request in Ollama's order; it returns the model or
// answers the error.
func (s *Server) checkChat(w http.ResponseWriter, req *ChatRequest) *entry {
	if canonicalName(req.Model) == "" {
		writeError(w, http.StatusBadRequest, "model is required")
		return nil
	}
	e := s.find(req.Model)
	if e == nil {
		writeError(w, http.StatusNotFound, fmt.Sprintf("model '%s' not found", req.Model))
		return nil
	}
	return e
}

// checkCapabilities answers the think and tools errors.
func checkCapabilities(w http.ResponseWriter, e *entry, req *ChatRequest) bool {
	if !e.has("thinking") && thinkOn(e, req.Think) {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("%q does not support thinking", req.Model))
		return false
	}
	if len(req.Tools) > 0 && !e.has("tools") {
		writeError(w, http.StatusBadRequest, fullName(e.canonical)+" does not support tools")
		return false
	}
	if t, ok := req.Think.(string); ok && e.has("thinking") {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("think value %q is not supported for this model", t))
		return false
	}
	return true
}

func (s *Server) handleChat(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	var req ChatRequest
	if !decodeBody(w, r, &req) {
		return
	}
	for i := range req.Messages {
		req.Messages[i].Role = strings.ToLower(req.Messages[i].Role)
	}
	s.mu.Lock()
	s.lastChat = req
	s.chats = append(s.chats, req)
	s.mu.Unlock()
	e := s.checkChat(w, &req)
	if e == nil {
		return
	}
	if len(req.Messages) == 0 && keepAliveZero(req.KeepAlive) {
		s.unloadNow(e)
		writeJSON(w, http.StatusOK, chatChunk{Model: req.Model, CreatedAt: now(), Message: outMessage{Role: "assistant"}, Done: true, DoneReason: "unload"})
		return
	}
	if !checkCapabilities(w, e, &req) {
		return
	}
	opts, err := parseOptions(req.Options)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	run, err := s.acquire(r.Context(), e, e.numCtx(opts.numCtx))
	if err != nil {
		return // the client went away
	}
	defer s.release(run, keepAliveZero(req.KeepAlive))
	if len(req.Messages) == 0 {
		writeJSON(w, http.StatusOK, chatChunk{Model: req.Model, CreatedAt: now(), Message: outMessage{Role: "assistant"}, Done: true, DoneReason: "load"})
		return
	}
	g := &generation{s: s, w: w, r: r, req: &req, e: e, run: run, opts: opts, start: start, loaded: time.Now()}
	g.serve()
}

// now is the created_at time: UTC, marshalled as RFC 3339 with nanoseconds.
func now() time.Time { return time.Now().UTC() }

// outMessage is the message of a chat response.
type outMessage struct {
	Role     string `json:"role"`
	Content  string `json:"content"`
	Thinking string `json:"thinking,omitempty"`
}

// chatChunk is an /api/chat response object, fields in Ollama's order; the
// metrics are omitted when zero, as Ollama does.
type chatChunk struct {
	Model              string     `json:"model"`
	CreatedAt          time.Time  `json:"created_at"`
	Message            outMessage `json:"message"`
	Done               bool       `json:"done"`
	DoneReason         string     `json:"done_reason,omitempty"`
	TotalDuration      int64      `json:"total_duration,omitempty"`
	LoadDuration       int64      `json:"load_duration,omitempty"`
	PromptEvalCount    int        `json:"prompt_eval_count,omitempty"`
	PromptEvalDuration int64      `json:"prompt_eval_duration,omitempty"`
	EvalCount          int        `json:"eval_count,omitempty"`
	EvalDuration       int64      `json:"eval_duration,omitempty"`
}

// nanos is a duration in nanoseconds, at least 1 so it is never omitted.
func nanos(d time.Duration) int64 { return max(int64(d), 1) }

// unlimited is num_predict's "no limit".
const unlimited = math.MaxInt
