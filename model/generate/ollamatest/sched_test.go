package ollamatest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ollama/ollama/api"
)

// waitSched waits, on the server's scheduling events rather than on a clock, until cond holds
// for its state; cond runs with s.mu held.
func waitSched(t *testing.T, s *Server, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(10 * time.Second) // only reached when the behaviour is broken
	for {
		s.mu.Lock()
		ok, ch := cond(), s.changed
		s.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case <-deadline:
			t.Fatalf("gave up waiting: %s", what)
		}
	}
}

// busy is how many requests generate with the model; s.mu must be held.
func (s *Server) busyLocked(model string) int {
	if r := s.loaded[canonicalName(model)]; r != nil {
		return r.busy
	}
	return 0
}

// queuedIs waits until n requests wait for a slot.
func queuedIs(t *testing.T, s *Server, n int) {
	t.Helper()
	waitSched(t, s, fmt.Sprintf("%d queued requests", n), func() bool { return s.queued == n })
}

// send posts a chat in the background; its reply arrives on the channel, with the transport
// error in err (the goroutine must not call t.Fatal).
func send(t *testing.T, s *Server, ctx context.Context, body string) <-chan reply {
	out := make(chan reply, 1)
	go func() {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL()+"/api/chat", strings.NewReader(body))
		if err != nil {
			out <- reply{err: err.Error()}
			return
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			out <- reply{err: err.Error()}
			return
		}
		defer resp.Body.Close()
		var r reply
		r.status = resp.StatusCode
		dec := json.NewDecoder(resp.Body)
		for {
			var c api.ChatResponse
			if dec.Decode(&c) != nil {
				break
			}
			r.chunks = append(r.chunks, c)
		}
		out <- r
	}()
	return out
}

func TestHoldSlot(t *testing.T) {
	// Real server: Ollama bug #17131 (a held slot) cannot be provoked on demand.
	s := New(Model{Name: "tiny"}, Model{Name: "other"})
	defer s.Close()
	s.SetMaxLoaded(2)
	s.HoldSlot("tiny:latest")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.URL()+"/api/chat", strings.NewReader(body("tiny", "hi", "")))
	answered := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		answered <- err
	}()
	queuedIs(t, s, 1)
	select {
	case err := <-answered:
		t.Fatalf("a held slot answered (error %v) before the client gave up", err)
	default:
	}
	cancel()
	if err := <-answered; !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want no headers until the client cancels", err)
	}
	queuedIs(t, s, 0)
	if r := chat(t, s, body("other", "hi", "")); r.status != 200 || r.final().DoneReason != "stop" {
		t.Errorf("another model: %d %+v", r.status, r.final())
	}
	// A load-only request still answers: only generation hangs.
	if r := chat(t, s, `{"model":"tiny","messages":[]}`); r.final().DoneReason != "load" {
		t.Errorf("load request: %+v", r)
	}
	s.ReleaseSlot("tiny")
	if r := chat(t, s, body("tiny", "hi", "")); r.status != 200 {
		t.Errorf("after ReleaseSlot: %d", r.status)
	}
}

func TestHeldRequestProceedsOnRelease(t *testing.T) {
	// Real server: Ollama bug #17131 (a held slot) cannot be provoked on demand.
	s := New()
	defer s.Close()
	s.HoldSlot("tiny")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second) // reached only when broken
	defer cancel()
	done := send(t, s, ctx, body("tiny", "hi", ""))
	queuedIs(t, s, 1) // the request waits for the held slot
	s.ReleaseSlot("tiny")
	if r := <-done; r.final().DoneReason != "stop" {
		t.Errorf("released request: %+v, error %q", r.final(), r.err)
	}
}

// heldPair holds the slot, sends two identical chats, waits until both are queued, then
// releases the slot so that they compete for it.
func heldPair(t *testing.T, s *Server, ctx context.Context, b string) (<-chan reply, <-chan reply) {
	t.Helper()
	s.HoldSlot("tiny")
	a := send(t, s, ctx, b)
	queuedIs(t, s, 1)
	c := send(t, s, ctx, b)
	queuedIs(t, s, 2)
	s.ReleaseSlot("tiny")
	return a, c
}

