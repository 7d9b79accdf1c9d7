package openai

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	oai "github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// Timeouts of a Client's connections, as the Ollama engine's. A stream has no overall timeout
// (it may last minutes): the engine's watchdog bounds its silences. They are variables so that
// tests of hostile hosts run in seconds.
var (
	dialTimeout   = 3 * time.Second  // to open a connection
	headerTimeout = 10 * time.Second // for the headers of /v1/models, /props, /version
	// requestTimeout bounds a whole short request, its body included.
	requestTimeout = 30 * time.Second
	// dial opens connections; tests replace it to reach a test server under another name.
	dial = (&net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}).DialContext
)

// Bounds on what a host may send.
const (
	maxAnswerBytes = 16 << 20  // a short answer (/v1/models, /props)
	maxStreamBytes = 256 << 20 // one streamed answer
	maxModels      = 1000      // models listed from one host; the others are left out
)

// listTTL is how long Show trusts the last model list, and a failure to get it.
const listTTL = 10 * time.Second

// Client talks to one OpenAI-compatible server. It is safe for concurrent use.
type Client struct {
	host   string // the normalised base URL ("http://127.0.0.1:8000/v1")
	opts   *Options
	quick  *http.Client // short requests: headers within headerTimeout
	models oai.ModelService
	chat   oai.ChatCompletionService

	mu      sync.Mutex
	list    []generate.ModelInfo // the last /v1/models answer
	listAt  time.Time
	omitted int
	listErr error
	errAt   time.Time
	props   serverProps // the last /props answer (llama.cpp)
	propsAt time.Time
	learned map[string]int // context lengths the server's refusals told, by model
	trained map[string]int // context lengths the models were trained for, as listed

	placeOnce sync.Once // see Locate
	place     model.Place
	placeName string
}

// newClient returns a client for the normalised base URL host. Requests go to host only,
// directly (no proxy), follow no redirection and are never retried by the SDK; the SDK reads
// nothing from the environment (no OPENAI_API_KEY nor OPENAI_BASE_URL): the key comes from
// opts.Key, per request.
func newClient(host string, opts *Options) (*Client, error) {
	base, err := url.Parse(host)
	if err != nil {
		return nil, badHost(host, err.Error())
	}
	hostport := base.Host
	if base.Port() == "" {
		port := "80"
		if base.Scheme == "https" {
			port = "443"
		}
		hostport = net.JoinHostPort(base.Hostname(), port)
	}
	quick := newHTTPClient(base.Host, hostport, headerTimeout, requestTimeout, maxAnswerBytes)
	long := newHTTPClient(base.Host, hostport, 0, 0, maxStreamBytes)
	sdk := func(hc *http.Client) []option.RequestOption {
		return []option.RequestOption{option.WithBaseURL(host + "/"), option.WithHTTPClient(hc), option.WithMaxRetries(0)}
	}
	return &Client{
		host: host, opts: opts, quick: quick,
		models:  oai.NewModelService(sdk(quick)...),
		chat:    oai.NewChatCompletionService(sdk(long)...),
		learned: map[string]int{}, trained: map[string]int{},
	}, nil
}

