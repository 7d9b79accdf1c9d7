//go:build unix

package model

import (
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// mkfifo makes a FIFO at path.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
}

// openWithin runs OpenRegular(path) and fails the test if it has not returned within a long
// delay, unblocking it by opening the FIFO at path for writing.
func openWithin(t *testing.T, path string) ([]byte, error) {
	t.Helper()
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		f, _, err := OpenRegular(path)
		if err != nil {
			done <- result{err: err}
			return
		}
		defer f.Close()
		data, err := io.ReadAll(f)
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-time.After(10 * time.Second):
		if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		t.Fatalf("OpenRegular(%s) blocked", path)
		return nil, nil
	}
}

func TestOpenRegular(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(regular, []byte("Ordre du jour"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "lien.txt")
	if err := os.Symlink(regular, link); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.json")
	mkfifo(t, fifo)
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	tests := []struct {
		name, path string
		want       error
	}{
		{"regular file", regular, nil},
		{"link to a regular file", link, nil},
		{"directory", dir, ErrNotRegular},
		{"fifo", fifo, ErrNotRegular},
		{"character device", os.DevNull, ErrNotRegular},
		{"socket", sock, ErrNotRegular},
		{"missing", filepath.Join(dir, "absent.txt"), os.ErrNotExist},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, err := openWithin(t, tc.path)
			if tc.want == nil {
				if err != nil || string(data) != "Ordre du jour" {
					t.Fatalf("got %q, %v", data, err)
				}
				return
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
		})
	}
}

// TestOpenRegularFIFOSwappedIn replaces the file by a FIFO between the check and the open:
// OpenRegular must refuse it at once, not wait for a writer.
func TestOpenRegularFIFOSwappedIn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "presets.json")
	if err := os.WriteFile(path, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	beforeOpen = func(p string) {
		if err := os.Remove(p); err != nil {
			t.Error(err)
		}
		mkfifo(t, p)
	}
	defer func() { beforeOpen = nil }()
	if _, err := openWithin(t, path); !errors.Is(err, ErrNotRegular) {
		t.Fatalf("error %v, want ErrNotRegular", err)
	}
}
