package openaitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"unicode/utf8"
)

// Model is a model the server lists.
type Model struct {
	// Name is the model's id.
	Name string
	// MaxModelLen is listed as vLLM lists it (max_model_len), 0 for none; a prompt and
	// max_tokens beyond it are refused with vLLM's 400.
	MaxModelLen int
	// NCtxTrain is listed as llama.cpp lists it (meta.n_ctx_train), 0 for none.
	NCtxTrain int
	// LlamaContext, when set, makes the model refuse a prompt beyond it with llama.cpp's 400
	// exceed_context_size_error, and /props tell it.
	LlamaContext int
	// Words is how many words the model writes before it stops; 0 means 12.
	Words int
}

// FaultKind names a fault the server injects in its next chat answer.
type FaultKind int

// The faults.
const (
	// FaultStatus answers Status with Body (JSON).
	FaultStatus FaultKind = iota + 1
	// FaultNoUsage streams without the usage event, as servers that ignore stream_options.
	FaultNoUsage
	// FaultCut closes the stream after After text events, without finish_reason nor [DONE].
	FaultCut
	// FaultStall sends After text events, then nothing until the client goes away.
	FaultStall
	// FaultHTML answers a web page.
	FaultHTML
	// FaultRedirect answers 307 to another address.
	FaultRedirect
	// FaultEndless writes text events until the client goes away.
	FaultEndless
	// FaultErrorEvent sends After text events, then an error event whose message is Body,
	// as Ollama's /v1 reports a failure in the middle of a stream.
	FaultErrorEvent
)

// Fault is one injected fault.
type Fault struct {
	Kind   FaultKind
	Status int
	Body   string
	After  int
}

// ChatRequest is a chat request the server received.
type ChatRequest struct {
	// Authorization is the header as received.
	Authorization string
	// Body is the decoded request.
	Body map[string]any
	// Messages are the request's messages.
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	}
}

// Server is the test server. Its methods are safe for concurrent use.
type Server struct {
	srv *httptest.Server

	mu       sync.Mutex
	models   []Model
	key      string
	faults   []Fault
	requests []ChatRequest
	paths    []string
	build    string
}

// New starts a server listing models; it is closed at the end of the test.
func New(t interface{ Cleanup(func()) }, models ...Model) *Server {
	s := &Server{models: models}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/models", s.listModels)
	mux.HandleFunc("GET /props", s.props)
	mux.HandleFunc("POST /v1/chat/completions", s.chat)
	s.srv = httptest.NewServer(s.record(mux))
	t.Cleanup(s.srv.Close)
	return s
}

// URL is the API's base URL, "http://127.0.0.1:port/v1".
func (s *Server) URL() string { return s.srv.URL + "/v1" }

// SetKey makes the server require "Authorization: Bearer key"; a request without it is
// refused 401 with a body that echoes the key it got, as some servers do.
func (s *Server) SetKey(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.key = key
}

// SetBuild makes /props tell build_info.
func (s *Server) SetBuild(build string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.build = build
}

// Inject queues a fault for the next chat request.
func (s *Server) Inject(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
}

// Requests returns the chat requests received.
func (s *Server) Requests() []ChatRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ChatRequest(nil), s.requests...)
}

// Paths returns the paths of every request received, in order.
func (s *Server) Paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.paths...)
}

// record notes each request's path and checks its key.
func (s *Server) record(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.Path)
		key := s.key
		s.mu.Unlock()
		if got := r.Header.Get("Authorization"); key != "" && got != "Bearer "+key {
			writeJSON(w, http.StatusUnauthorized, map[string]any{"error": map[string]any{
				"message": fmt.Sprintf("Incorrect API key provided: %q. You can find your API key in your account settings.", strings.TrimPrefix(got, "Bearer ")),
				"type":    "invalid_request_error", "param": nil, "code": "invalid_api_key"}})
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) listModels(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	data := make([]map[string]any, 0, len(s.models))
	for _, m := range s.models {
		e := map[string]any{"id": m.Name, "object": "model", "created": 1796425938, "owned_by": "library"}
		if m.MaxModelLen > 0 {
			e["max_model_len"] = m.MaxModelLen
		}
		if m.NCtxTrain > 0 {
			e["meta"] = map[string]any{"vocab_type": 2, "n_ctx_train": m.NCtxTrain}
		}
		data = append(data, e)
	}
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": data})
}

func (s *Server) props(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.models {
		if m.LlamaContext > 0 {
			writeJSON(w, http.StatusOK, map[string]any{"default_generation_settings": map[string]any{"n_ctx": m.LlamaContext},
				"total_slots": 1, "build_info": s.build})
			return
		}
	}
	http.NotFound(w, nil)
}

func (s *Server) model(name string) (Model, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.models {
		if m.Name == name {
			return m, true
		}
	}
	return Model{}, false
}

func (s *Server) nextFault() (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.faults) == 0 {
		return Fault{}, false
	}
	f := s.faults[0]
	s.faults = s.faults[1:]
	return f, true
}

// PromptTokens is how the server counts a prompt: a token per four characters of each
// message, plus four per message.
func PromptTokens(req ChatRequest) int {
	n := 0
	for _, m := range req.Messages {
		n += (utf8.RuneCountInString(m.Content)+3)/4 + 4
	}
	return n
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
