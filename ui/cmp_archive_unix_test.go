//go:build unix

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"github.com/rapporteur/rapporteur/ui/uikit"
)

// fifo makes a FIFO in dir and returns its path.
func fifo(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	return path
}

// within runs fn and returns its error, failing the test if it has not returned within a long
// delay (then unblocking it by opening the FIFO at path for writing).
func within(t *testing.T, path string, fn func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		t.Fatal("blocked on a FIFO")
		return nil
	}
}

// TestImportArchiveRefusesFIFO gives the archive import a FIFO: it must refuse it at once and
// say why, not wait for a writer.
func TestImportArchiveRefusesFIFO(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	path := fifo(t, env.dir, "archive.json")
	err := within(t, path, func() error { return env.u.importArchive(path) })
	if want := "archive.json n’est pas un fichier lisible\u00a0: c’est un dossier, un tube ou un périphérique."; err == nil || ErrorText(err) != want {
		t.Fatalf("error %q, want %q", ErrorText(err), want)
	}
	if (uikit.RegularFiles{".json"}).Matches(storage.NewFileURI(path)) {
		t.Error("the file dialog offers the FIFO")
	}
}

// fifoReader is what a file dialog hands over for a FIFO: its URI, and a reader that nothing
// must read from.
type fifoReader struct{ uri fyne.URI }

func (f fifoReader) URI() fyne.URI { return f.uri }
func (f fifoReader) Read([]byte) (int, error) {
	panic("the share file was read through the dialog's reader")
}
func (f fifoReader) Close() error { return nil }

// TestImportShareRefusesFIFO gives the shared-file import a FIFO chosen in the dialog.
func TestImportShareRefusesFIFO(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	path := fifo(t, env.dir, "partage.json")
	err := within(t, path, func() error { _, err := readShare(fifoReader{storage.NewFileURI(path)}); return err })
	if err == nil || !strings.Contains(ErrorText(err), "partage.json n’est pas un fichier lisible") {
		t.Fatalf("error %q", ErrorText(err))
	}
}
