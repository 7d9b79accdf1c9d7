package ollamatest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// pullable is a model AllowPull lets /api/pull download.
type pullable struct {
	m      Model
	layers []int64
}

// AllowPull lets /api/pull download a model (the machine is otherwise
// offline): the pull streams "pulling manifest", progress lines for each layer
// (of the given sizes, default one layer of m.Size) paced by SetTokenDelay,
// "verifying sha256 digest", "writing manifest" and "success", and the model
// then appears in /api/tags. m.Size defaults to the sum of the layers.
func (s *Server) AllowPull(m Model, layers ...int64) {
	if len(layers) == 0 {
		layers = []int64{newEntry(m, time.Time{}).Size}
	}
	if m.Size <= 0 {
		for _, l := range layers {
			m.Size += l
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pullable[canonicalName(m.Name)] = pullable{m: m, layers: slices.Clone(layers)}
}

// progress is an /api/pull progress line.
type progress struct {
	Status    string `json:"status"`
	Digest    string `json:"digest,omitempty"`
	Total     int64  `json:"total,omitempty"`
	Completed int64  `json:"completed,omitempty"`
}

// offlineError is what Ollama answers when the registry cannot be resolved.
func offlineError(canonical string) string {
	repo, tag := registryPath(canonical)
	return fmt.Sprintf("pull model manifest: Get %q: dial tcp: lookup registry.ollama.ai on 127.0.0.53:53: no such host",
		"https://registry.ollama.ai/v2/"+repo+"/manifests/"+tag)
}

func (s *Server) handlePull(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Model  string `json:"model"`
		Name   string `json:"name"`
		Stream *bool  `json:"stream"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	name := canonicalName(req.Model)
	if name == "" {
		name = canonicalName(req.Name)
	}
	if name == "" {
		writeError(w, http.StatusBadRequest, "invalid model name")
		return
	}
	s.mu.Lock()
	p, ok := s.pullable[name]
	delay := s.tokenDelay
	s.mu.Unlock()
	lines := []progress{{Status: "pulling manifest"}}
	if ok {
		lines = append(lines, layerLines(name, p.layers)...)
		lines = append(lines, progress{Status: "verifying sha256 digest"}, progress{Status: "writing manifest"}, progress{Status: "success"})
	}
	if req.Stream != nil && !*req.Stream {
		s.pullNoStream(w, r, name, ok, p, delay*time.Duration(len(lines)))
		return
	}
	s.pullStream(w, r, name, lines, ok, p, delay)
}

// layerLines are the progress lines of each layer: a start and four steps.
func layerLines(name string, layers []int64) []progress {
	var out []progress
	for i, size := range layers {
		d := digestOf("layer " + strconv.Itoa(i) + " " + name)
		for step := int64(0); step <= 4; step++ {
			out = append(out, progress{Status: "pulling " + d[:12], Digest: "sha256:" + d, Total: size, Completed: size * step / 4})
		}
	}
	return out
}

// pullStream streams the progress lines, then the error when offline.
func (s *Server) pullStream(w http.ResponseWriter, r *http.Request, name string, lines []progress, ok bool, p pullable, delay time.Duration) {
	fault, hasFault := faultFrom(r.Context())
	w.Header().Set("Content-Type", "application/x-ndjson")
	for i, l := range lines {
		if hasFault && i == max(fault.After, 1) {
			s.pullFault(w, fault)
			return
		}
		if !sleepCtx(r, delay) || !writeLine(w, l) {
			return
		}
	}
	if !ok {
		writeLine(w, errorBody{offlineError(name)})
		return
	}
	s.AddModel(p.m)
}

func (s *Server) pullFault(w http.ResponseWriter, f Fault) {
	if f.Kind == FaultCut {
		cut(w)
		return
	}
	writeLine(w, errorBody{f.message()})
}

// pullNoStream answers once at the end: the last status, or a 500 error.
func (s *Server) pullNoStream(w http.ResponseWriter, r *http.Request, name string, ok bool, p pullable, wait time.Duration) {
	w.Header().Set("Content-Type", "application/json")
	if !ok {
		writeError(w, http.StatusInternalServerError, offlineError(name))
		return
	}
	if !sleepCtx(r, wait) {
		return
	}
	s.AddModel(p.m)
	writeJSON(w, http.StatusOK, progress{Status: "success"})
}

// writeLine writes one NDJSON line and flushes it.
func writeLine(w http.ResponseWriter, v any) bool {
	b, _ := json.Marshal(v)
	if _, err := w.Write(append(b, '\n')); err != nil {
		return false
	}
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	return true
}

// sleepCtx waits d unless the client goes away first; it reports whether the
// client is still there.
func sleepCtx(r *http.Request, d time.Duration) bool {
	if d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
		}
	}
	return r.Context().Err() == nil
}

func (s *Server) handleDelete(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Model string `json:"model"`
		Name  string `json:"name"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	name := req.Model
	if name == "" {
		name = req.Name
	}
	if canonicalName(name) == "" {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("name %q is invalid", name))
		return
	}
	c := canonicalName(name)
	s.mu.Lock()
	n := len(s.models)
	s.models = slices.DeleteFunc(s.models, func(e *entry) bool { return e.canonical == c })
	deleted := len(s.models) < n
	if r := s.loaded[c]; deleted && r != nil && r.refs == 0 {
		s.unloadLocked(c)
	}
	s.mu.Unlock()
	if !deleted {
		writeError(w, http.StatusNotFound, fmt.Sprintf("model '%s' not found", name))
		return
	}
	w.WriteHeader(http.StatusOK)
}

// handleGenerate only answers the errors of /api/generate (the engine uses
// /api/chat): 400 without a model, 404 for a missing one, 501 otherwise.
func (s *Server) handleGenerate(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Model string `json:"model"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	switch {
	case canonicalName(req.Model) == "":
		writeError(w, http.StatusBadRequest, "model is required")
	case s.find(req.Model) == nil:
		writeError(w, http.StatusNotFound, fmt.Sprintf("model '%s' not found", req.Model))
	default:
		writeError(w, http.StatusNotImplemented, "ollamatest: /api/generate is not implemented, use /api/chat")
	}
}
