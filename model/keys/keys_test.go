package keys

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/zalando/go-keyring"
)

// memRing is a keyring in memory; fail makes every call fail as a keyring without a daemon.
type memRing struct {
	mu   sync.Mutex
	m    map[string]string
	fail error
	gets int
}

func (r *memRing) Get(s, u string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gets++
	if r.fail != nil {
		return "", r.fail
	}
	v, ok := r.m[s+"/"+u]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return v, nil
}

func (r *memRing) Set(s, u, p string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail != nil {
		return r.fail
	}
	r.m[s+"/"+u] = p
	return nil
}

func (r *memRing) Delete(s, u string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.m[s+"/"+u]; !ok {
		return keyring.ErrNotFound
	}
	delete(r.m, s+"/"+u)
	return nil
}

const host = "https://llm.agglo.example/v1"

func TestKeyringKeepsKeysOutOfTheFile(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent") // a session is said to exist
	path := filepath.Join(t.TempDir(), "api-keys.json")
	r := &memRing{m: map[string]string{}}
	s := openWith(path, r)
	if got := s.Backend(); got != BackendKeyring {
		t.Fatalf("backend = %s, want keyring", got)
	}
	if err := s.Set(host, "  sk-secret-1  "); err != nil {
		t.Fatal(err)
	}
	if got := r.m[Service+"/"+host]; got != "sk-secret-1" {
		t.Fatalf("keyring holds %q, want the trimmed key", got)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the fallback file was written while the keyring answers: %v", err)
	}
	fresh := openWith(path, r)
	if got, err := fresh.Get(host); err != nil || got != "sk-secret-1" {
		t.Fatalf("Get = %q, %v", got, err)
	}
	gets := r.gets
	if fresh.Key(host) != "sk-secret-1" || r.gets != gets {
		t.Fatalf("a key read once was asked again of the keyring (%d reads, then %d)", gets, r.gets)
	}
	if err := fresh.Set(host, ""); err != nil {
		t.Fatal(err)
	}
	if _, ok := r.m[Service+"/"+host]; ok {
		t.Fatal("an empty key did not delete the keyring entry")
	}
	if err := fresh.Set(host, ""); err != nil {
		t.Fatalf("deleting a missing key: %v", err)
	}
}

func TestFileWhenNoKeyringAnswers(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
	path := filepath.Join(t.TempDir(), "conf", "api-keys.json")
	s := openWith(path, &memRing{fail: errors.New("The name org.freedesktop.secrets was not provided by any .service files")})
	if got := s.Backend(); got != BackendFile {
		t.Fatalf("backend = %s, want file", got)
	}
	if err := s.Set(host, "sk-file-2"); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("http://10.0.0.5:8000/v1", "other"); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("file mode %v, want 0600", st.Mode().Perm())
	}
	fresh := openWith(path, nil)
	if got, err := fresh.Get(host); err != nil || got != "sk-file-2" {
		t.Fatalf("Get = %q, %v", got, err)
	}
	if err := fresh.Set(host, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := openWith(path, nil).Get(host); got != "" {
		t.Fatalf("deleted key still read: %q", got)
	}
	if got, _ := openWith(path, nil).Get("http://10.0.0.5:8000/v1"); got != "other" {
		t.Fatalf("deleting one key lost another: %q", got)
	}
}

func TestNoSessionBusMeansFileWithoutAskingTheKeyring(t *testing.T) {
	if os.Getuid() == 0 {
		if _, err := os.Stat("/run/user/0/bus"); err == nil {
			t.Skip("this machine has a D-Bus session for root")
		}
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	r := &memRing{m: map[string]string{}}
	s := openWith(filepath.Join(t.TempDir(), "k.json"), r)
	if got := s.Backend(); got != BackendFile || r.gets != 0 {
		t.Fatalf("backend %s after %d keyring reads, want file after none", got, r.gets)
	}
}

func TestLooseFileMadePrivateAndDamagedFileSaid(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "api-keys.json")
	if err := os.WriteFile(path, []byte(`{"`+host+`":"sk-3"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := openWith(path, nil).Get(host); err != nil || got != "sk-3" {
		t.Fatalf("Get = %q, %v", got, err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v after reading, want 0600", st.Mode().Perm())
	}
	if err := os.WriteFile(path, []byte(`{"sk-4`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := openWith(path, nil).Get(host)
	if err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("damaged file: err = %v", err)
	}
	if err := openWith(path, nil).Set(host, "sk-5"); err == nil {
		t.Fatal("a key was written over a damaged file, losing the others")
	}
}

func TestInvalidKeyRefused(t *testing.T) {
	s := openWith(filepath.Join(t.TempDir(), "k.json"), nil)
	for _, k := range []string{"sk-\nline", strings.Repeat("x", MaxKeyLen+1), "a\x00b"} {
		if err := s.Set(host, k); !errors.Is(err, ErrKeyInvalid) {
			t.Errorf("Set(%.10q) = %v, want ErrKeyInvalid", k, err)
		}
	}
}
