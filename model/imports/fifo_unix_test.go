//go:build unix

package imports

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// TestReadFileNotRegular gives ReadFile what is not a regular file under a name it accepts: it
// must refuse it at once as CodeUnreadable, never wait for a FIFO's writer nor read a device.
func TestReadFileNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "compte-rendu.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	device := filepath.Join(dir, "zero.txt")
	if err := os.Symlink("/dev/zero", device); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, device} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			done := make(chan error, 1)
			go func() { _, err := ReadFile(path); done <- err }()
			select {
			case err := <-done:
				if CodeOf(err) != CodeUnreadable || !errors.Is(err, model.ErrNotRegular) {
					t.Fatalf("error %v, want %q wrapping model.ErrNotRegular", err, CodeUnreadable)
				}
			case <-time.After(10 * time.Second):
				if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					w.Close()
				}
				t.Fatal("ReadFile blocked")
			}
		})
	}
}
