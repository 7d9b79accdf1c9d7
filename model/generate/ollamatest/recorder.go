package ollamatest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"time"
)

// LoadThreshold is the load_duration above which a chat answer counts as having loaded its
// model. On the real server of ../shared/ollama a cold load starts a runner process and takes
// 0.3 to 0.6 s; a request to a model already loaded reports a few milliseconds.
const LoadThreshold = 150 * time.Millisecond

// Exchange is one /api/chat request seen by a Recorder and what its answer said.
type Exchange struct {
	// Model is the model asked.
	Model string
	// NumCtx is options.num_ctx as sent, 0 when absent.
	NumCtx int
	// Status is the HTTP status of the answer.
	Status int
	// Error is the error the answer carried (a JSON body or a stream line), if any.
	Error string
	// Load is the final line's load_duration.
	Load time.Duration
	// PromptEvalCount is the final line's prompt_eval_count.
	PromptEvalCount int
	// DoneReason is the final line's done_reason.
	DoneReason string
}

// Loaded reports whether the answer shows its model was loaded for it.
func (x Exchange) Loaded() bool { return x.Load >= LoadThreshold }

// Recorder is a reverse proxy in front of a real Ollama server that records every /api/chat
// exchange, so a test can count loads, context errors and the num_ctx each request asked for,
// as the server itself reported them. Its methods are safe for concurrent use.
type Recorder struct {
	ts *httptest.Server

	mu        sync.Mutex
	exchanges []Exchange
	inflight  int        // answers whose headers passed and whose body is not closed yet
	settled   *sync.Cond // signalled when inflight falls to 0
}

// NewRecorder starts a recording proxy to target ("http://127.0.0.1:PORT"). Close it when done.
func NewRecorder(target string) (*Recorder, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	r := &Recorder{}
	r.settled = sync.NewCond(&r.mu)
	proxy := httputil.NewSingleHostReverseProxy(u)
	proxy.FlushInterval = -1 // stream each line as it comes, as Ollama does
	proxy.ModifyResponse = r.record
	r.ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path == "/api/chat" && req.Method == http.MethodPost {
			body, err := io.ReadAll(io.LimitReader(req.Body, 64<<20))
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			req.Body = io.NopCloser(bytes.NewReader(body))
			req = req.WithContext(context.WithValue(req.Context(), exchangeKey{}, readRequest(body)))
		}
		proxy.ServeHTTP(w, req)
	}))
	return r, nil
}

// exchangeKey carries a chat request's Exchange from the handler to ModifyResponse.
type exchangeKey struct{}

// URL is the proxy's address, to give to the client under test.
func (r *Recorder) URL() string { return r.ts.URL }

// Close stops the proxy.
func (r *Recorder) Close() { r.ts.Close() }

// Exchanges returns the /api/chat exchanges, in the order they ended. It first waits for the
// answers whose headers the client already has to finish passing through the proxy: a client
// may read a short answer whole before the proxy is done with it.
func (r *Recorder) Exchanges() []Exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.inflight > 0 {
		r.settled.Wait()
	}
	return append([]Exchange(nil), r.exchanges...)
}

// Loads counts the exchanges whose answer shows a model load.
func (r *Recorder) Loads() int {
	n := 0
	for _, x := range r.Exchanges() {
		if x.Loaded() {
			n++
		}
	}
	return n
}

// Statuses counts the exchanges by HTTP status.
func (r *Recorder) Statuses() map[int]int {
	out := map[int]int{}
	for _, x := range r.Exchanges() {
		out[x.Status]++
	}
	return out
}

// record wraps a /api/chat answer's body so that its lines are read as they pass.
func (r *Recorder) record(resp *http.Response) error {
	x, ok := resp.Request.Context().Value(exchangeKey{}).(Exchange)
	if !ok {
		return nil
	}
	x.Status = resp.StatusCode
	r.mu.Lock()
	r.inflight++
	r.mu.Unlock()
	resp.Body = &tee{ReadCloser: resp.Body, done: func(lines []byte) { r.finish(x, lines) }}
	return nil
}

// readRequest reads the model and num_ctx of a /api/chat request body.
func readRequest(body []byte) Exchange {
	var req struct {
		Model   string         `json:"model"`
		Options map[string]any `json:"options"`
	}
	var x Exchange
	if json.Unmarshal(body, &req) != nil {
		return x
	}
	x.Model = req.Model
	if n, ok := req.Options["num_ctx"].(float64); ok {
		x.NumCtx = int(n)
	}
	return x
}

// finish reads the answer's lines into x and records it.
func (r *Recorder) finish(x Exchange, body []byte) {
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for sc.Scan() {
		var line struct {
			Error           string `json:"error"`
			Done            bool   `json:"done"`
			DoneReason      string `json:"done_reason"`
			LoadDuration    int64  `json:"load_duration"`
			PromptEvalCount int    `json:"prompt_eval_count"`
		}
		if json.Unmarshal(sc.Bytes(), &line) != nil {
			continue
		}
		if line.Error != "" {
			x.Error = line.Error
		}
		if line.Done {
			x.Load, x.PromptEvalCount, x.DoneReason = time.Duration(line.LoadDuration), line.PromptEvalCount, line.DoneReason
		}
	}
	r.mu.Lock()
	r.exchanges = append(r.exchanges, x)
	if r.inflight--; r.inflight == 0 {
		r.settled.Broadcast()
	}
	r.mu.Unlock()
}

// tee keeps what is read through it and calls done with all of it when closed.
type tee struct {
	io.ReadCloser
	buf  bytes.Buffer
	once sync.Once
	done func([]byte)
}

func (t *tee) Read(p []byte) (int, error) {
	n, err := t.ReadCloser.Read(p)
	t.buf.Write(p[:n])
	return n, err
}

func (t *tee) Close() error {
	err := t.ReadCloser.Close()
	t.once.Do(func() { t.done(t.buf.Bytes()) })
	return err
}
