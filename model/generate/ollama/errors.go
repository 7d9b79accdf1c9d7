package ollama

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/ollama/ollama/api"

	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/internal/wire"
)

// stallMessage is the explanation a CodeStalled error carries, in English for logs; the
// interface shows its own translation, chosen by code.
const stallMessage = "the model stopped answering; this is a known Ollama problem (a model's slot " +
	"can stay held after a cancelled request); restart Ollama (quit it from the menu bar / " +
	"`systemctl restart ollama`); other models keep working"

// errNoVersion is wrapped in CodeNotOllama when /api/version answers without a version.
var errNoVersion = errors.New("the host answered /api/version without a version")

// errNotOllamaPage is returned by the transport when a response is an HTML page.
type errNotOllamaPage struct{ status int }

func (e errNotOllamaPage) Error() string {
	return fmt.Sprintf("the host answered with an HTML page (status %d), not Ollama's JSON", e.status)
}

// errRedirected is returned by the transport when a host answers with a redirection.
type errRedirected struct {
	status   int
	location string
}

func (e errRedirected) Error() string {
	return fmt.Sprintf("the host redirects (status %d) to %q: not followed, so that the report goes nowhere else", e.status, e.location)
}

// guard is the transport of every request to a host: it sends no Authorization header,
// refuses redirections (the report must not reach another server) and HTML pages (another
// server holds Ollama's port), and reads at most limit bytes of an answer.
type guard struct {
	limit int64
	next  http.RoundTripper
}

// RoundTrip sends req and checks the answer.
func (g guard) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Header.Get("Authorization") != "" {
		req = req.Clone(req.Context())
		req.Header.Del("Authorization")
	}
	resp, err := g.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	switch {
	case resp.StatusCode >= 300 && resp.StatusCode < 400:
		resp.Body.Close()
		return nil, errRedirected{status: resp.StatusCode, location: resp.Header.Get("Location")}
	case strings.Contains(strings.ToLower(resp.Header.Get("Content-Type")), "html"):
		resp.Body.Close()
		return nil, errNotOllamaPage{status: resp.StatusCode}
	}
	if g.limit > 0 {
		resp.Body = wire.LimitBody(resp.Body, g.limit)
	}
	return resp, nil
}

// classify turns an error from the api package or the network into a *generate.Error.
// A cancelled or expired context is returned unchanged (generate.CodeOf maps it).
func classify(err error) error {
	var ge *generate.Error
	var se api.StatusError
	var ae api.AuthorizationError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ge):
		return ge
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.As(err, &se):
		return classifyStatus(se)
	case errors.As(err, &ae):
		return wrap(generate.CodeServer, err)
	}
	return classifyTransport(err)
}

// classifyTransport classifies errors that carry no HTTP status: network failures, bodies
// that are not Ollama's, and the plain errors the api package makes of an error line.
func classifyTransport(err error) error {
	var page errNotOllamaPage
	var redirect errRedirected
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
	case errors.As(err, &page), errors.As(err, &syn), errors.As(err, &typ):
		return wrap(generate.CodeNotOllama, err)
	case errors.As(err, &dns), errors.As(err, &op) && op.Op == "dial":
		return wrap(generate.CodeHostUnreachable, err)
	case errors.As(err, &ue) && ue.Timeout():
		return wrap(generate.CodeTimeout, err)
	case errors.As(err, &ue):
		if strings.Contains(ue.Err.Error(), "malformed HTTP") {
			return wrap(generate.CodeNotOllama, err)
		}
		return wrap(generate.CodeHostUnreachable, err)
	}
	return classifyMessage(err.Error(), err, generate.CodeServer)
}

// classifyStatus classifies an HTTP error answer by its status and Ollama's message.
func classifyStatus(se api.StatusError) error {
	msg := se.ErrorMessage
	switch {
	case se.StatusCode == http.StatusNotFound && strings.Contains(msg, "not found") && strings.Contains(msg, "model"):
		return wrap(generate.CodeModelMissing, se)
	case se.StatusCode == http.StatusNotFound:
		return wrap(generate.CodeNotOllama, se)
	case se.StatusCode == http.StatusBadRequest && strings.Contains(msg, "exceeds the context length"):
		return wrap(generate.CodeContextTooLong, se)
	case se.StatusCode == http.StatusBadRequest && strings.Contains(msg, "does not support thinking"):
		return wrap(generate.CodeThinkUnsupported, se)
	}
	return classifyMessage(msg, se, generate.CodeServer)
}

// classifyMessage picks a code from the words of an error message, or fallback.
func classifyMessage(msg string, err error, fallback generate.ErrorCode) error {
	lower := strings.ToLower(strings.TrimSpace(msg))
	switch {
	case strings.HasPrefix(lower, "<"):
		return wrap(generate.CodeNotOllama, err)
	case strings.Contains(lower, "memory"):
		return wrap(generate.CodeOutOfMemory, err)
	case strings.Contains(lower, "option"):
		return wrap(generate.CodeBadOption, err)
	}
	return wrap(fallback, err)
}

func wrap(code generate.ErrorCode, err error) *generate.Error {
	return &generate.Error{Code: code, Err: err}
}

// codeIs reports whether err is a *generate.Error with code.
func codeIs(err error, code generate.ErrorCode) bool {
	var ge *generate.Error
	return errors.As(err, &ge) && ge.Code == code
}
