// Package ollama is the engine that writes variants with a local or LAN Ollama server: a Client
// per host (model list, model details, pulls, health), the Engine that streams /api/chat with a
// context window sized to the prompt, a stall watchdog and typed errors, and the context
// planning and chunking that let a long report reach a model with a small context.
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

	"github.com/rapporteur/rapporteur/model/generate"
)

// Timeouts of a Client's connections. There is no overall timeout: a stream may last minutes.
const (
	dialTimeout   = 3 * time.Second  // to open a connection
	headerTimeout = 10 * time.Second // for the headers of /api/version, /api/tags, /api/show
)

// ModelInfo describes a model installed on a host.
type ModelInfo struct {
	// Name is the model's name as the host lists it ("mistral:7b").
	Name string
	// Family is the model's architecture family ("llama", "qwen2").
	Family string
	// ParameterSize is the size as Ollama writes it ("7.2B").
	ParameterSize string
	// Quantization is the quantisation level ("Q4_K_M").
	Quantization string
	// Digest identifies the model's exact weights.
	Digest string
	// Size is the model's size on disk, in bytes.
	Size int64
	// Modified is when the model was last pulled or created.
	Modified time.Time
	// ContextLength is the longest context the model was trained for, in tokens, from
	// /api/show's model_info["<arch>.context_length"]; 0 until Show is called.
	ContextLength int
	// Capabilities lists what the model can do ("completion", "thinking", "tools"), from
	// /api/show; nil until Show is called.
	Capabilities []string
}

// Thinking reports whether the model lists the "thinking" capability, that is whether a
// request to it may carry the think field.
func (m ModelInfo) Thinking() bool {
	for _, c := range m.Capabilities {
		if c == "thinking" {
			return true
		}
	}
	return false
}

// HostStatus is what a host said when asked for its version and models.
type HostStatus struct {
	// Host is the normalised address asked.
	Host string
	// Reachable is true when an Ollama server answered.
	Reachable bool
	// Version is the server's version ("0.17.4").
	Version string
	// Models are the models the host has, when it answered.
	Models []ModelInfo
	// Err says why the host is unreachable or its list unknown: a *generate.Error with
	// CodeHostUnreachable, CodeNotOllama or CodeServer; nil when all went well.
	Err error
}

// Client talks to one Ollama host. It is safe for concurrent use.
type Client struct {
	host  string
	quick *api.Client  // short requests: headers must come within headerTimeout
	long  *api.Client  // chat and pull: headers may wait for a model to load
	plain *http.Client // requests the api package does not make (a verbose /api/show)

	mu     sync.Mutex
	shows  map[string]ModelInfo // Show results by name@digest
	list   []ModelInfo          // the last /api/tags answer
	listAt time.Time            // when it came
}

// listTTL is how long Show trusts the last model list to find a model's digest.
const listTTL = 10 * time.Second

// NewClient returns a client for host, normalised by NormalizeHost. Connections time out after
// about 3 s of dialling; /api/version, /api/tags and /api/show must answer their headers within
// 10 s; /api/chat and /api/pull have no header timeout, since Ollama sends a chat's headers
// only once the model is loaded, which may take minutes (the engine's watchdog covers them).
func NewClient(host string) (*Client, error) {
	h, err := NormalizeHost(host)
	if err != nil {
		return nil, err
	}
	base, err := url.Parse(h)
	if err != nil {
		return nil, badHost(host, err.Error())
	}
	quick := &http.Client{Transport: newTransport(headerTimeout)}
	return &Client{
		host:  h,
		quick: api.NewClient(base, quick),
		long:  api.NewClient(base, &http.Client{Transport: newTransport(0)}),
		plain: quick,
		shows: map[string]ModelInfo{},
	}, nil
}

func newTransport(header time.Duration) http.RoundTripper {
	dialer := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}
	return htmlGuard{next: &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		MaxIdleConnsPerHost:   8,
		IdleConnTimeout:       90 * time.Second,
		ResponseHeaderTimeout: header,
	}}
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
	return st
}

// Models lists the host's models (/api/tags), without context lengths nor capabilities.
func (c *Client) Models(ctx context.Context) ([]ModelInfo, error) {
	list, err := c.quick.List(ctx)
	if err != nil {
		return nil, classify(err)
	}
	out := make([]ModelInfo, 0, len(list.Models))
	for _, m := range list.Models {
		out = append(out, ModelInfo{
			Name: m.Name, Family: m.Details.Family, ParameterSize: m.Details.ParameterSize,
			Quantization: m.Details.QuantizationLevel, Digest: m.Digest, Size: m.Size, Modified: m.ModifiedAt,
		})
	}
	c.mu.Lock()
	c.list, c.listAt = out, time.Now()
	c.mu.Unlock()
	return out, nil
}

// recentModels returns the last model list if younger than listTTL, else asks again.
func (c *Client) recentModels(ctx context.Context) ([]ModelInfo, error) {
	c.mu.Lock()
	list, at := c.list, c.listAt
	c.mu.Unlock()
	if !at.IsZero() && time.Since(at) < listTTL {
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
		if sameModel(m.Name, name) {
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
	info.Capabilities = make([]string, 0, len(resp.Capabilities))
	for _, cp := range resp.Capabilities {
		info.Capabilities = append(info.Capabilities, string(cp))
	}
}

// contextLength reads "<arch>.context_length" from model_info, where arch is
// "general.architecture"; any "*.context_length" will do when the architecture is missing.
func contextLength(mi map[string]any) int {
	if arch, ok := mi["general.architecture"].(string); ok {
		if n, ok := mi[arch+".context_length"].(float64); ok {
			return int(n)
		}
	}
	for k, v := range mi {
		if n, ok := v.(float64); ok && strings.HasSuffix(k, ".context_length") {
			return int(n)
		}
	}
	return 0
}

// sameModel reports whether two model names designate the same model, "x" meaning "x:latest".
func sameModel(a, b string) bool {
	return withTag(a) == withTag(b)
}

func withTag(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	if i := strings.LastIndex(name, "/"); strings.Contains(name[i+1:], ":") {
		return name
	}
	return name + ":latest"
}
