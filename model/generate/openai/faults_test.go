package openai

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/openai/openaitest"
)

const shortSource = "Le 20 novembre, 71 habitant·es ont débattu du parvis de la gare ; le scénario B a recueilli 41 voix."

// TestFaultsTyped: each failure of the server ends with its code, the text written so far kept.
func TestFaultsTyped(t *testing.T) {
	cases := []struct {
		name  string
		fault openaitest.Fault
		code  generate.ErrorCode
		text  string // the partial text expected
	}{
		{"unauthorized", openaitest.Fault{Kind: openaitest.FaultStatus, Status: 401, Body: `{"error":{"message":"no key","type":"invalid_request_error"}}`}, generate.CodeUnauthorized, ""},
		{"forbidden", openaitest.Fault{Kind: openaitest.FaultStatus, Status: 403, Body: `{"detail":"Forbidden"}`}, generate.CodeUnauthorized, ""},
		{"rate limited", openaitest.Fault{Kind: openaitest.FaultStatus, Status: 429, Body: `{"error":{"message":"Rate limit reached","type":"requests"}}`}, generate.CodeRateLimited, ""},
		{"server", openaitest.Fault{Kind: openaitest.FaultStatus, Status: 500, Body: `{"object":"error","message":"Internal error","type":"InternalServerError","param":null,"code":500}`}, generate.CodeServer, ""},
		{"out of memory", openaitest.Fault{Kind: openaitest.FaultStatus, Status: 500, Body: `{"error":{"message":"CUDA out of memory","type":"server_error"}}`}, generate.CodeOutOfMemory, ""},
		{"bad option vllm", openaitest.Fault{Kind: openaitest.FaultStatus, Status: 400, Body: `{"object":"error","message":"temperature must be non-negative, got -1.0.","type":"BadRequestError","param":null,"code":400}`}, generate.CodeBadOption, ""},
		{"model missing vllm", openaitest.Fault{Kind: openaitest.FaultStatus, Status: 404, Body: `{"object":"error","message":"The model ` + "`m`" + ` does not exist.","type":"NotFoundError","param":null,"code":404}`}, generate.CodeModelMissing, ""},
		{"html", openaitest.Fault{Kind: openaitest.FaultHTML}, generate.CodeNotOpenAI, ""},
		{"redirect", openaitest.Fault{Kind: openaitest.FaultRedirect}, generate.CodeRedirected, ""},
		{"cut", openaitest.Fault{Kind: openaitest.FaultCut, After: 3}, generate.CodeStreamCut, " La concertation a"},
		{"stalled", openaitest.Fault{Kind: openaitest.FaultStall, After: 2}, generate.CodeStalled, " La concertation"},
		{"json instead of a stream", openaitest.Fault{Kind: openaitest.FaultStatus, Status: 200, Body: `{"models":[]}`}, generate.CodeNotOpenAI, ""},
		{"error event", openaitest.Fault{Kind: openaitest.FaultErrorEvent, After: 2, Body: "llama runner process has terminated: out of memory"}, generate.CodeOutOfMemory, " La concertation"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := openaitest.New(t, openaitest.Model{Name: "m"})
			s.Inject(tc.fault)
			e := NewEngine(Options{StallTimeout: 300 * time.Millisecond, LoadTimeout: 5 * time.Second})
			res, err := e.Generate(testContext(t, 30*time.Second), newRequest(t, s.URL(), "m", "synthese-courte", shortSource), nil)
			if got := generate.CodeOf(err); got != tc.code {
				t.Fatalf("code %q (%v), want %q", got, err, tc.code)
			}
			if res.Text != tc.text {
				t.Errorf("text %q, want %q", res.Text, tc.text)
			}
		})
	}
}

func TestNoUsageCountsPieces(t *testing.T) {
	s := openaitest.New(t, openaitest.Model{Name: "m", Words: 9})
	s.Inject(openaitest.Fault{Kind: openaitest.FaultNoUsage})
	res, err := NewEngine(Options{}).Generate(testContext(t, 30*time.Second), newRequest(t, s.URL(), "m", "synthese-courte", shortSource), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.OutputTokens != 9 || res.Stats.PromptTokens != 0 || res.Stats.DoneReason != "stop" {
		t.Errorf("stats %+v, want 9 pieces counted and no prompt count", res.Stats)
	}
}

func TestOutputCap(t *testing.T) {
	s := openaitest.New(t, openaitest.Model{Name: "m"})
	s.Inject(openaitest.Fault{Kind: openaitest.FaultEndless})
	res, err := NewEngine(Options{MaxOutput: 50}).Generate(testContext(t, 30*time.Second), newRequest(t, s.URL(), "m", "synthese-courte", shortSource), nil)
	if generate.CodeOf(err) != generate.CodeOutputCap || len([]rune(res.Text)) != 50 {
		t.Fatalf("err %v, %d characters, want output-cap at 50", err, len([]rune(res.Text)))
	}
}

// TestKeyNeverShown: the key goes to its host as a Bearer token; a server that refuses it and
// echoes it does not make it appear in the error.
func TestKeyNeverShown(t *testing.T) {
	const good, bad = "sk-good-0123456789", "sk-wrong-9876543210"
	s := openaitest.New(t, openaitest.Model{Name: "m"})
	s.SetKey(good)
	req := newRequest(t, s.URL(), "m", "synthese-courte", shortSource)

	key := bad
	e := NewEngine(Options{Key: func(host string) string {
		if host != s.URL() {
			t.Errorf("key asked for %q", host)
		}
		return key
	}})
	res, err := e.Generate(testContext(t, 30*time.Second), req, nil)
	if generate.CodeOf(err) != generate.CodeUnauthorized {
		t.Fatalf("err %v, want unauthorized", err)
	}
	var ge *generate.Error
	errors.As(err, &ge)
	for _, text := range []string{err.Error(), ge.Err.Error(), res.Text} {
		if strings.Contains(text, bad) {
			t.Errorf("the key shows in %q", text)
		}
	}
	st, _ := e.Client(s.URL())
	if status := st.Status(testContext(t, 10*time.Second)); status.Err == nil || strings.Contains(status.Err.Error(), bad) {
		t.Errorf("status error %v", status.Err)
	}

	key = good
	if _, err := e.Generate(testContext(t, 30*time.Second), req, nil); err != nil {
		t.Fatal(err)
	}
	reqs := s.Requests()
	if got := reqs[len(reqs)-1].Authorization; got != "Bearer "+good {
		t.Errorf("authorization %q", got)
	}
}

// TestNothingFromEnvironment: the SDK's environment variables are not read: no key is sent
// that Options.Key did not give, and requests go to the configured host.
func TestNothingFromEnvironment(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", "sk-from-environment")
	t.Setenv("OPENAI_BASE_URL", "http://127.0.0.1:1/v1")
	s := openaitest.New(t, openaitest.Model{Name: "m"})
	if _, err := NewEngine(Options{}).Generate(testContext(t, 30*time.Second), newRequest(t, s.URL(), "m", "synthese-courte", shortSource), nil); err != nil {
		t.Fatal(err)
	}
	if got := s.Requests()[0].Authorization; got != "" {
		t.Errorf("authorization %q sent", got)
	}
}
