package ollama

import (
	"net"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

func TestFaults(t *testing.T) {
	// Real server: faults it cannot be made to show, but the think 400, which TestRealThinkRefused checks.
	tests := []struct {
		name    string
		fault   ollamatest.Fault
		code    generate.ErrorCode
		partial bool   // text written before the fault is kept
		inErr   string // words the error must keep
	}{
		{"cut", ollamatest.Fault{Kind: ollamatest.FaultCut, After: 5}, generate.CodeStreamCut, true, "stream ended"},
		{"error line", ollamatest.Fault{Kind: ollamatest.FaultErrorLine, After: 5}, generate.CodeServer, true, "unexpected EOF"},
		{"oom line", ollamatest.Fault{Kind: ollamatest.FaultErrorLine, After: 3, Message: "CUDA error: out of memory"}, generate.CodeOutOfMemory, true, "out of memory"},
		{"oom 500", ollamatest.Fault{Kind: ollamatest.FaultStatus, Status: 500}, generate.CodeOutOfMemory, false, "system memory"},
		{"bad option", ollamatest.Fault{Kind: ollamatest.FaultStatus, Status: 500, Message: `option "num_predict" must be of type integer`}, generate.CodeBadOption, false, "num_predict"},
		{"busy 503", ollamatest.Fault{Kind: ollamatest.FaultStatus, Status: 503}, generate.CodeServer, false, "busy"},
		{"think", ollamatest.Fault{Kind: ollamatest.FaultStatus, Status: 400, Message: `"tiny" does not support thinking`}, generate.CodeThinkUnsupported, false, "thinking"},
		{"html", ollamatest.Fault{Kind: ollamatest.FaultHTML}, generate.CodeNotOllama, false, "HTML"},
		{"html tags", ollamatest.Fault{Kind: ollamatest.FaultHTML, Path: "/api/tags"}, generate.CodeNotOllama, false, "HTML"},
		{"empty", ollamatest.Fault{Kind: ollamatest.FaultEmpty}, generate.CodeEmptyOutput, false, "without writing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t, ollamatest.Model{Name: "tiny", ContextLength: 8192, Endless: true})
			s.Inject(tt.fault)
			req := newRequest(t, s.URL(), "tiny", "synthese-courte", frenchReport)
			rec := &recorder{}
			res, err := NewEngine(Options{}).Generate(testContext(t), req, rec.add)
			checkFailure(t, err, tt.code, tt.inErr)
			if tt.partial && (res.Text == "" || res.Text != rec.text()) {
				t.Errorf("partial text %q, deltas %q", res.Text, rec.text())
			}
		})
	}
}

func checkFailure(t *testing.T, err error, code generate.ErrorCode, inErr string) {
	t.Helper()
	if got := generate.CodeOf(err); got != code {
		t.Fatalf("code %q (%v), want %q", got, err, code)
	}
	if !strings.Contains(err.Error(), inErr) {
		t.Errorf("error %q does not say %q", err, inErr)
	}
}

func TestModelMissing(t *testing.T) {
	// Real server: TestRealModelMissing checks the 404 and its text.
	s := newServer(t)
	_, err := NewEngine(Options{}).Generate(testContext(t), newRequest(t, s.URL(), "mistral:7b", "synthese-courte", frenchReport), nil)
	checkFailure(t, err, generate.CodeModelMissing, "mistral:7b")
}

// closedPort returns the address of a port nothing listens on any more.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

func TestHostDown(t *testing.T) {
	res, err := NewEngine(Options{}).Generate(testContext(t), newRequest(t, closedPort(t), "tiny", "synthese-courte", frenchReport), nil)
	checkFailure(t, err, generate.CodeHostUnreachable, "refused")
	if res.Text != "" {
		t.Errorf("text %q from a host that is down", res.Text)
	}
}

func TestStallAfterFirstToken(t *testing.T) {
	// Real server: a stream that stops mid-way is a fault it cannot be made to show.
	s := newServer(t, ollamatest.Model{Name: "tiny", ContextLength: 8192, Endless: true})
	s.Inject(ollamatest.Fault{Kind: ollamatest.FaultStall, After: 4})
	e := NewEngine(Options{StallTimeout: 300 * time.Millisecond, LoadTimeout: 20 * time.Second})
	rec := &recorder{}
	res, err := e.Generate(testContext(t), newRequest(t, s.URL(), "tiny", "synthese-courte", frenchReport), rec.add)
	checkFailure(t, err, generate.CodeStalled, "restart Ollama")
	if !strings.Contains(err.Error(), "other models keep working") || !strings.Contains(err.Error(), "systemctl restart ollama") {
		t.Errorf("stall message %q lacks the advice", err)
	}
	if res.Text == "" || res.Text != rec.text() || res.Stats.OutputTokens != 0 {
		t.Errorf("partial text %q, deltas %q", res.Text, rec.text())
	}
}

func TestStallOnHeldSlot(t *testing.T) {
	// Real server: Ollama bug #17131 (a held slot) cannot be provoked on demand.
	s := newServer(t, ollamatest.Model{Name: "tiny", ContextLength: 8192}, ollamatest.Model{Name: "autre", ContextLength: 8192})
	s.SetMaxLoaded(2)
	s.HoldSlot("tiny")
	e := NewEngine(Options{StallTimeout: 300 * time.Millisecond, LoadTimeout: 300 * time.Millisecond})
	_, err := e.Generate(testContext(t), newRequest(t, s.URL(), "tiny", "synthese-courte", frenchReport), nil)
	checkFailure(t, err, generate.CodeStalled, "known Ollama problem")
	res, err := e.Generate(testContext(t), newRequest(t, s.URL(), "autre", "synthese-courte", frenchReport), nil)
	if err != nil || res.Text == "" {
		t.Fatalf("another model after a held slot: %v, text %q", err, res.Text)
	}
}
