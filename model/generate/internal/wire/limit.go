package wire

import (
	"fmt"
	"io"
)

// TooLargeError is returned when an answer is larger than a client reads.
type TooLargeError struct {
	// Limit is the most bytes read.
	Limit int64
}

// Error says what was refused, in English, for logs.
func (e TooLargeError) Error() string {
	return fmt.Sprintf("the host's answer is larger than %d bytes, the most read", e.Limit)
}

// LimitBody returns body reading at most limit bytes: past them, a read fails with
// TooLargeError if more come.
func LimitBody(body io.ReadCloser, limit int64) io.ReadCloser {
	return &limitedBody{ReadCloser: body, left: limit, limit: limit}
}

type limitedBody struct {
	io.ReadCloser
	left, limit int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		var one [1]byte
		if n, _ := b.ReadCloser.Read(one[:]); n > 0 {
			return 0, TooLargeError{Limit: b.limit}
		}
		return b.ReadCloser.Read(p)
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.ReadCloser.Read(p)
	b.left -= int64(n)
	return n, err
}
