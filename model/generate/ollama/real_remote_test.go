package ollama

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// TestRealRemoteModelNotSent makes, on the real server, a remote model that forwards to a
// second server of this test (as Ollama's cloud models forward to ollama.com), then asks it
// for a variant. Without the user's leave the engine sends nothing: the second server receives
// no chat. With it, the real server forwards the report there, and the variant is recorded as
// written remotely, on that server. (The real server must allow the address: .ci/run starts
// it with OLLAMA_REMOTES=ollama.com,127.0.0.1.)
func TestRealRemoteModelNotSent(t *testing.T) {
	host := ollamatest.Real(t)
	elsewhere := ollamatest.New(ollamatest.Model{Name: "tiny", ContextLength: 32768, Words: 20})
	defer elsewhere.Close()
	name := fmt.Sprintf("rapporteur-distant-%d", time.Now().UnixNano())
	realPost(t, host, "/api/create", fmt.Sprintf(`{"model":%q,"from":"tiny","remote_host":%q}`, name, elsewhere.URL()))
	defer realDelete(t, host, name)
	req := newRequest(t, host, name, "synthese-courte", frenchReport)
	ctx := realContext(t, 2*time.Minute)
	_, err := NewEngine(Options{}).Generate(ctx, req, nil)
	if generate.CodeOf(err) != generate.CodeRemoteRefused || elsewhere.Requests("/api/chat") != 0 {
		t.Fatalf("err %v, %d chats forwarded: want remote-not-allowed and nothing sent", err, elsewhere.Requests("/api/chat"))
	}
	allowed := NewEngine(Options{AllowRemote: func(h, m string) bool { return h == host && strings.HasPrefix(m, name) }})
	res, err := allowed.Generate(ctx, req, nil)
	if err != nil && strings.Contains(err.Error(), "cannot run this remote model") {
		t.Fatalf("the real server refuses to forward to %s: start it with OLLAMA_REMOTES=ollama.com,127.0.0.1 (%v)", elsewhere.URL(), err)
	}
	if err != nil {
		t.Fatal(err)
	}
	got := elsewhere.LastChat()
	if elsewhere.Requests("/api/chat") != 1 || !strings.Contains(got.Messages[len(got.Messages)-1].Content, "Place des Tilleuls") {
		t.Errorf("the report did not reach the remote server")
	}
	if res.Stats.Where != model.PlaceRemote || res.Stats.WhereHost != "127.0.0.1" {
		t.Errorf("written at %q %q, want remote 127.0.0.1", res.Stats.Where, res.Stats.WhereHost)
	}
}

// realPost posts body to path on the real server and fails the test unless it answers 200.
func realPost(t *testing.T, host, path, body string) {
	t.Helper()
	resp, err := http.Post(host+path, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %s", path, resp.Status)
	}
}

// realDelete removes a model the test made on the real server.
func realDelete(t *testing.T, host, name string) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodDelete, host+"/api/delete", strings.NewReader(fmt.Sprintf(`{"model":%q}`, name)))
	if err != nil {
		t.Error(err)
		return
	}
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
	}
}
