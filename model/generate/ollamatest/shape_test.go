package ollamatest

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"testing"
	"time"
)

// sampleModels are the two models the samples were recorded with.
func sampleModels() []Model {
	return []Model{
		{Name: "tiny", ContextLength: 2048},
		{Name: "tiny-long", ContextLength: 2048, Endless: true},
	}
}

// sampleSetup prepares the server state some transcripts were recorded in.
var sampleSetup = map[string]func(t *testing.T, s *Server){
	"ps.txt": func(t *testing.T, s *Server) {
		s.SetMaxLoaded(3)
		load(t, s, "tiny", "")
		load(t, s, "tiny-long", "")
	},
	"ps-after-unload.txt": func(t *testing.T, s *Server) {
		s.SetMaxLoaded(3)
		load(t, s, "tiny", "")
		load(t, s, "tiny-long", "")
		load(t, s, "tiny", `,"keep_alive":0`)
	},
}

// load sends an empty chat, which loads (or with keep_alive 0 unloads) a model.
func load(t *testing.T, s *Server, model, extra string) {
	t.Helper()
	resp := post(t, s, "/api/chat", `{"model":"`+model+`","messages":[]`+extra+`}`)
	_ = resp.Body.Close()
}

// post sends a raw request body and returns the response.
func post(t *testing.T, s *Server, path, body string) *http.Response {
	t.Helper()
	return do(t, s, http.MethodPost, path, body)
}

func do(t *testing.T, s *Server, method, path, body string) *http.Response {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return realDo(ctx, t, method, s.URL()+path, body)
}

// TestShapeMatchesSamples replays every recorded curl transcript against the
// server and compares status, Content-Type, framing, the order and types of
// JSON keys, and the values that do not depend on timing.
func TestShapeMatchesSamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(samplesDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples in %s: %v", samplesDir, err)
	}
	n := 0
	for _, f := range files {
		want, ok, err := readTranscript(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !ok {
			continue
		}
		n++
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) { compareTranscript(t, name, want) })
	}
	if n < 25 {
		t.Errorf("only %d transcripts compared", n)
	}
}

func compareTranscript(t *testing.T, name string, want transcript) {
	s := New(sampleModels()...)
	defer s.Close()
	if setup := sampleSetup[name]; setup != nil {
		setup(t, s)
	}
	resp := do(t, s, want.method, want.path, want.reqBody)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != want.status {
		t.Errorf("status %d, want %d (body %s)", resp.StatusCode, want.status, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != want.contentType {
		t.Errorf("Content-Type %q, want %q", ct, want.contentType)
	}
	if chunked := len(resp.TransferEncoding) > 0; chunked != want.chunked {
		t.Errorf("chunked %v, want %v", chunked, want.chunked)
	}
	if want.contentType == "application/x-ndjson" {
		compareStream(t, want.body, body)
		return
	}
	compareJSON(t, want, body)
}

func compareStream(t *testing.T, wantBody, gotBody []byte) {
	w, err := ndjson(wantBody)
	if err != nil {
		t.Fatalf("sample: %v", err)
	}
	g, err := ndjson(gotBody)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range streamDiff(w, g) {
		t.Error(d)
	}
}

func compareJSON(t *testing.T, want transcript, body []byte) {
	w, err := parseOrdered(want.body)
	if err != nil {
		t.Fatalf("sample: %v", err)
	}
	g, err := parseOrdered(body)
	if err != nil {
		t.Fatalf("body %q: %v", body, err)
	}
	for _, d := range shapeDiff("body", w, g) {
		t.Error(d)
	}
	_, isErr := w.get("error")
	_, isVersion := w.get("version")
	sanitized := want.length != len(want.body)
	if (isErr || isVersion) && !sanitized && want.length != len(body) {
		t.Errorf("Content-Length %d, want %d", len(body), want.length)
	}
	if r, ok := w.get("done_reason"); ok && r.text == "length" {
		we, _ := w.get("eval_count")
		ge, _ := g.get("eval_count")
		if we.text != ge.text {
			t.Errorf("eval_count %s, want %s", ge.text, we.text)
		}
	}
}

// TestShapeDiffDetectsDrift proves the comparison fails when the server
// drifts: a renamed, reordered, missing or retyped key, or another error text.
func TestShapeDiffDetectsDrift(t *testing.T) {
	const want = `{"model":"tiny","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","eval_count":3}`
	drifts := map[string]string{
		"renamed":    `{"model":"tiny","message":{"role":"assistant","content":""},"done":true,"doneReason":"stop","eval_count":3}`,
		"reordered":  `{"model":"tiny","message":{"content":"","role":"assistant"},"done":true,"done_reason":"stop","eval_count":3}`,
		"missing":    `{"model":"tiny","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop"}`,
		"retyped":    `{"model":"tiny","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","eval_count":"3"}`,
		"value":      `{"model":"tiny","message":{"role":"assistant","content":""},"done":true,"done_reason":"length","eval_count":3}`,
		"nested key": `{"model":"tiny","message":{"role":"assistant","text":""},"done":true,"done_reason":"stop","eval_count":3}`,
	}
	w, _ := parseOrdered([]byte(want))
	if d := shapeDiff("", w, w); len(d) > 0 {
		t.Fatalf("identical values differ: %v", d)
	}
	for name, drift := range drifts {
		g, err := parseOrdered([]byte(drift))
		if err != nil {
			t.Fatal(err)
		}
		if len(shapeDiff("", w, g)) == 0 {
			t.Errorf("%s: drift not detected", name)
		}
	}
	e1, _ := parseOrdered([]byte(`{"error":"model 'x' not found"}`))
	e2, _ := parseOrdered([]byte(`{"error":"model \"x\" not found"}`))
	if len(shapeDiff("", e1, e2)) == 0 {
		t.Error("another error text not detected")
	}
}
