package openai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/openai/openai-go/v3/packages/ssestream"

	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/internal/wire"
)

// statusError is an error answer of the server: its status and what its body says.
type statusError struct {
	status int
	msg    string // the error's message, or the body's start when it has none
	kind   string // the error's type ("BadRequestError", "exceed_context_size_error")
	// nCtx and nPrompt are the context length and the prompt's tokens a "too long" answer
	// gives, 0 when it does not.
	nCtx, nPrompt int
}

func (e *statusError) Error() string {
	return fmt.Sprintf("the server answered %d %s: %s", e.status, http.StatusText(e.status), e.msg)
}

// errorBody is the union of the error shapes servers send: OpenAI's and llama.cpp's
// {"error":{...}}, vLLM's {"object":"error","message":...}, FastAPI's {"detail":...}.
type errorBody struct {
	Error   json.RawMessage `json:"error"`
	Message string          `json:"message"`
	Type    string          `json:"type"`
	Detail  json.RawMessage `json:"detail"`
}

type errorFields struct {
	Message       string `json:"message"`
	Type          string `json:"type"`
	Code          any    `json:"code"`
	NCtx          int    `json:"n_ctx"`
	NPromptTokens int    `json:"n_prompt_tokens"`
}

// maxMessage bounds the text of a server's message kept in an error.
const maxMessage = 500

// newStatusError reads an error answer's body.
func newStatusError(status int, body string) *statusError {
	e := &statusError{status: status}
	var b errorBody
	if json.Unmarshal([]byte(body), &b) == nil {
		var f errorFields
		switch {
		case json.Unmarshal(b.Error, &f) == nil && f.Message != "":
		case len(b.Error) > 0 && json.Unmarshal(b.Error, &f.Message) == nil:
		case b.Message != "":
			f.Message, f.Type = b.Message, b.Type
		case len(b.Detail) > 0:
			f.Message = string(b.Detail)
		}
		e.msg, e.kind, e.nCtx, e.nPrompt = f.Message, f.Type, max(0, f.NCtx), max(0, f.NPromptTokens)
		if c, ok := f.Code.(string); ok && e.kind == "" {
			e.kind = c
		}
	}
	if e.msg == "" {
		e.msg = strings.TrimSpace(body)
	}
	if r := []rune(e.msg); len(r) > maxMessage {
		e.msg = string(r[:maxMessage]) + "…"
	}
	if e.nCtx == 0 {
		e.nCtx = firstNumber(e.msg, contextLimit)
	}
	if e.nPrompt == 0 {
		e.nPrompt = firstNumber(e.msg, promptTokens)
	}
	return e
}

// What servers say of a prompt too long: vLLM "This model's maximum context length is 2048
// tokens. However, you requested 4097 tokens (4000 in the messages, 97 in the completion)",
// LM Studio "…the model is loaded with context length of only 4096 tokens", llama.cpp
// "the request exceeds the available context size".
var (
	contextLimit = regexp.MustCompile(`(?i)context (?:length|size|window) (?:is|of)(?: only)? (\d+)`)
	promptTokens = regexp.MustCompile(`(?i)\((\d+) in the messages`)
	tooLongWords = []string{"context length", "context_length", "context size", "context window", "exceed_context", "too many tokens", "prompt is too long"}
)

func firstNumber(s string, re *regexp.Regexp) int {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n <= 0 || n > maxContext {
		return 0
	}
	return n
}

// maxContext is far beyond any model's context (the largest are 10 million tokens).
const maxContext = 1 << 26

// tooLong reports whether the error says the prompt does not fit the model's context.
func (e *statusError) tooLong() bool {
	text := strings.ToLower(e.msg + " " + e.kind)
	for _, w := range tooLongWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// classify turns an error from the SDK or the network into a *generate.Error. A cancelled or
// expired context is returned unchanged (generate.CodeOf maps it).
func classify(err error) error {
	var ge *generate.Error
	var se *statusError
	var stream *ssestream.StreamError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ge):
		return ge
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.As(err, &se):
		return classifyStatus(se)
	case errors.As(err, &stream):
		return classifyStatus(streamStatus(stream))
	}
	return classifyTransport(err)
}

