package ollamatest

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ollama/ollama/api"
)

// client is the official Go client on the server.
func client(t *testing.T, s *Server) (*api.Client, context.Context) {
	t.Helper()
	u, err := url.Parse(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return api.NewClient(u, http.DefaultClient), ctx
}

// mistral is a realistic model description.
var mistral = Model{Name: "mistral:7b", Family: "llama", ParameterSize: "7.2B", Quantization: "Q4_K_M", ContextLength: 32768, Size: 4_400_000_000}

func TestClientListVersion(t *testing.T) {
	// Real server: TestRealRootAndVersion and ollama.TestRealStatusAndShow check version and list.
	s := New(mistral)
	defer s.Close()
	c, ctx := client(t, s)
	if v, err := c.Version(ctx); err != nil || v != Version {
		t.Errorf("Version %q %v", v, err)
	}
	if err := c.Heartbeat(ctx); err != nil {
		t.Errorf("Heartbeat: %v", err)
	}
	list, err := c.List(ctx)
	if err != nil || len(list.Models) != 1 {
		t.Fatalf("List %+v %v", list, err)
	}
	m := list.Models[0]
	if m.Name != "mistral:7b" || m.Size != 4_400_000_000 || m.Details.QuantizationLevel != "Q4_K_M" || len(m.Digest) != 64 {
		t.Errorf("List: %+v", m)
	}
}

func TestClientShow(t *testing.T) {
	// Real server: ollama.TestRealStatusAndShow and TestRealModelMissing check model_info, capabilities, 404.
	s := New(mistral)
	defer s.Close()
	c, ctx := client(t, s)
	show, err := c.Show(ctx, &api.ShowRequest{Model: "mistral:7b"})
	if err != nil {
		t.Fatal(err)
	}
	if show.ModelInfo["llama.context_length"] != float64(32768) || show.ModelInfo["general.parameter_count"] != float64(7.2e9) {
		t.Errorf("model_info %v", show.ModelInfo)
	}
	if len(show.Capabilities) != 1 || show.Capabilities[0] != "completion" || show.Details.ParameterSize != "7.2B" {
		t.Errorf("Show: %+v %+v", show.Capabilities, show.Details)
	}
	var se api.StatusError
	if _, err := c.Show(ctx, &api.ShowRequest{Model: "nope"}); !errors.As(err, &se) || se.StatusCode != 404 || se.ErrorMessage != "model 'nope' not found" {
		t.Errorf("Show missing: %#v", err)
	}
}

func TestClientChatStream(t *testing.T) {
	// Real server: TestRealNumPredictFraming checks the framing; it may merge tokens into one line.
	s := New()
	defer s.Close()
	c, ctx := client(t, s)
	var chunks []api.ChatResponse
	req := &api.ChatRequest{Model: "tiny", Messages: []api.Message{{Role: "user", Content: french}}, Options: map[string]any{"seed": 7}}
	err := c.Chat(ctx, req, func(r api.ChatResponse) error {
		chunks = append(chunks, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	raw := chat(t, s, body("tiny", french, `,"options":{"seed":7}`))
	if len(chunks) != len(raw.chunks) {
		t.Fatalf("client saw %d chunks, raw %d", len(chunks), len(raw.chunks))
	}
	for i := range chunks {
		if chunks[i].Message.Content != raw.chunks[i].Message.Content {
			t.Errorf("chunk %d: %q vs %q", i, chunks[i].Message.Content, raw.chunks[i].Message.Content)
		}
	}
	final := chunks[len(chunks)-1]
	if !final.Done || final.DoneReason != "stop" || final.EvalCount != len(chunks)-1 || final.TotalDuration <= 0 {
		t.Errorf("final %+v", final)
	}
	if got := s.LastChat(); got.Model != "tiny" || got.Options["seed"] != float64(7) || got.Stream != nil {
		t.Errorf("LastChat %+v", got)
	}
}

func TestClientErrors(t *testing.T) {
	// Real server: TestRealRequestErrors checks the same answers.
	s := New()
	defer s.Close()
	c, ctx := client(t, s)
	nop := func(api.ChatResponse) error { return nil }
	f := false
	cases := []struct {
		req    *api.ChatRequest
		status int
		msg    string
	}{
		{&api.ChatRequest{Model: "nope", Messages: []api.Message{{Role: "user", Content: "hi"}}}, 404, "model 'nope' not found"},
		{&api.ChatRequest{Model: "nope", Stream: &f, Messages: []api.Message{{Role: "user", Content: "hi"}}}, 404, "model 'nope' not found"},
		{&api.ChatRequest{Model: "", Messages: []api.Message{{Role: "user", Content: "hi"}}}, 400, "model is required"},
		{&api.ChatRequest{Model: "tiny", Messages: []api.Message{{Role: "user", Content: "hi"}}, Options: map[string]any{"num_predict": "ten"}}, 500, `option "num_predict" must be of type integer`},
	}
	for _, cs := range cases {
		var se api.StatusError
		err := c.Chat(ctx, cs.req, nop)
		if !errors.As(err, &se) || se.StatusCode != cs.status || se.ErrorMessage != cs.msg {
			t.Errorf("%s: %#v, want StatusError %d %q", cs.req.Model, err, cs.status, cs.msg)
		}
	}
}

func TestClientSeesFaults(t *testing.T) {
	// Real server: faults it cannot be made to show; the client's reading of them is from go-client-errors.txt.
	s := New()
	defer s.Close()
	c, ctx := client(t, s)
	req := &api.ChatRequest{Model: "tiny", Messages: []api.Message{{Role: "user", Content: french}}}
	count := func() (int, error) {
		n := 0
		err := c.Chat(ctx, req, func(api.ChatResponse) error { n++; return nil })
		return n, err
	}
	// A cut stream: Chat returns nil, with the chunks received so far.
	s.Inject(Fault{Kind: FaultCut, After: 4})
	if n, err := count(); err != nil || n != 4 {
		t.Errorf("cut: %d chunks, %v; want 4 and nil as in go-client-errors.txt", n, err)
	}
	// An error line: a plain error, not a StatusError.
	s.Inject(Fault{Kind: FaultErrorLine, After: 2})
	var se api.StatusError
	if n, err := count(); err == nil || err.Error() != midStreamError || errors.As(err, &se) || n != 2 {
		t.Errorf("error line: %d chunks, %#v", n, err)
	}
	s.Inject(Fault{Kind: FaultStatus, Status: 500})
	if _, err := count(); !errors.As(err, &se) || se.StatusCode != 500 {
		t.Errorf("status: %#v", err)
	}
	s.Inject(Fault{Kind: FaultHTML})
	if _, err := count(); err == nil || !strings.HasPrefix(err.Error(), "<!DOCTYPE html>") {
		t.Errorf("html: %#v", err)
	}
}

func TestClientPull(t *testing.T) {
	// Real server: TestRealPullOffline checks the offline answer; a download needs internet it does not have.
	s := New()
	defer s.Close()
	c, ctx := client(t, s)
	var statuses []string
	err := c.Pull(ctx, &api.PullRequest{Model: "does-not-exist-xyz"}, func(p api.ProgressResponse) error {
		statuses = append(statuses, p.Status)
		return nil
	})
	var se api.StatusError
	if err == nil || errors.As(err, &se) || err.Error() != offlineError("does-not-exist-xyz:latest") || len(statuses) != 1 {
		t.Errorf("offline pull: %v %#v", statuses, err)
	}
	s.AllowPull(Model{Name: "qwen3:4b", Capabilities: []string{"completion", "thinking"}}, 1000, 50)
	var last api.ProgressResponse
	layers := map[string]int64{}
	err = c.Pull(ctx, &api.PullRequest{Model: "qwen3:4b"}, func(p api.ProgressResponse) error {
		last = p
		if p.Digest != "" {
			layers[p.Digest] = p.Completed
		}
		return nil
	})
	if err != nil || last.Status != "success" || len(layers) != 2 {
		t.Fatalf("pull: %v %+v %v", err, last, layers)
	}
	list, _ := c.List(ctx)
	if len(list.Models) != 2 || list.Models[0].Name != "qwen3:4b" && list.Models[1].Name != "qwen3:4b" {
		t.Errorf("pulled model not listed: %+v", list.Models)
	}
}
