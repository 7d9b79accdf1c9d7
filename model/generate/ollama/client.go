package ollama

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/ollama/ollama/api"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// Timeouts of a Client's connections. A stream has no overall timeout (it may last minutes):
// the engine's watchdog bounds its silences. They are variables so that tests of hostile hosts
// run in seconds.
var (
	dialTimeout   = 3 * time.Second  // to open a connection
	headerTimeout = 10 * time.Second // for the headers of /api/version, /api/tags, /api/show
	// requestTimeout bounds a whole short request, its body included: a host that trickles
	// its answer a byte at a time cannot hold the application.
	requestTimeout = 30 * time.Second
	// dial opens connections; tests replace it to reach a test server under another name.
	dial = (&net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}).DialContext
)

// Bounds on what a host may send outside a stream.
const (
	maxAnswerBytes = 16 << 20 // a short answer (/api/version, /api/tags, /api/show, /api/ps)
	maxModels      = 1000     // models listed from one host; the others are left out
)

// ModelInfo describes a model installed on a host (see generate.ModelInfo).
type ModelInfo = generate.ModelInfo

// HostStatus is what a host said when asked for its version and models (see
// generate.HostStatus).
type HostStatus = generate.HostStatus

// Client talks to one Ollama host. It is safe for concurrent use.
type Client struct {
	host  string
	quick *api.Client  // short requests: headers must come within headerTimeout
	long  *api.Client  // chat and pull: headers may wait for a model to load
	plain *http.Client // requests the api package does not make (a verbose /api/show)

	mu      sync.Mutex
	shows   map[string]ModelInfo // Show results by name@digest
	list    []ModelInfo          // the last /api/tags answer
	listAt  time.Time            // when it came
	omitted int                  // models of the last answer left out of list
	listErr error                // why the last /api/tags failed, nil when it did not
	errAt   time.Time            // when it failed

	placeOnce sync.Once // see Locate
	place     model.Place
	placeName string
}

// listTTL is how long Show trusts the last model list to find a model's digest.
const listTTL = 10 * time.Second

// NewClient returns a client for host, normalised by NormalizeHost. Connections time out after
// about 3 s of dialling; /api/version, /api/tags and /api/show must answer their headers within
// 10 s and whole within a minute, at most 16 MiB; /api/chat and /api/pull have no header
// timeout, since Ollama sends a chat's headers only once the model is loaded, which may take
// minutes (the engine's watchdog covers them). The client connects to host only: no proxy, no
// redirection followed, and no request signed with the user's Ollama key.
func NewClient(host string) (*Client, error) {
	h, err := NormalizeHost(host)
	if err != nil {
		return nil, err
	}
	base, err := url.Parse(h)
	if err != nil {
		return nil, badHost(host, err.Error())
	}
	base = unsigned(base)
	quick := newHTTPClient(headerTimeout, requestTimeout, maxAnswerBytes)
	return &Client{
		host:  h,
		quick: api.NewClient(base, quick),
		long:  api.NewClient(base, newHTTPClient(0, 0, maxStreamBytes)),
		plain: newHTTPClient(headerTimeout, requestTimeout, showVerboseLimit+1),
		shows: map[string]ModelInfo{},
	}, nil
}

