package cli

import (
	"io"
	"sync"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

// cleanWriter is what the command line writes to a terminal through: every text goes through
// model.CleanText, so that no escape sequence (a colour, a hyperlink, a title, a clear screen)
// nor bidirectional control (which shows text in another order than it is stored) from a host,
// a model or a shared file reaches the terminal, whatever the code that prints it. Names are
// also cleaned where they are printed (model.CleanName), to keep each on its line.
type cleanWriter struct {
	mu   sync.Mutex
	w    io.Writer
	tail []byte // the first bytes of a character cut between two writes
}

// newCleanWriter returns a cleanWriter writing to w.
func newCleanWriter(w io.Writer) *cleanWriter { return &cleanWriter{w: w} }

// Write cleans p and writes it; a character cut at the end of p waits for the next write.
func (c *cleanWriter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	data := append(c.tail, p...)
	cut := completeUTF8(data)
	c.tail = append([]byte(nil), data[cut:]...)
	if cut > 0 {
		if _, err := io.WriteString(c.w, model.CleanText(string(data[:cut]))); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// flush writes what is left of a character cut short, as U+FFFD.
func (c *cleanWriter) flush() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.tail) == 0 {
		return nil
	}
	_, err := io.WriteString(c.w, model.CleanText(string(c.tail)))
	c.tail = nil
	return err
}

// completeUTF8 returns the length of the longest prefix of b that does not end inside a
// character: at most the last three bytes, the start of a character not complete yet, are left.
func completeUTF8(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return len(b)
			}
			return i
		}
	}
	return len(b)
}
