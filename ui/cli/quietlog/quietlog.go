package quietlog

import (
	"io"
	"log"
	"os"
	"strings"
	"sync"
)

func init() {
	log.SetOutput(New(os.Stderr))
}

// localeNoise are the messages Fyne logs when it cannot read the user's locale.
var localeNoise = []string{
	"Fyne error:  Error parsing user locale ",
	"Fyne error:  Failed to look up user locale",
	"Fyne error:  Failed to load user locales",
}

// Writer writes log entries to another writer, except Fyne's complaints about the user's
// locale and the lines of detail that follow them (« Cause: », « At: »). It is safe for
// concurrent use.
type Writer struct {
	mu       sync.Mutex
	w        io.Writer
	dropping bool // the last entry was dropped: its details go too
}

// New returns a Writer writing to w.
func New(w io.Writer) *Writer { return &Writer{w: w} }

// Write writes one log entry (the standard logger writes each entry in one call) unless it
// is locale noise.
func (q *Writer) Write(p []byte) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	entry := string(p)
	switch {
	case isLocaleNoise(entry):
		q.dropping = true
		return len(p), nil
	case q.dropping && (strings.Contains(entry, "  Cause: ") || strings.Contains(entry, "  At: ")):
		return len(p), nil
	}
	q.dropping = false
	return q.w.Write(p)
}

// isLocaleNoise reports whether a log entry is Fyne's complaint about the user's locale.
func isLocaleNoise(entry string) bool {
	for _, noise := range localeNoise {
		if strings.Contains(entry, noise) {
			return true
		}
	}
	return false
}