// newHTTPClient returns an HTTP client that waits header for the headers (0: no limit), whole
// for the whole request (0: no limit), reads at most limit bytes of an answer, connects
// directly (no proxy) and follows no redirection.
func newHTTPClient(header, whole time.Duration, limit int64) *http.Client {
	return &http.Client{
		Timeout: whole,
		Transport: guard{limit: limit, next: &http.Transport{
			DialContext:           dial,
			MaxIdleConnsPerHost:   8,
			IdleConnTimeout:       90 * time.Second,
			ResponseHeaderTimeout: header,
		}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// unsigned returns base so that the api package does not sign its requests: it signs them
// with the user's Ollama key (~/.ollama/id_ed25519) whenever the host is named "ollama.com".
// The same name written as a fully qualified one, "ollama.com.", reaches the same server.
func unsigned(base *url.URL) *url.URL {
	if strings.EqualFold(base.Hostname(), "ollama.com") {
		u := *base
		u.Host = "ollama.com."
		if p := base.Port(); p != "" {
			u.Host = net.JoinHostPort("ollama.com.", p)
		}
		return &u
	}
	return base
}

// Host returns the client's normalised host ("http://127.0.0.1:11434").
func (c *Client) Host() string { return c.host }

// Status asks the host for its version and its models. It never fails: problems are in
// HostStatus.Err.
func (c *Client) Status(ctx context.Context) HostStatus {
	st := HostStatus{Host: c.host}
	v, err := c.quick.Version(ctx)
	if err == nil && v == "" {
		err = wrap(generate.CodeNotOllama, errNoVersion)
	}
	if err != nil {
		st.Err = classify(err)
		return st
	}
	st.Reachable, st.Version = true, v
	st.Models, st.Err = c.Models(ctx)
	c.mu.Lock()
	st.Omitted = c.omitted
	c.mu.Unlock()
	return st
}

// Models lists the host's models (/api/tags), without context lengths nor capabilities.
func (c *Client) Models(ctx context.Context) ([]ModelInfo, error) {
	list, err := c.quick.List(ctx)
	if err != nil {
		err = classify(err)
		if ctx.Err() == nil { // the host failed, not the caller's patience
			c.mu.Lock()
			c.listErr, c.errAt = err, time.Now()
			c.mu.Unlock()
		}
		return nil, err
	}
	n := min(len(list.Models), maxModels)
	out := make([]ModelInfo, 0, n)
	for _, m := range list.Models[:n] {
		out = append(out, ModelInfo{
			Name: m.Name, Family: m.Details.Family, ParameterSize: m.Details.ParameterSize,
			Quantization: m.Details.QuantizationLevel, Digest: m.Digest, Size: max(0, m.Size), Modified: m.ModifiedAt,
			RemoteHost: strings.TrimSpace(m.RemoteHost), RemoteModel: m.RemoteModel,
		})
	}
	c.mu.Lock()
	c.list, c.listAt, c.omitted, c.listErr = out, time.Now(), len(list.Models)-n, nil
	c.mu.Unlock()
	return out, nil
}

// recentModels returns the last model list if younger than listTTL, else asks again; a list
// that failed less than listTTL ago fails again at once, so that the planning, then the
// generation of each variant, do not each wait for a host that times out.
func (c *Client) recentModels(ctx context.Context) ([]ModelInfo, error) {
	c.mu.Lock()
	list, at, err, errAt := c.list, c.listAt, c.listErr, c.errAt
	c.mu.Unlock()
	switch {
	case err != nil && time.Since(errAt) < listTTL:
		return nil, err
	case !at.IsZero() && time.Since(at) < listTTL:
		return list, nil
	}
	return c.Models(ctx)
}

// forgetModels makes the next Show ask for the model list again.
func (c *Client) forgetModels() {
	c.mu.Lock()
	c.listAt = time.Time{}
	c.mu.Unlock()
}

// Show returns everything known of the model name, context length and capabilities included
// (/api/tags, then /api/show). Results are cached per name and digest, so a model pulled again
// is asked again; the digest comes from a model list at most 10 s old (Models and Pull refresh
// it). A model the host does not have gives CodeModelMissing.
func (c *Client) Show(ctx context.Context, name string) (ModelInfo, error) {
	models, err := c.recentModels(ctx)
	if err != nil {
		return ModelInfo{}, err
	}
	info := ModelInfo{Name: name}
	for _, m := range models {
		if generate.SameModelName(m.Name, name) {
			info = m
			break
		}
	}
	key := info.Name + "@" + info.Digest
	c.mu.Lock()
	cached, ok := c.shows[key]
	c.mu.Unlock()
	if ok && info.Digest != "" {
		return cached, nil
	}
	resp, err := c.quick.Show(ctx, &api.ShowRequest{Model: name})
	if err != nil {
		return ModelInfo{}, classify(err)
	}
	fillShow(&info, resp)
	if info.Digest != "" {
		c.mu.Lock()
		c.shows[key] = info
		c.mu.Unlock()
	}
	return info, nil
}

// fillShow copies what /api/show says into info.
func fillShow(info *ModelInfo, resp *api.ShowResponse) {
	if info.Family == "" {
		info.Family = resp.Details.Family
		info.ParameterSize = resp.Details.ParameterSize
		info.Quantization = resp.Details.QuantizationLevel
	}
	info.ContextLength = contextLength(resp.ModelInfo)
	if resp.RemoteHost != "" {
		info.RemoteHost, info.RemoteModel = strings.TrimSpace(resp.RemoteHost), resp.RemoteModel
	}
	info.Capabilities = make([]string, 0, len(resp.Capabilities))
	for _, cp := range resp.Capabilities {
		info.Capabilities = append(info.Capabilities, string(cp))
	}
}

// contextLength reads "<arch>.context_length" from model_info, where arch is
// "general.architecture"; any "*.context_length" will do when the architecture is missing.
// A context length beyond maxContext, or not a whole positive number, is taken as unknown.
func contextLength(mi map[string]any) int {
	if arch, ok := mi["general.architecture"].(string); ok {
		if n, ok := mi[arch+".context_length"].(float64); ok {
			return saneContext(n)
		}
	}
	for k, v := range mi {
		if n, ok := v.(float64); ok && strings.HasSuffix(k, ".context_length") {
			return saneContext(n)
		}
	}
	return 0
}

// maxContext is far beyond any model's context (the largest are 10 million tokens).
const maxContext = 1 << 26

func saneContext(n float64) int {
	if !(n >= 1 && n <= maxContext) || n != float64(int(n)) {
		return 0
	}
	return int(n)
}
