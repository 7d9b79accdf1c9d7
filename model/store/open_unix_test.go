//go:build unix

package store

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// charDevice makes a character device in dir: a null device of its own when the test may
// create one (as root), else a link to /dev/null.
func charDevice(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "null.db")
	if os.Geteuid() == 0 {
		var null syscall.Stat_t
		if err := syscall.Stat(os.DevNull, &null); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, int(null.Rdev)); err != nil {
			t.Fatalf("mknod: %v", err)
		}
		if err := os.Chmod(path, 0o666); err != nil {
			t.Fatal(err)
		}
		return path
	}
	if err := os.Symlink(os.DevNull, path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOpenRefusesSpecialFiles gives Open a FIFO, a character device, a socket and a directory
// as the workspace: it must refuse each at once, change no mode and create no file beside it.
func TestOpenRefusesSpecialFiles(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, dir string) string
	}{
		{"fifo", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "fifo.db")
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatalf("mkfifo: %v", err)
			}
			return p
		}},
		{"character device", charDevice},
		{"socket", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "sock.db")
			l, err := net.Listen("unix", p)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { l.Close() })
			return p
		}},
		{"directory", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "dossier.db")
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
			return p
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tc.make(t, dir)
			before, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			names := siblings(t, dir)
			err = openWithin(t, path)
			if !errors.Is(err, ErrNotWorkspace) || !errors.Is(err, model.ErrNotRegular) {
				t.Errorf("error %v, want ErrNotWorkspace and model.ErrNotRegular", err)
			}
			after, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if after.Mode() != before.Mode() {
				t.Errorf("mode %v, was %v", after.Mode(), before.Mode())
			}
			if got := siblings(t, dir); !slices.Equal(got, names) {
				t.Errorf("files %v, were %v", got, names)
			}
		})
	}
}

// openWithin opens the workspace at path and returns Open's error, failing the test if Open
// has not returned within a long delay (then unblocking it, when path is a FIFO).
func openWithin(t *testing.T, path string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		s, err := Open(path)
		if err == nil {
			s.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		t.Fatal("Open blocked")
		return nil
	}
}
