package ollamatest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"time"
)

// Version is the Ollama version the server claims in /api/version.
const Version = "0.17.4"

// Server is an in-process Ollama server for tests. Its methods are safe for
// concurrent use.
type Server struct {
	ts *httptest.Server

	mu         sync.Mutex
	models     []*entry
	pullable   map[string]pullable
	tokenDelay time.Duration
	loadDelay  time.Duration
	maxLoaded  int
	parallel   int
	loaded     map[string]*runner
	loads      map[string]int
	totalLoads int
	requests   map[string]int
	lastChat   ChatRequest
	chats      []ChatRequest
	faults     []Fault
	held       map[string]bool
	queued     int           // requests waiting for a slot
	changed    chan struct{} // closed and replaced whenever scheduling state changes
}

// New starts a server with the given models; with none, it has a default
// "tiny" model (ContextLength 2048, completion only). Close it when done.
func New(models ...Model) *Server {
	s := &Server{
		pullable: map[string]pullable{}, maxLoaded: 1, parallel: 1,
		loaded: map[string]*runner{}, loads: map[string]int{}, requests: map[string]int{},
		held: map[string]bool{}, changed: make(chan struct{}),
	}
	if len(models) == 0 {
		models = []Model{{Name: "tiny", ContextLength: 2048, Capabilities: []string{"completion"}}}
	}
	for _, m := range models {
		s.AddModel(m)
	}
	s.ts = httptest.NewServer(http.HandlerFunc(s.route))
	return s
}

// URL is the base URL of the server, e.g. http://127.0.0.1:34567.
func (s *Server) URL() string { return s.ts.URL }

// Close shuts the server down, cutting any open connection (held or stalled
// requests included).
func (s *Server) Close() {
	s.ts.CloseClientConnections()
	s.ts.Close()
}

// AddModel adds a model, or replaces the one with the same name.
func (s *Server) AddModel(m Model) {
	e := newEntry(m, time.Now())
	s.mu.Lock()
	defer s.mu.Unlock()
	s.models = slices.DeleteFunc(s.models, func(o *entry) bool { return o.canonical == e.canonical })
	s.models = append(s.models, e)
}

// SetTokenDelay sets the delay between streamed tokens (default 0); it also
// paces pull progress lines.
func (s *Server) SetTokenDelay(d time.Duration) { s.set(func() { s.tokenDelay = d }) }

// SetLoadDelay sets the time to load a model that is not loaded (default 0).
// A model stays loaded until another one is loaded with MaxLoaded reached, it
// is requested with another num_ctx, or keep_alive 0 unloads it.
func (s *Server) SetLoadDelay(d time.Duration) { s.set(func() { s.loadDelay = d }) }

// SetMaxLoaded sets how many models stay loaded at once (default 1, like a
// laptop).
func (s *Server) SetMaxLoaded(n int) { s.set(func() { s.maxLoaded = max(n, 1) }) }

// SetParallel sets how many requests each model serves at once (default 1: the
// others wait; the wait shows in total_duration, not in load_duration).
func (s *Server) SetParallel(n int) { s.set(func() { s.parallel = max(n, 1) }) }

func (s *Server) set(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f()
	s.notifyLocked()
}

// Loads is how many times a model was loaded ("tiny" and "tiny:latest" are the
// same model).
func (s *Server) Loads(model string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.loads[canonicalName(model)]
}

// TotalLoads is how many times any model was loaded.
func (s *Server) TotalLoads() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.totalLoads
}

// Requests is how many requests were received on a path, e.g. "/api/chat".
func (s *Server) Requests(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[path]
}

// LastChat is the last /api/chat request body as decoded.
func (s *Server) LastChat() ChatRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastChat
}

// Chats returns every /api/chat request received, in order.
func (s *Server) Chats() []ChatRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ChatRequest(nil), s.chats...)
}

// HoldSlot simulates Ollama bug #17131: every later /api/chat that would
// generate with that model hangs (the request never answers: no status line,
// no headers) until ReleaseSlot or the client goes away. Other models keep
// working.
func (s *Server) HoldSlot(model string) {
	s.set(func() { s.held[canonicalName(model)] = true })
}

