package openaitest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

func (s *Server) chat(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	req := ChatRequest{Authorization: r.Header.Get("Authorization")}
	if json.Unmarshal(raw, &req.Body) != nil || json.Unmarshal(raw, &req) != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]any{"message": "invalid JSON", "type": "invalid_request_error"}})
		return
	}
	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.mu.Unlock()
	f, faulty := s.nextFault()
	switch {
	case faulty && f.Kind == FaultStatus:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(f.Status)
		_, _ = io.WriteString(w, f.Body)
		return
	case faulty && f.Kind == FaultHTML:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, "<!doctype html><html><body>Bienvenue</body></html>")
		return
	case faulty && f.Kind == FaultRedirect:
		http.Redirect(w, r, "http://elsewhere.example/v1/chat/completions", http.StatusTemporaryRedirect)
		return
	}
	name, _ := req.Body["model"].(string)
	m, ok := s.model(name)
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]any{"message": fmt.Sprintf("model '%s' not found", name), "type": "api_error", "param": nil, "code": nil}})
		return
	}
	if tooLong(w, m, req) {
		return
	}
	s.stream(w, r, m, req, f)
}

// tooLong refuses a prompt beyond the model's context as vLLM or llama.cpp do.
func tooLong(w http.ResponseWriter, m Model, req ChatRequest) bool {
	prompt := PromptTokens(req)
	maxTokens := 0
	if n, ok := req.Body["max_tokens"].(float64); ok {
		maxTokens = int(n)
	}
	switch {
	case m.MaxModelLen > 0 && prompt+maxTokens > m.MaxModelLen:
		writeJSON(w, http.StatusBadRequest, map[string]any{"object": "error",
			"message": fmt.Sprintf("This model's maximum context length is %d tokens. However, you requested %d tokens (%d in the messages, %d in the completion). Please reduce the length of the messages or completion.",
				m.MaxModelLen, prompt+maxTokens, prompt, maxTokens),
			"type": "BadRequestError", "param": nil, "code": 400})
		return true
	case m.LlamaContext > 0 && prompt > m.LlamaContext:
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]any{"code": 400,
			"message": "the request exceeds the available context size, try increasing it",
			"type":    "exceed_context_size_error", "n_prompt_tokens": prompt, "n_ctx": m.LlamaContext}})
		return true
	}
	return false
}

// writeText sends n pieces of text (endless for FaultEndless), or fewer then the fault's
// end; false when the stream must end there.
func writeText(r *http.Request, n int, f Fault, event func(any), chunk func(string, any) map[string]any) bool {
	for i := 0; i < n || f.Kind == FaultEndless; i++ {
		if r.Context().Err() != nil {
			return false
		}
		if f.Kind == FaultErrorEvent && i == f.After {
			event(map[string]any{"error": map[string]any{"message": f.Body, "type": "api_error", "param": nil, "code": nil}})
			return false
		}
		if (f.Kind == FaultCut || f.Kind == FaultStall) && i == f.After {
			if f.Kind == FaultStall {
				<-r.Context().Done()
			}
			return false
		}
		event(chunk(" "+words[i%len(words)], nil))
	}
	return true
}

// words are what the models write.
var words = strings.Fields("La concertation a réuni les habitant·es du quartier autour de trois scénarios pour la place")

// stream writes the answer as Ollama's /v1 does: one event per piece of text, flushed.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, m Model, req ChatRequest, f Fault) {
	w.Header().Set("Content-Type", "text/event-stream")
	flusher, _ := w.(http.Flusher)
	event := func(v any) {
		b, _ := json.Marshal(v)
		_, _ = fmt.Fprintf(w, "data: %s\n\n", b)
		flusher.Flush()
	}
	chunk := func(content string, finish any) map[string]any {
		return map[string]any{"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1796425941, "model": m.Name,
			"system_fingerprint": "fp_test", "choices": []any{map[string]any{"index": 0,
				"delta": map[string]any{"role": "assistant", "content": content}, "finish_reason": finish}}}
	}
	n, finish := m.Words, "stop"
	if n == 0 {
		n = 12
	}
	if mt, ok := req.Body["max_tokens"].(float64); ok && int(mt) < n {
		n, finish = int(mt), "length"
	}
	if !writeText(r, n, f, event, chunk) {
		return
	}
	event(chunk("", finish))
	if opts, _ := req.Body["stream_options"].(map[string]any); opts["include_usage"] == true && f.Kind != FaultNoUsage {
		prompt := PromptTokens(req)
		event(map[string]any{"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1796425941, "model": m.Name,
			"system_fingerprint": "fp_test", "choices": []any{}, "usage": map[string]any{"prompt_tokens": prompt, "completion_tokens": n, "total_tokens": prompt + n}})
	}
	_, _ = io.WriteString(w, "data: [DONE]\n\n")
	flusher.Flush()
}
