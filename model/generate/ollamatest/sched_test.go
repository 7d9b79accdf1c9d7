package ollamatest

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestHoldSlot(t *testing.T) {
	// Real server: Ollama bug #17131 (a held slot) cannot be provoked on demand.
	s := New(Model{Name: "tiny"}, Model{Name: "other"})
	defer s.Close()
	s.SetMaxLoaded(2)
	s.HoldSlot("tiny:latest")
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.URL()+"/api/chat", strings.NewReader(body("tiny", "hi", "")))
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("a held slot answered with status %d", resp.StatusCode)
	}
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) < 190*time.Millisecond {
		t.Errorf("error %v after %v, want no headers until the deadline", err, time.Since(start))
	}
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
	done := make(chan reply, 1)
	go func() { done <- chat(t, s, body("tiny", "hi", "")) }()
	time.Sleep(50 * time.Millisecond)
	s.ReleaseSlot("tiny")
	select {
	case r := <-done:
		if r.final().DoneReason != "stop" {
			t.Errorf("released request: %+v", r.final())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the held request did not proceed after ReleaseSlot")
	}
}

// concurrent sends n chats at once and returns their finals in order.
func concurrent(t *testing.T, s *Server, bodies ...string) []reply {
	var wg sync.WaitGroup
	out := make([]reply, len(bodies))
	for i, b := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = chat(t, s, b)
		}()
		time.Sleep(10 * time.Millisecond) // keep the order of arrival
	}
	wg.Wait()
	return out
}

func TestParallelOneQueues(t *testing.T) {
	// Real server: recorded in concurrent-parallel1.txt; the fake's token delay makes the wait measurable.
	s := New()
	defer s.Close()
	s.SetTokenDelay(5 * time.Millisecond)
	b := body("tiny", french, `,"options":{"num_predict":20}`)
	r := concurrent(t, s, b, b)
	first, second := r[0].final(), r[1].final()
	if second.TotalDuration < first.EvalDuration+50*time.Millisecond {
		t.Errorf("second total %v does not include the first's %v", second.TotalDuration, first.EvalDuration)
	}
	if second.LoadDuration > 50*time.Millisecond {
		t.Errorf("the wait shows in load_duration %v", second.LoadDuration)
	}
}

func TestParallelTwoOverlaps(t *testing.T) {
	// Real server: needs OLLAMA_NUM_PARALLEL=2 set before it starts, which a test cannot do.
	s := New()
	defer s.Close()
	s.SetParallel(2)
	s.SetTokenDelay(5 * time.Millisecond)
	b := body("tiny", french, `,"options":{"num_predict":20}`)
	r := concurrent(t, s, b, b)
	if d := r[1].final().TotalDuration; d > r[0].final().TotalDuration+50*time.Millisecond {
		t.Errorf("second total %v, first %v: not served at once", d, r[0].final().TotalDuration)
	}
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