// ReleaseSlot ends HoldSlot: the waiting requests proceed.
func (s *Server) ReleaseSlot(model string) {
	s.set(func() { delete(s.held, canonicalName(model)) })
}

// find returns the model with that name, or nil.
func (s *Server) find(name string) *entry {
	c := canonicalName(name)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.models {
		if e.canonical == c {
			return e
		}
	}
	return nil
}

// route dispatches like Ollama's router; an unknown path or method is a 404.
func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests[r.URL.Path]++
	s.mu.Unlock()
	if f, ok := s.takeFault(r.URL.Path); ok {
		if s.serveFault(w, r, f) {
			return
		}
		r = r.WithContext(withFault(r.Context(), f))
	}
	type key struct{ method, path string }
	handlers := map[key]http.HandlerFunc{
		{"GET", "/"}: s.handleRoot, {"HEAD", "/"}: s.handleRoot,
		{"GET", "/api/version"}: s.handleVersion, {"HEAD", "/api/version"}: s.handleVersion,
		{"GET", "/api/tags"}: s.handleTags, {"GET", "/api/ps"}: s.handlePs,
		{"POST", "/api/show"}: s.handleShow, {"POST", "/api/chat"}: s.handleChat,
		{"POST", "/api/generate"}: s.handleGenerate, {"POST", "/api/pull"}: s.handlePull,
		{"DELETE", "/api/delete"}: s.handleDelete,
	}
	h, ok := handlers[key{r.Method, r.URL.Path}]
	if !ok {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, "404 page not found")
		return
	}
	h(w, r)
}

func (s *Server) handleRoot(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = io.WriteString(w, "Ollama is running")
}

func (s *Server) handleVersion(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"version": Version})
}

func (s *Server) handleTags(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	list := make([]tagsModel, 0, len(s.models))
	for _, e := range s.models {
		list = append(list, tagsModel{
			Name: e.canonical, Model: e.canonical, ModifiedAt: e.modified, Size: e.Size,
			Digest: e.digest, Details: e.details(""), RemoteHost: e.RemoteHost, RemoteModel: e.remoteModel(),
		})
	}
	s.mu.Unlock()
	// Ollama lists the most recently modified first, by whole seconds; models
	// added in the same second keep the order they were added in.
	slices.SortStableFunc(list, func(a, b tagsModel) int {
		return int(b.ModifiedAt.Unix() - a.ModifiedAt.Unix())
	})
	writeJSON(w, http.StatusOK, struct {
		Models []tagsModel `json:"models"`
	}{list})
}

func (s *Server) handleShow(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Model   string `json:"model"`
		Name    string `json:"name"`
		Verbose bool   `json:"verbose"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	name := req.Model
	if name == "" {
		name = req.Name
	}
	if name == "" {
		writeError(w, http.StatusBadRequest, "model is required")
		return
	}
	e := s.find(name)
	if e == nil {
		writeError(w, http.StatusNotFound, "model '"+name+"' not found")
		return
	}
	writeJSON(w, http.StatusOK, e.show(req.Verbose))
}

// decodeBody decodes a JSON request body the way gin does, answering 400 on
// failure ("missing request body", "unexpected EOF"…).
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	err := json.NewDecoder(r.Body).Decode(v)
	switch {
	case errors.Is(err, io.EOF):
		writeError(w, http.StatusBadRequest, "missing request body")
	case err != nil:
		writeError(w, http.StatusBadRequest, err.Error())
	default:
		return true
	}
	return false
}

// writeJSON writes v as gin's c.JSON does: "application/json; charset=utf-8",
// no trailing newline, in one write (so small bodies get a Content-Length and
// large ones are chunked, as in the samples).
func writeJSON(w http.ResponseWriter, status int, v any) {
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	}
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":"json: `+err.Error()+`"}`)
	}
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// errorBody is Ollama's error object.
type errorBody struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{msg})
}

// notifyLocked wakes every goroutine waiting for a scheduling change; s.mu must
// be held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}
