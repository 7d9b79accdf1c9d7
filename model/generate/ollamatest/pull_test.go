package ollamatest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestPullOfflineNoStream(t *testing.T) {
	// Real server: TestRealPullOffline checks it; only the resolver address in the text is machine-specific.
	s := New()
	defer s.Close()
	resp := post(t, s, "/api/pull", `{"model":"mistral:7b","stream":false}`)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	want := `{"error":"pull model manifest: Get \"https://registry.ollama.ai/v2/library/mistral/manifests/7b\": dial tcp: lookup registry.ollama.ai on 127.0.0.53:53: no such host"}`
	if resp.StatusCode != 500 || resp.Header.Get("Content-Type") != "application/json" || string(b) != want {
		t.Errorf("%d %q\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
}

func TestAllowPullProgress(t *testing.T) {
	// Real server: a download needs internet, which it does not have.
	s := New()
	defer s.Close()
	s.AllowPull(Model{Name: "mistral:7b", ContextLength: 32768}, 4000)
	resp := post(t, s, "/api/pull", `{"model":"mistral:7b"}`)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var statuses []string
	var completed []int64
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		var p struct {
			Status    string `json:"status"`
			Digest    string `json:"digest"`
			Total     int64  `json:"total"`
			Completed int64  `json:"completed"`
		}
		if err := json.Unmarshal([]byte(l), &p); err != nil {
			t.Fatal(err)
		}
		statuses = append(statuses, p.Status)
		if p.Digest != "" {
			completed = append(completed, p.Completed)
			if p.Total != 4000 || !strings.HasPrefix(p.Digest, "sha256:") || p.Status != "pulling "+p.Digest[7:19] {
				t.Errorf("layer line %s", l)
			}
		}
	}
	if statuses[0] != "pulling manifest" || strings.Join(statuses[len(statuses)-3:], ",") != "verifying sha256 digest,writing manifest,success" {
		t.Errorf("statuses %v", statuses)
	}
	if len(completed) < 3 || completed[len(completed)-1] != 4000 {
		t.Errorf("completed %v", completed)
	}
	if r := chat(t, s, body("mistral:7b", "hi", "")); r.status != 200 {
		t.Errorf("chat with the pulled model: %d", r.status)
	}
	resp = post(t, s, "/api/pull", `{"model":"mistral:7b","stream":false}`)
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(b) != `{"status":"success"}` {
		t.Errorf("pull stream false: %d %s", resp.StatusCode, b)
	}
}

func TestDeleteAndPs(t *testing.T) {
	// Real server: deleting would change the server the other tests share; the context length is the fake's.
	s := New(Model{Name: "tiny"}, Model{Name: "gone"})
	defer s.Close()
	chat(t, s, body("tiny", "hi", `,"options":{"num_predict":1}`))
	resp := do(t, s, http.MethodGet, "/api/ps", "")
	var ps struct {
		Models []struct {
			Name          string `json:"name"`
			ContextLength int    `json:"context_length"`
		} `json:"models"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&ps)
	resp.Body.Close()
	if len(ps.Models) != 1 || ps.Models[0].Name != "tiny:latest" || ps.Models[0].ContextLength != 2048 {
		t.Errorf("ps %+v", ps)
	}
	resp = do(t, s, http.MethodDelete, "/api/delete", `{"model":"gone"}`)
	resp.Body.Close()
	if resp.StatusCode != 200 || s.find("gone") != nil {
		t.Errorf("delete: %d", resp.StatusCode)
	}
}