func TestParallelOneQueues(t *testing.T) {
	// Real server: recorded in concurrent-parallel1.txt; the fake's token delay makes the wait measurable.
	s := New()
	defer s.Close()
	s.SetTokenDelay(5 * time.Millisecond)
	b := body("tiny", french, `,"options":{"num_predict":20}`)
	a, c := heldPair(t, s, context.Background(), b)
	// One generates while the other waits for its slot.
	waitSched(t, s, "one generating, one queued", func() bool { return s.busyLocked("tiny") == 1 && s.queued == 1 })
	first, second := (<-a).final(), (<-c).final()
	if first.EvalCount != 20 || second.EvalCount != 20 {
		t.Fatalf("eval counts %d and %d, want 20", first.EvalCount, second.EvalCount)
	}
	// Both arrived before the slot was released; the one served second waited for the
	// other's whole generation, so its total holds both generations.
	waited := max(first.TotalDuration, second.TotalDuration)
	if both := first.EvalDuration + second.EvalDuration; waited < both {
		t.Errorf("longest total %v is shorter than both generations %v: not queued", waited, both)
	}
	// The wait is not a load: load_duration ends before the slot is sought.
	for _, f := range []api.ChatResponse{first, second} {
		if f.LoadDuration >= min(first.EvalDuration, second.EvalDuration) {
			t.Errorf("load_duration %v holds the wait (generations %v, %v)", f.LoadDuration, first.EvalDuration, second.EvalDuration)
		}
	}
}

func TestParallelTwoOverlaps(t *testing.T) {
	// Real server: needs OLLAMA_NUM_PARALLEL=2 set before it starts, which a test cannot do.
	s := New(Model{Name: "tiny", Endless: true})
	defer s.Close()
	s.SetParallel(2)
	s.SetTokenDelay(5 * time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a, c := heldPair(t, s, ctx, body("tiny", french, ""))
	// Endless generations: with one slot, the second would wait for ever.
	waitSched(t, s, "both generating at once", func() bool { return s.busyLocked("tiny") == 2 && s.queued == 0 })
	cancel()
	<-a
	<-c
}

func TestLoadsAndLRU(t *testing.T) {
	// Real server: TestRealRecorder checks loads and the num_ctx reload; the LRU needs OLLAMA_MAX_LOADED_MODELS.
	s := New(Model{Name: "a"}, Model{Name: "b"}, Model{Name: "c"})
	defer s.Close()
	s.SetLoadDelay(30 * time.Millisecond)
	one := `,"options":{"num_predict":1}`
	if f := chat(t, s, body("a", "hi", one)).final(); f.LoadDuration < 30*time.Millisecond {
		t.Errorf("cold load_duration %v", f.LoadDuration)
	}
	if f := chat(t, s, body("a:latest", "hi", one)).final(); f.LoadDuration >= 30*time.Millisecond {
		t.Errorf("warm load_duration %v", f.LoadDuration)
	}
	chat(t, s, body("b", "hi", one)) // unloads a (MaxLoaded 1)
	chat(t, s, body("a", "hi", one))
	if s.Loads("a") != 2 || s.Loads("b") != 1 || s.TotalLoads() != 3 {
		t.Errorf("loads a=%d b=%d total=%d", s.Loads("a"), s.Loads("b"), s.TotalLoads())
	}
	s.SetMaxLoaded(2)
	chat(t, s, body("b", "hi", one)) // a, b loaded
	chat(t, s, body("a", "hi", one)) // b least recently used
	chat(t, s, body("c", "hi", one)) // unloads b
	chat(t, s, body("a", "hi", one))
	if s.Loads("a") != 2 || s.Loads("b") != 2 || s.Loads("c") != 1 {
		t.Errorf("LRU: loads a=%d b=%d c=%d", s.Loads("a"), s.Loads("b"), s.Loads("c"))
	}
	// Another num_ctx reloads, as in Ollama.
	chat(t, s, body("a", "hi", `,"options":{"num_predict":1,"num_ctx":1024}`))
	if s.Loads("a") != 3 {
		t.Errorf("num_ctx change: loads a=%d", s.Loads("a"))
	}
}

func TestKeepAliveZeroUnloads(t *testing.T) {
	// Real server: recorded in ps-after-unload.txt; only the fake counts loads.
	s := New()
	defer s.Close()
	chat(t, s, body("tiny", "hi", `,"keep_alive":0`))
	chat(t, s, body("tiny", "hi", ""))
	chat(t, s, `{"model":"tiny","messages":[],"keep_alive":"0s"}`)
	chat(t, s, `{"model":"tiny","messages":[]}`)
	if s.Loads("tiny") != 3 {
		t.Errorf("loads %d, want 3", s.Loads("tiny"))
	}
}

func TestCancelFreesSlot(t *testing.T) {
	// Real server: ollama.TestRealCancelKeepsDeltas checks that a cancelled stream frees the slot.
	s := New(Model{Name: "tiny-long", Endless: true})
	defer s.Close()
	s.SetTokenDelay(time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	r := chatCtx(ctx, t, s, body("tiny-long", french, ""))
	if len(r.chunks) == 0 || r.final().Done {
		t.Errorf("cancelled stream: %d chunks, done %v", len(r.chunks), r.final().Done)
	}
	if r := chat(t, s, body("tiny-long", "count", `,"options":{"num_predict":10}`)); r.final().EvalCount != 10 {
		t.Errorf("follow-up: %+v", r.final())
	}
}
