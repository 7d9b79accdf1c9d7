package ollamatest

import (
	"context"
	"io"
	"net/http"
)

// FaultKind is a way for the server to misbehave.
type FaultKind int

const (
	// FaultCut closes the connection after After tokens, without the done line
	// (with stream false: without any answer).
	FaultCut FaultKind = iota
	// FaultErrorLine answers 200, streams After tokens, then an {"error":"..."}
	// line, like a model failing mid-stream. As in Ollama, an error before any
	// line is written (After 0, or stream false) is a 500 {"error":"..."}
	// answer instead (Content-Type "application/json" when streaming).
	FaultErrorLine
	// FaultStatus answers {"error":Message} with Status (default 500).
	FaultStatus
	// FaultHTML answers 200 text/html, like a captive portal or another web
	// server listening on Ollama's port.
	FaultHTML
	// FaultEmpty streams only the final done line: the model wrote nothing.
	FaultEmpty
	// FaultStall sends After tokens then nothing more, keeping the connection
	// (and the model's slot) until the client goes away.
	FaultStall
)

// String names the kind, for test messages.
func (k FaultKind) String() string {
	names := []string{"FaultCut", "FaultErrorLine", "FaultStatus", "FaultHTML", "FaultEmpty", "FaultStall"}
	if int(k) >= 0 && int(k) < len(names) {
		return names[k]
	}
	return "FaultKind(?)"
}

// Fault makes one request misbehave; see [Server.Inject].
type Fault struct {
	Kind    FaultKind
	Path    string // default "/api/chat"
	After   int    // for FaultCut, FaultErrorLine, FaultStall: how many tokens are sent first
	Status  int    // for FaultStatus: the HTTP status (default 500)
	Message string // error text (default: a realistic one for the kind and status)
}

// Inject makes the next request to f.Path (default "/api/chat") misbehave
// once; several faults queue in order, each path its own queue. Cut, ErrorLine,
// Empty and Stall act where a reply is generated (/api/chat, or /api/pull for
// Cut and ErrorLine); on other paths, and on requests that fail before
// generating, they are used up without effect.
func (s *Server) Inject(f Fault) {
	if f.Path == "" {
		f.Path = "/api/chat"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
}

// takeFault removes and returns the first fault queued for a path.
func (s *Server) takeFault(path string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if f.Path == path {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			return f, true
		}
	}
	return Fault{}, false
}

// defaultMessages are realistic errors for FaultStatus.
var defaultMessages = map[int]string{
	http.StatusInternalServerError: "model requires more system memory (8.0 GiB) than is available (4.1 GiB)",
	http.StatusServiceUnavailable:  "server busy, please try again.  maximum pending requests exceeded",
	http.StatusNotFound:            "model 'tiny' not found",
	http.StatusBadRequest:          "model is required",
	499:                            "request canceled",
}

// midStreamError is what Ollama streams when the runner dies mid-reply.
const midStreamError = "an error was encountered while running the model: unexpected EOF"

// htmlPage is what a captive portal or another web server answers.
const htmlPage = "<!DOCTYPE html>\n<html><head><title>Welcome</title></head>\n<body><h1>It works!</h1></body></html>\n"

// serveFault answers the faults that replace the whole response, and reports
// whether it did.
func (s *Server) serveFault(w http.ResponseWriter, _ *http.Request, f Fault) bool {
	switch f.Kind {
	case FaultStatus:
		status := f.Status
		if status == 0 {
			status = http.StatusInternalServerError
		}
		msg := f.Message
		if msg == "" {
			msg = defaultMessages[status]
		}
		if msg == "" {
			msg = http.StatusText(status)
		}
		writeError(w, status, msg)
		return true
	case FaultHTML:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, htmlPage)
		return true
	}
	return false
}

type faultKey struct{}

func withFault(ctx context.Context, f Fault) context.Context {
	return context.WithValue(ctx, faultKey{}, f)
}

// faultFrom returns the fault the request carries, if any.
func faultFrom(ctx context.Context) (Fault, bool) {
	f, ok := ctx.Value(faultKey{}).(Fault)
	return f, ok
}

// message is the fault's text or the default for a mid-stream error.
func (f Fault) message() string {
	if f.Message != "" {
		return f.Message
	}
	return midStreamError
}

// cut closes the client connection abruptly, without finishing the response
// (the lines written so far were flushed; without any, not even headers).
func cut(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}
