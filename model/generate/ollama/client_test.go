package ollama

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

func newClient(t *testing.T, host string) *Client {
	t.Helper()
	c, err := NewClient(host)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestStatus(t *testing.T) {
	// Real server: TestRealStatusAndShow checks the version and the model details.
	s := newServer(t, ollamatest.Model{Name: "tiny"}, ollamatest.Model{Name: "mistral:7b", ParameterSize: "7.2B", Quantization: "Q4_K_M"})
	st := newClient(t, s.URL()).Status(testContext(t))
	if !st.Reachable || st.Err != nil || st.Version != ollamatest.Version || len(st.Models) != 2 {
		t.Fatalf("status %+v", st)
	}
	m := st.Models[1]
	if m.Name != "mistral:7b" || m.ParameterSize != "7.2B" || m.Quantization != "Q4_K_M" || m.Digest == "" || m.Size == 0 || m.Modified.IsZero() {
		t.Errorf("model %+v", m)
	}
}

func TestStatusDown(t *testing.T) {
	host := closedPort(t)
	st := newClient(t, host).Status(testContext(t))
	if st.Reachable || generate.CodeOf(st.Err) != generate.CodeHostUnreachable || st.Host != host {
		t.Fatalf("status %+v, want unreachable", st)
	}
}

func TestStatusNotOllama(t *testing.T) {
	// Real server: an HTML answer is a fault it cannot be made to show.
	s := newServer(t)
	s.Inject(ollamatest.Fault{Kind: ollamatest.FaultHTML, Path: "/api/version"})
	st := newClient(t, s.URL()).Status(testContext(t))
	if st.Reachable || generate.CodeOf(st.Err) != generate.CodeNotOllama {
		t.Fatalf("status %+v, want not-ollama", st)
	}
}

func TestShowCachedPerDigest(t *testing.T) {
	// Real server: only the fake counts /api/show calls and has a thinking model; TestRealStatusAndShow reads real ones.
	s := newServer(t, ollamatest.Model{Name: "pensif", Family: "qwen3", ContextLength: 40960, Capabilities: []string{"completion", "thinking"}})
	c := newClient(t, s.URL())
	for range 2 {
		m, err := c.Show(testContext(t), "pensif")
		if err != nil {
			t.Fatal(err)
		}
		if m.ContextLength != 40960 || !m.Thinking() || m.Family != "qwen3" || m.Name != "pensif:latest" {
			t.Fatalf("show %+v", m)
		}
	}
	if n := s.Requests("/api/show"); n != 1 {
		t.Errorf("%d /api/show requests, want 1 (cached)", n)
	}
	s.AddModel(ollamatest.Model{Name: "pensif", Family: "qwen3", ContextLength: 8192}) // pulled again: new date, same digest here
	if _, err := c.Show(testContext(t), "absent"); generate.CodeOf(err) != generate.CodeModelMissing {
		t.Errorf("missing model: %v", err)
	}
}

func TestEngineClientCachedPerHost(t *testing.T) {
	e := NewEngine(Options{})
	a, err := e.Client("127.0.0.1:11434")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := e.Client("http://127.0.0.1:11434/")
	if a != b || a.Host() != DefaultHost {
		t.Errorf("clients %p %p for the same host %q", a, b, a.Host())
	}
	if _, err := e.Client("ftp://x"); generate.CodeOf(err) != generate.CodeBadHost {
		t.Errorf("bad host: %v", err)
	}
	if e.Name() != "ollama" {
		t.Errorf("name %q", e.Name())
	}
}

func TestPull(t *testing.T) {
	// Real server: a download needs internet, which it does not have.
	s := newServer(t)
	s.SetTokenDelay(time.Millisecond)
	s.AllowPull(ollamatest.Model{Name: "mistral:7b"}, 4000, 16000)
	c := newClient(t, s.URL())
	last := map[string]int64{}
	var statuses []string
	err := c.Pull(testContext(t), "mistral:7b", func(p PullProgress) {
		statuses = append(statuses, p.Status)
		if p.Digest == "" {
			return
		}
		if p.Completed < last[p.Digest] || p.Completed > p.Total || p.BytesPerSecond < 0 {
			t.Errorf("layer %s: completed %d after %d of %d, %v B/s", p.Digest, p.Completed, last[p.Digest], p.Total, p.BytesPerSecond)
		}
		last[p.Digest] = p.Completed
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(last) != 2 || statuses[len(statuses)-1] != "success" {
		t.Errorf("layers %v, statuses %v", last, statuses)
	}
	if _, err := c.Show(testContext(t), "mistral:7b"); err != nil {
		t.Errorf("pulled model not found: %v", err)
	}
}

func TestPullOffline(t *testing.T) {
	// Real server: TestRealPullOffline checks its own offline text.
	s := newServer(t)
	err := newClient(t, s.URL()).Pull(testContext(t), "llama3.2", nil)
	checkFailure(t, err, generate.CodePullFailed, "pull model manifest")
	if !strings.Contains(err.Error(), "registry.ollama.ai") {
		t.Errorf("Ollama's text lost: %v", err)
	}
}

func TestPullCutAndCancel(t *testing.T) {
	// Real server: a download, cut or not, needs internet, which it does not have.
	s := newServer(t)
	s.AllowPull(ollamatest.Model{Name: "mistral:7b"}, 4000)
	s.Inject(ollamatest.Fault{Kind: ollamatest.FaultCut, Path: "/api/pull", After: 2})
	c := newClient(t, s.URL())
	checkFailure(t, c.Pull(testContext(t), "mistral:7b", nil), generate.CodePullFailed, "before Ollama said success")

	ctx, cancel := context.WithCancel(testContext(t))
	err := c.Pull(ctx, "mistral:7b", func(PullProgress) { cancel() })
	if generate.CodeOf(err) != generate.CodeCancelled {
		t.Errorf("cancelled pull: %v", err)
	}
}
