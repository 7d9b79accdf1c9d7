package openai

import (
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/rapporteur/rapporteur/model/generate/internal/wire"
)

// errRedirected is returned by the transport when a host answers with a redirection.
type errRedirected struct {
	status   int
	location string
}

func (e errRedirected) Error() string {
	return fmt.Sprintf("the host redirects (status %d) to %q: not followed, so that the report goes nowhere else", e.status, e.location)
}

// errNotAPI is returned by the transport when an answer cannot come from the
// OpenAI-compatible API: an HTML page, or a chat answer that is not an event stream.
type errNotAPI struct {
	status int
	what   string
}

func (e errNotAPI) Error() string {
	return fmt.Sprintf("the host answered with %s (status %d), not the OpenAI-compatible API's", e.what, e.status)
}

// maxErrorBytes bounds the body of an error answer that is read.
const maxErrorBytes = 64 << 10

// guard is the transport of every request to a host: it keeps the API key to the host it
// belongs to, drops the SDK's description of this computer (X-Stainless-* headers), refuses
// redirections (the report must not reach another server) and HTML pages (another server
// holds the port), turns an error answer into a *statusError (its text scrubbed of the key)
// and reads at most limit bytes of an answer.
type guard struct {
	host  string // the host:port requests may go to
	limit int64
	next  http.RoundTripper
}

// RoundTrip sends req and checks the answer.
func (g guard) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	key := strings.TrimPrefix(req.Header.Get("Authorization"), "Bearer ")
	if req.URL.Host != g.host {
		req.Header.Del("Authorization")
	}
	for name := range req.Header {
		if strings.HasPrefix(name, "X-Stainless") {
			req.Header.Del(name)
		}
	}
	resp, err := g.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	switch {
	case resp.StatusCode >= 300 && resp.StatusCode < 400:
		resp.Body.Close()
		return nil, errRedirected{status: resp.StatusCode, location: scrub(resp.Header.Get("Location"), key)}
	case strings.Contains(ct, "html"):
		resp.Body.Close()
		return nil, errNotAPI{status: resp.StatusCode, what: "an HTML page"}
	case resp.StatusCode >= 400:
		defer resp.Body.Close()
		body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBytes))
		return nil, newStatusError(resp.StatusCode, scrub(string(body), key))
	case strings.HasSuffix(req.URL.Path, "/chat/completions") && !strings.Contains(ct, "event-stream"):
		resp.Body.Close()
		return nil, errNotAPI{status: resp.StatusCode, what: fmt.Sprintf("%q instead of an event stream", ct)}
	}
	if g.limit > 0 {
		resp.Body = wire.LimitBody(resp.Body, g.limit)
	}
	return resp, nil
}

// scrub replaces every occurrence of key in s: a server may echo the key it refused.
func scrub(s, key string) string {
	if key == "" {
		return s
	}
	return strings.ReplaceAll(s, key, "[key]")
}
