package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/model/generate/openai/openaitest"
	"github.com/rapporteur/rapporteur/model/keys"
)

// TestAPIKeyKeptOutsideTheWorkspace saves a server's key from the settings: it lands in the
// key store (here the private file beside the test's workspace, no keyring answering), never
// in the workspace file nor the preferences; an invalid key is refused with a French reason.
func TestAPIKeyKeptOutsideTheWorkspace(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	env := newTestEnv(t, LanguageFrench)
	s := newSettings(env.u.settingsDeps())
	s.show()
	list := s.ollama.servers
	const host, secret = "http://10.1.2.3:8000/v1", "sk-atelier-7f3a9c"
	list.saveKey(host, secret)
	env.u.work.Wait()
	if got, err := env.u.keys.Get(host); err != nil || got != secret {
		t.Fatalf("key store holds %q, %v", got, err)
	}
	path := env.u.keys.Path()
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file %s: %v", path, err)
	}
	if filepath.Dir(path) != filepath.Dir(env.st.Path()) {
		t.Errorf("a test's keys went to %s, outside its temporary folder", path)
	}
	test.Tap(s.apply)
	for _, f := range []string{env.st.Path(), env.st.Path() + "-wal"} {
		data, _ := os.ReadFile(f)
		if strings.Contains(string(data), secret) {
			t.Errorf("the key is in %s", f)
		}
	}
	for _, k := range []string{prefServers, prefHosts, prefContexts} {
		if strings.Contains(strings.Join(env.app.Preferences().StringList(k), " "), secret) {
			t.Errorf("the key is in the preference %s", k)
		}
	}
	err := keyError{keys.ErrKeyInvalid}
	if !strings.Contains(err.Error(), "une ligne de 4") {
		t.Errorf("invalid key explained as %q", err.Error())
	}
}

func TestContextSettingsKeptPerModel(t *testing.T) {
	a := test.NewTempApp(t)
	setContextSetting(a, "http://10.1.2.3:8000/v1", "mistral-small", 32768)
	setContextSetting(a, "http://10.1.2.3:8000/v1", "qwen3", 100) // below the least: ignored when read
	setContextSetting(a, "http://10.1.2.4:8000/v1", "mistral-small", 8192)
	if got := contextSetting(a, "http://10.1.2.3:8000/v1", "mistral-small"); got != 32768 {
		t.Errorf("context = %d, want 32768", got)
	}
	if got := contextSetting(a, "http://10.1.2.3:8000/v1", "qwen3"); got != 0 {
		t.Errorf("an absurd context was read back: %d", got)
	}
	setContextSetting(a, "http://10.1.2.3:8000/v1", "mistral-small", 0)
	if got := contextSetting(a, "http://10.1.2.3:8000/v1", "mistral-small"); got != 0 {
		t.Errorf("a forgotten context still reads %d", got)
	}
	if got := contextSetting(a, "http://10.1.2.4:8000/v1", "mistral-small"); got != 8192 {
		t.Errorf("forgetting one server's context lost another's: %d", got)
	}
}

// TestContextSettingReachesTheEngine: a model whose server does not tell its context gets the
// one set on its card, through the engine the application builds.
func TestContextSettingReachesTheEngine(t *testing.T) {
	srv := openaitest.New(t, openaitest.Model{Name: "mistral-small"})
	a := test.NewTempApp(t)
	setContextSetting(a, srv.URL(), "mistral-small", 16384)
	e := newOpenAIEngine(a, nil, keys.Open(filepath.Join(t.TempDir(), "k.json")))
	c, err := e.Client(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.Show(context.Background(), "mistral-small")
	if err != nil || info.ContextLength != 16384 {
		t.Fatalf("context %d, %v; want the 16384 set", info.ContextLength, err)
	}
}
