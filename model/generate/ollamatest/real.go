package ollamatest

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// Environment variables of the integration tests.
const (
	// HostEnv names the real Ollama server the integration tests run against
	// (`eval "$(../shared/ollama/serve)"` sets it).
	HostEnv = "OLLAMA_TEST_HOST"
	// RequiredEnv, set to 1 (as CI does), makes a missing or silent server a failure rather
	// than a reason to skip.
	RequiredEnv = "OLLAMA_TEST_REQUIRED"
)

// The models of ../shared/ollama/serve: random weights, real protocol, real tokenizer (about one
// token per character), real limits.
const (
	RealTiny     = "tiny"      // 32k context, stops by itself after a few dozen tokens
	RealTinyLong = "tiny-long" // 32k context, never stops by itself
	RealTiny8k   = "tiny-8k"   // 8k context
)

var realCheck struct {
	once sync.Once
	err  string
}

// Real returns the address of the real Ollama server named by OLLAMA_TEST_HOST, for a test
// that must meet the real thing. Without the variable the test is skipped, saying how to run
// it; with OLLAMA_TEST_REQUIRED=1 it fails instead. A server that does not answer
// /api/version, or lacks the models of ../shared/ollama/serve, fails the test: an integration
// test never passes without having run.
func Real(t testing.TB) string {
	t.Helper()
	host := strings.TrimRight(os.Getenv(HostEnv), "/")
	if host == "" {
		why := HostEnv + ` is not set: start a real Ollama with eval "$(../shared/ollama/serve)" (or point it at yours) to run this integration test`
		if os.Getenv(RequiredEnv) == "1" {
			t.Fatal(why)
		}
		t.Skip(why)
	}
	realCheck.once.Do(func() { realCheck.err = checkReal(host) })
	if realCheck.err != "" {
		t.Fatalf("%s=%s: %s", HostEnv, host, realCheck.err)
	}
	return host
}

// checkReal asks the server for its models and returns what is wrong, or "".
func checkReal(host string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, host+"/api/tags", nil)
	if err != nil {
		return err.Error()
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "the server does not answer: " + err.Error()
	}
	defer resp.Body.Close()
	var list struct {
		Models []struct {
			Name string `json:"name"`
		} `json:"models"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		return "/api/tags is not Ollama's: " + err.Error()
	}
	have := map[string]bool{}
	for _, m := range list.Models {
		have[m.Name] = true
	}
	for _, m := range []string{RealTiny, RealTinyLong, RealTiny8k} {
		if !have[m+":latest"] {
			return "the server lacks the model " + m + " of ../shared/ollama/serve"
		}
	}
	return ""
}

// UnloadAll asks the real server at host to unload every model it holds (/api/ps, then a
// request with keep_alive 0 for each) and waits until /api/ps lists none, so that a test counts
// the loads it causes from a known state.
func UnloadAll(t testing.TB, host string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	poll := time.NewTicker(100 * time.Millisecond)
	defer poll.Stop()
	for ; ; <-poll.C {
		names, err := loadedModels(ctx, host)
		if err != nil {
			t.Fatalf("/api/ps: %v", err)
		}
		if len(names) == 0 {
			return
		}
		for _, name := range names {
			body := strings.NewReader(`{"model":"` + name + `","keep_alive":0}`)
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, host+"/api/generate", body)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("unload %s: %v", name, err)
			}
			resp.Body.Close()
		}
	}
}

// LoadedModels returns the names of the models the real server at host holds (/api/ps).
func LoadedModels(t testing.TB, host string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	names, err := loadedModels(ctx, host)
	if err != nil {
		t.Fatalf("/api/ps: %v", err)
	}
	return names
}

func loadedModels(ctx context.Context, host string) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, host+"/api/ps", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var ps struct {
		Models []struct {
			Name string `json:"name"`
		} `json:"models"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&ps); err != nil {
		return nil, err
	}
	var names []string
	for _, m := range ps.Models {
		names = append(names, m.Name)
	}
	return names, nil
}

// MaxLoadedOne reports whether the tests run with OLLAMA_MAX_LOADED_MODELS=1 in their own
// environment. It says nothing of the server's: it holds when the server was started from the
// same environment, as .ci/run does, and the server then holds one model at a time.
func MaxLoadedOne() bool { return os.Getenv("OLLAMA_MAX_LOADED_MODELS") == "1" }
