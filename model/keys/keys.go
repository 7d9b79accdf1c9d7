package keys

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/zalando/go-keyring"
)

// Service is the name the keys are filed under in the keyring.
const Service = "Rapporteur"

// MaxKeyLen bounds a key: real ones are a few hundred characters at most.
const MaxKeyLen = 4096

// Backend says where the keys are kept.
type Backend string

// The places a Store keeps keys in.
const (
	// BackendKeyring: the operating system's keyring.
	BackendKeyring Backend = "keyring"
	// BackendFile: a file readable by its owner only, because no keyring answered.
	BackendFile Backend = "file"
)

// ErrKeyInvalid is returned by Set for a key too long or holding control characters.
var ErrKeyInvalid = errors.New("keys: the key is too long or holds control characters")

// keyring is what a Store needs of the system keyring; go-keyring's functions by default.
type ring interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
	Delete(service, user string) error
}

type systemRing struct{}

func (systemRing) Get(s, u string) (string, error) { return keyring.Get(s, u) }
func (systemRing) Set(s, u, p string) error        { return keyring.Set(s, u, p) }
func (systemRing) Delete(s, u string) error        { return keyring.Delete(s, u) }

// Store reads and writes the keys of hosts. It is safe for concurrent use. Its first use
// decides the backend: the keyring when it answers, else the file. Keys read are kept in
// memory, so that a locked keyring asks the user once.
type Store struct {
	file string // the fallback file's path
	ring ring

	once    sync.Once
	backend Backend

	mu    sync.Mutex
	cache map[string]string
}

// Open returns a store that falls back to the file at path (created on first Set, mode 0600)
// when the system keyring does not answer.
func Open(path string) *Store {
	return &Store{file: path, ring: systemRing{}, cache: map[string]string{}}
}

// openWith is Open with another keyring, for tests; r nil means none answers.
func openWith(path string, r ring) *Store {
	s := Open(path)
	s.ring = r
	return s
}

// Backend returns where the keys are kept, deciding it on first call: the keyring when a
// probe read answers (found or not found), the file otherwise. It may block while the system
// keyring answers: call it off the interface's thread.
func (s *Store) Backend() Backend {
	s.once.Do(func() {
		s.backend = BackendFile
		if s.ring != nil && sessionBus() {
			if _, err := s.ring.Get(Service, "probe"); err == nil || errors.Is(err, keyring.ErrNotFound) {
				s.backend = BackendKeyring
			}
		}
	})
	return s.backend
}

// sessionBus reports whether a keyring may answer: on Linux and the BSDs, the Secret Service
// needs a D-Bus session, and asking without one would start a D-Bus daemon.
func sessionBus() bool {
	switch runtime.GOOS {
	case "windows", "darwin":
		return true
	}
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return true
	}
	_, err := os.Stat(fmt.Sprintf("/run/user/%d/bus", os.Getuid()))
	return err == nil
}

// Get returns the key of host, "" when none is set.
func (s *Store) Get(host string) (string, error) {
	host = strings.TrimSpace(host)
	s.mu.Lock()
	key, ok := s.cache[host]
	s.mu.Unlock()
	if ok {
		return key, nil
	}
	var err error
	if s.Backend() == BackendKeyring {
		key, err = s.ring.Get(Service, host)
		if errors.Is(err, keyring.ErrNotFound) {
			key, err = "", nil
		}
	} else {
		key, err = readFile(s.file, host)
	}
	if err != nil {
		return "", fmt.Errorf("keys: read the key of %s: %w", host, err)
	}
	s.mu.Lock()
	s.cache[host] = key
	s.mu.Unlock()
	return key, nil
}

// Key is Get without the error, for an engine's Options.Key: a key that cannot be read is
// no key, and the server then says it wants one.
func (s *Store) Key(host string) string {
	k, _ := s.Get(host)
	return k
}

// Set keeps key for host; an empty key deletes it.
func (s *Store) Set(host, key string) error {
	host, key = strings.TrimSpace(host), strings.TrimSpace(key)
	if len(key) > MaxKeyLen || strings.ContainsFunc(key, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return ErrKeyInvalid
	}
	var err error
	switch {
	case s.Backend() == BackendFile:
		err = writeFile(s.file, host, key)
	case key == "":
		if err = s.ring.Delete(Service, host); errors.Is(err, keyring.ErrNotFound) {
			err = nil
		}
	default:
		err = s.ring.Set(Service, host, key)
	}
	if err != nil {
		return fmt.Errorf("keys: keep the key of %s: %w", host, err)
	}
	s.mu.Lock()
	s.cache[host] = key
	s.mu.Unlock()
	return nil
}

// Path returns the fallback file's path, where the keys are when Backend is BackendFile.
func (s *Store) Path() string { return s.file }