// newHTTPClient returns an HTTP client for requests to host (as in URLs) that waits header for
// the headers (0: no limit), whole for the whole request (0: no limit), reads at most limit
// bytes of an answer, connects directly to hostport only and follows no redirection.
func newHTTPClient(host, hostport string, header, whole time.Duration, limit int64) *http.Client {
	only := func(ctx context.Context, network, addr string) (net.Conn, error) {
		if addr != hostport {
			return nil, &net.OpError{Op: "dial", Net: network, Err: errors.New("not the configured host: " + addr)}
		}
		return dial(ctx, network, addr)
	}
	return &http.Client{
		Timeout: whole,
		Transport: guard{host: host, limit: limit, next: &http.Transport{
			DialContext:           only,
			MaxIdleConnsPerHost:   8,
			IdleConnTimeout:       90 * time.Second,
			ResponseHeaderTimeout: header,
			ForceAttemptHTTP2:     true,
		}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Host returns the client's normalised base URL ("http://127.0.0.1:8000/v1").
func (c *Client) Host() string { return c.host }

// key returns the API key of the client's host, "" for none, asked anew each time.
func (c *Client) key() string {
	if c.opts.Key == nil {
		return ""
	}
	return strings.TrimSpace(c.opts.Key(c.host))
}

// keyOptions returns the SDK options that send the key, none without one.
func (c *Client) keyOptions(key string) []option.RequestOption {
	if key == "" {
		return nil
	}
	return []option.RequestOption{option.WithAPIKey(key)}
}

// Status asks the server for its models and, when it tells, its version. It never fails:
// problems are in HostStatus.Err.
func (c *Client) Status(ctx context.Context) generate.HostStatus {
	st := generate.HostStatus{Host: c.host}
	models, err := c.Models(ctx)
	if err != nil {
		st.Err = err
		st.Reachable = !codeIs(err, generate.CodeHostUnreachable) && !codeIs(err, generate.CodeNotOpenAI) &&
			!codeIs(err, generate.CodeTimeout) && !codeIs(err, generate.CodeRedirected)
		return st
	}
	st.Reachable, st.Models = true, models
	st.Version = c.version(ctx)
	c.mu.Lock()
	st.Omitted = c.omitted
	c.mu.Unlock()
	return st
}

// Models lists the server's models (/v1/models), with the context length of those whose
// listing tells what the server runs them with (vLLM's max_model_len).
func (c *Client) Models(ctx context.Context) ([]generate.ModelInfo, error) {
	key := c.key()
	page, err := c.models.List(ctx, c.keyOptions(key)...)
	if err == nil && !page.JSON.Data.Valid() {
		err = wrap(generate.CodeNotOpenAI, errors.New("/models answered JSON without a list of models"))
	}
	if err != nil {
		err = scrubError(answerError(err), key)
		// The host failed, not the caller's patience nor the key, which the user may mend at once.
		if ctx.Err() == nil && !codeIs(err, generate.CodeUnauthorized) {
			c.mu.Lock()
			c.listErr, c.errAt = err, time.Now()
			c.mu.Unlock()
		}
		return nil, err
	}
	n := min(len(page.Data), maxModels)
	out := make([]generate.ModelInfo, 0, n)
	trained := map[string]int{}
	for _, m := range page.Data[:n] {
		runs, train := listedContext(m)
		info := generate.ModelInfo{Name: m.ID, ContextLength: runs}
		if train > 0 {
			trained[m.ID] = train
		}
		if m.Created > 0 && m.Created < 1<<40 {
			info.Modified = time.Unix(m.Created, 0)
		}
		out = append(out, info)
	}
	c.mu.Lock()
	c.list, c.listAt, c.omitted, c.listErr, c.trained = out, time.Now(), len(page.Data)-n, nil, trained
	c.mu.Unlock()
	return out, nil
}

// answerError classifies the failure of a short request: an answer the SDK could not read
// (not JSON, JSON of another shape) means the server is not the API.
func answerError(err error) error {
	var se *statusError
	ce := classify(err)
	if codeIs(ce, generate.CodeServer) && !errors.As(err, &se) {
		return wrap(generate.CodeNotOpenAI, err)
	}
	return ce
}

// recentModels returns the last model list if younger than listTTL, else asks again; a list
// that failed less than listTTL ago fails again at once.
func (c *Client) recentModels(ctx context.Context) ([]generate.ModelInfo, error) {
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

// Show returns what is known of the model name: its context length from the server when it
// tells it (a refusal that named it, vLLM's max_model_len in /v1/models, llama.cpp's /props
// n_ctx, then the n_ctx_train it lists), else the user's setting (Options.ContextLength), else
// 0. A model the server does not list gives CodeModelMissing.
func (c *Client) Show(ctx context.Context, name string) (generate.ModelInfo, error) {
	models, err := c.recentModels(ctx)
	if err != nil {
		return generate.ModelInfo{}, err
	}
	info, ok := findModel(models, name)
	if !ok {
		return generate.ModelInfo{}, wrap(generate.CodeModelMissing, errors.New("the server does not list the model "+quote(name)))
	}
	c.mu.Lock()
	learned, trained := c.learned[info.Name], c.trained[info.Name]
	c.mu.Unlock()
	if learned > 0 {
		info.ContextLength = learned
	}
	if info.ContextLength == 0 {
		info.ContextLength = c.serverProps(ctx).nCtx
	}
	if info.ContextLength == 0 {
		info.ContextLength = trained
	}
	if info.ContextLength == 0 && c.opts.ContextLength != nil {
		info.ContextLength = max(0, min(maxContext, c.opts.ContextLength(c.host, info.Name)))
	}
	return info, nil
}

// learn records the context length a server's refusal told for a model.
func (c *Client) learn(name string, n int) {
	if n <= 0 || n > maxContext {
		return
	}
	c.mu.Lock()
	c.learned[name] = n
	c.mu.Unlock()
}

// findModel finds name in models, exactly, else as Ollama names it ("x" meaning "x:latest").
func findModel(models []generate.ModelInfo, name string) (generate.ModelInfo, bool) {
	for _, m := range models {
		if m.Name == name {
			return m, true
		}
	}
	for _, m := range models {
		if generate.SameModelName(m.Name, name) {
			return m, true
		}
	}
	return generate.ModelInfo{}, false
}

func quote(s string) string { return "\u201c" + s + "\u201d" }

// Locate tells where a request to c's server is answered, for the AI-use disclosure and
// before anything is sent: PlaceThisComputer, PlaceNetwork (with the host's name) or
// PlaceRemote, by the rules of generate.LocateHost, looked up once per client. The
// OpenAI-compatible API does not say whether a server forwards requests elsewhere (a proxy
// to a hosted service): a host on this computer or network is taken at its word.
func (c *Client) Locate(ctx context.Context, _ generate.ModelInfo) (model.Place, string) {
	c.placeOnce.Do(func() { c.place, c.placeName = generate.LocateHost(ctx, c.host) })
	return c.place, c.placeName
}

// contextOf returns the context length a refusal of the server told for the model name, 0
// when none did.
func (c *Client) contextOf(name string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.learned[name]
}