// streamStatus reads an error event of a stream ({"error":{...}}) as an error answer.
func streamStatus(e *ssestream.StreamError) *statusError {
	se := newStatusError(http.StatusInternalServerError, string(e.Event.Data))
	var f struct {
		Error struct {
			Code any `json:"code"`
		} `json:"error"`
	}
	if json.Unmarshal(e.Event.Data, &f) == nil {
		if n, ok := f.Error.Code.(float64); ok && n >= 400 && n < 600 {
			se.status = int(n)
		}
	}
	return se
}

// classifyTransport classifies errors that carry no HTTP status: network failures and
// answers that are not the API's.
func classifyTransport(err error) error {
	var redirect errRedirected
	var notAPI errNotAPI
	var large wire.TooLargeError
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var dns *net.DNSError
	var op *net.OpError
	var ue *url.Error
	switch {
	case errors.As(err, &redirect):
		return wrap(generate.CodeRedirected, err)
	case errors.As(err, &large):
		return wrap(generate.CodeAnswerTooLarge, err)
	case errors.As(err, &notAPI), errors.As(err, &syn), errors.As(err, &typ):
		return wrap(generate.CodeNotOpenAI, err)
	case errors.As(err, &dns), errors.As(err, &op) && op.Op == "dial":
		return wrap(generate.CodeHostUnreachable, err)
	case errors.As(err, &ue) && ue.Timeout():
		return wrap(generate.CodeTimeout, err)
	case errors.As(err, &ue):
		if strings.Contains(ue.Err.Error(), "malformed HTTP") {
			return wrap(generate.CodeNotOpenAI, err)
		}
		return wrap(generate.CodeHostUnreachable, err)
	}
	return wrap(generate.CodeServer, err)
}

// classifyStatus classifies an error answer by its status and message.
func classifyStatus(se *statusError) error {
	lower := strings.ToLower(se.msg)
	switch {
	case se.status == http.StatusUnauthorized || se.status == http.StatusForbidden:
		return wrap(generate.CodeUnauthorized, se)
	case se.status == http.StatusTooManyRequests:
		return wrap(generate.CodeRateLimited, se)
	case se.status == http.StatusNotFound && strings.Contains(lower, "model") &&
		(strings.Contains(lower, "not found") || strings.Contains(lower, "does not exist")):
		return wrap(generate.CodeModelMissing, se)
	case se.status == http.StatusNotFound:
		return wrap(generate.CodeNotOpenAI, se)
	case se.tooLong():
		return wrap(generate.CodeContextTooLong, se)
	case strings.Contains(lower, "memory"):
		return wrap(generate.CodeOutOfMemory, se)
	case se.status == http.StatusBadRequest || se.status == http.StatusUnprocessableEntity:
		return wrap(generate.CodeBadOption, se)
	}
	return wrap(generate.CodeServer, se)
}

func wrap(code generate.ErrorCode, err error) *generate.Error {
	return &generate.Error{Code: code, Err: err}
}

// codeIs reports whether err is a *generate.Error with code.
func codeIs(err error, code generate.ErrorCode) bool {
	var ge *generate.Error
	return errors.As(err, &ge) && ge.Code == code
}

// scrubError returns err, or, when its text holds key, an error of the same code whose text
// has the key replaced: nothing the engine returns may show the key.
func scrubError(err error, key string) error {
	if err == nil || key == "" || !strings.Contains(err.Error(), key) {
		return err
	}
	msg := err.Error()
	var ge *generate.Error
	if errors.As(err, &ge) && ge.Err != nil {
		msg = ge.Err.Error()
	}
	return &generate.Error{Code: generate.CodeOf(err), Err: errors.New(scrub(msg, key))}
}
