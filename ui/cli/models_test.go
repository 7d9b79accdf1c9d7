package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// TestModelsListFails: the host answers its version but fails listing its models. That is a
// failure with its reason, not « 0 models ».
func TestModelsListFails(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "en")
	srv := newServer(t)
	srv.Inject(ollamatest.Fault{Kind: ollamatest.FaultStatus, Path: "/api/tags", Status: 500, Message: "disk I/O error"})
	code, out, stderr := run(t, "models", "--host", srv.URL())
	if code != exitFailed {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, "disk I/O error") || strings.Contains(stderr, "0 models") || out != "" {
		t.Errorf("stdout %q, stderr %q", out, stderr)
	}
}

// TestModelsTooManyToList: a host listing 100,000 models sends more than the client reads:
// the command fails at once, with its reason, without asking for any model's details.
func TestModelsTooManyToList(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "en")
	srv := ollamatest.New()
	t.Cleanup(srv.Close)
	srv.AddModels("m", 100_000, ollamatest.Model{})
	code, out, stderr := run(t, "models", "--host", srv.URL())
	if code != exitFailed || out != "" || strings.Contains(stderr, "0 models") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if n := srv.Requests("/api/show"); n != 0 {
		t.Errorf("%d /api/show requests", n)
	}
}

// TestModelsManyModels: a host with 5,000 models. At most maxShownModels are listed, each
// asked for its details once, and the command says how many it left out.
func TestModelsManyModels(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "en")
	srv := ollamatest.New()
	t.Cleanup(srv.Close)
	srv.AddModels("m", 4999, ollamatest.Model{ContextLength: 4096}) // and the default model: 5,000
	code, out, stderr := run(t, "models", "--host", srv.URL())
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if rows := strings.Count(out, "\n") - 1; rows != maxShownModels {
		t.Errorf("%d models listed, want %d", rows, maxShownModels)
	}
	if n := srv.Requests("/api/show"); n > maxShownModels {
		t.Errorf("%d /api/show requests for %d models shown", n, maxShownModels)
	}
	for _, want := range []string{"5,000 models", "4,900 more models not shown"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
}

// TestModelsDetailsFail: every /api/show fails. The command stops asking after a few
// failures in a row, still lists the models with what the list said, and says so in one line.
func TestModelsDetailsFail(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "en")
	srv := ollamatest.New()
	t.Cleanup(srv.Close)
	srv.AddModels("m", 49, ollamatest.Model{ParameterSize: "7B"}) // and the default model: 50
	for range 50 {
		srv.Inject(ollamatest.Fault{Kind: ollamatest.FaultStatus, Path: "/api/show", Status: 500, Message: "runner crashed"})
	}
	code, out, stderr := run(t, "models", "--host", srv.URL())
	if code != exitFailed {
		t.Errorf("exit %d, want 1", code)
	}
	if n := srv.Requests("/api/show"); n != maxShowFailures {
		t.Errorf("%d /api/show requests, want %d then stop", n, maxShowFailures)
	}
	if rows := strings.Count(out, "\n") - 1; rows != 50 || !strings.Contains(out, "7B") {
		t.Errorf("%d rows:\n%s", rows, out)
	}
	if lines := strings.Count(stderr, "\n"); lines != 2 || !strings.Contains(stderr, "runner crashed") || !strings.Contains(stderr, "50 models") {
		t.Errorf("stderr, want a header and one summary line:\n%s", stderr)
	}
}

// hangingShow serves srv through a proxy whose /api/show never answers until the client
// gives up.
func hangingShow(t *testing.T, srv *ollamatest.Server) string {
	t.Helper()
	target, err := url.Parse(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/show" {
			_, _ = io.Copy(io.Discard, r.Body) // the server notices a client gone only once the body is read
			<-r.Context().Done()
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { ts.CloseClientConnections(); ts.Close() })
	return ts.URL
}

// TestModelsTimeout: the host stops answering and the command's deadline passes. It says
// the host did not answer in time, never that the user cancelled.
func TestModelsTimeout(t *testing.T) {
	old := modelsTimeout
	modelsTimeout = 300 * time.Millisecond
	t.Cleanup(func() { modelsTimeout = old })
	for lang, want := range map[string]string{"en": "the host did not answer in time", "fr": "l’hôte n’a pas répondu à temps"} {
		t.Run(lang, func(t *testing.T) {
			t.Setenv("RAPPORTEUR_LANG", lang)
			host := hangingShow(t, newServer(t))
			code, _, stderr := run(t, "models", "--host", host)
			if code != exitFailed || !strings.Contains(stderr, want) {
				t.Errorf("exit %d, stderr %q, want %q", code, stderr, want)
			}
			for _, wrong := range []string{"cancelled", "annulée", "Unexpected", "inattendue"} {
				if strings.Contains(stderr, wrong) {
					t.Errorf("stderr %q says %q", stderr, wrong)
				}
			}
		})
	}
}
