package ollamatest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestFaultCut(t *testing.T) {
	// Real server: a fault it cannot be made to show.
	s := New()
	defer s.Close()
	s.Inject(Fault{Kind: FaultCut, After: 3})
	resp := post(t, s, "/api/chat", body("tiny", french, ""))
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("read error %v, want unexpected EOF", err)
	}
	if lines := strings.Count(string(b), "\n"); lines != 3 || strings.Contains(string(b), `"done":true`) {
		t.Errorf("%d lines before the cut:\n%s", lines, b)
	}
	// Used once: the next request is normal.
	if r := chat(t, s, body("tiny", french, "")); r.final().DoneReason != "stop" {
		t.Errorf("after the fault: %+v", r.final())
	}
	s.Inject(Fault{Kind: FaultCut})
	req, _ := http.NewRequest(http.MethodPost, s.URL()+"/api/chat", strings.NewReader(body("tiny", "hi", `,"stream":false`)))
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Error("stream false: a cut connection answered")
	}
}

func TestFaultErrorLine(t *testing.T) {
	// Real server: a fault it cannot be made to show.
	s := New()
	defer s.Close()
	s.Inject(Fault{Kind: FaultErrorLine, After: 2})
	r := chat(t, s, body("tiny", french, ""))
	if r.status != 200 || len(r.chunks) != 2 || r.err != midStreamError {
		t.Errorf("status %d, %d chunks, error %q", r.status, len(r.chunks), r.err)
	}
	s.Inject(Fault{Kind: FaultErrorLine, Message: "boom"})
	if r := chat(t, s, body("tiny", french, "")); r.status != 500 || r.err != "boom" {
		t.Errorf("before any token: %d %q, want a 500 like Ollama", r.status, r.err)
	}
}

func TestFaultStatusAndHTML(t *testing.T) {
	// Real server: faults it cannot be made to show.
	s := New()
	defer s.Close()
	s.Inject(Fault{Kind: FaultStatus})
	s.Inject(Fault{Kind: FaultStatus, Status: 503})
	s.Inject(Fault{Kind: FaultStatus, Status: 500, Message: "custom"})
	for _, want := range []struct {
		status int
		err    string
	}{{500, defaultMessages[500]}, {503, defaultMessages[503]}, {500, "custom"}} {
		if r := chat(t, s, body("tiny", "hi", "")); r.status != want.status || r.err != want.err {
			t.Errorf("%d %q, want %d %q", r.status, r.err, want.status, want.err)
		}
	}
	s.Inject(Fault{Kind: FaultHTML, Path: "/api/tags"})
	resp := do(t, s, http.MethodGet, "/api/tags", "")
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || !strings.HasPrefix(string(b), "<!DOCTYPE html>") {
		t.Errorf("HTML fault: %d %q %q", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	if s.Requests("/api/tags") != 1 || s.Requests("/api/chat") != 3 {
		t.Errorf("requests: tags %d chat %d", s.Requests("/api/tags"), s.Requests("/api/chat"))
	}
}

func TestFaultEmpty(t *testing.T) {
	// Real server: a fault it cannot be made to show.
	s := New()
	defer s.Close()
	s.Inject(Fault{Kind: FaultEmpty})
	r := chat(t, s, body("tiny", french, ""))
	if len(r.chunks) != 1 || !r.final().Done || r.final().DoneReason != "stop" || r.text() != "" {
		t.Errorf("empty reply: %+v", r.chunks)
	}
}

func TestFaultStall(t *testing.T) {
	// Real server: a fault it cannot be made to show.
	s := New()
	defer s.Close()
	s.Inject(Fault{Kind: FaultStall, After: 2})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.URL()+"/api/chat", strings.NewReader(body("tiny", french, "")))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	lines := make(chan int, 1)
	go func() {
		b, _ := io.ReadAll(resp.Body)
		lines <- strings.Count(string(b), "\n")
	}()
	select {
	case n := <-lines:
		t.Fatalf("the stalled stream ended after %d lines", n)
	case <-time.After(200 * time.Millisecond):
	}
	cancel()
	if n := <-lines; n != 2 {
		t.Errorf("%d lines before the stall, want 2", n)
	}
	// The slot is freed once the client went away.
	if r := chat(t, s, body("tiny", "hi", `,"options":{"num_predict":1}`)); r.status != 200 {
		t.Errorf("after the stall: %d", r.status)
	}
}

func TestFaultOnOtherPathDoesNotTouchChat(t *testing.T) {
	// Real server: the fault machinery itself, which it does not have.
	s := New()
	defer s.Close()
	s.Inject(Fault{Kind: FaultStatus, Path: "/api/show"})
	if r := chat(t, s, body("tiny", "hi", "")); r.status != 200 {
		t.Errorf("chat took the show fault: %d", r.status)
	}
	resp := post(t, s, "/api/show", `{"model":"tiny"}`)
	resp.Body.Close()
	if resp.StatusCode != 500 {
		t.Errorf("show: %d", resp.StatusCode)
	}
}
