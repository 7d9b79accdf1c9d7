package model

import (
	"fmt"
	"io"
)

// ShareTooLargeError says a share file is larger than MaxShareFileSize bytes; it is refused
// before being read. It wraps ErrShareFile.
type ShareTooLargeError struct {
	// Size is the file's size in bytes, or -1 when it was read from a stream and only known
	// to be over the limit.
	Size int64
	// Limit is MaxShareFileSize.
	Limit int64
}

// Error describes the failure in English, for logs.
func (e *ShareTooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("%v: more than %d bytes", ErrShareFile, e.Limit)
	}
	return fmt.Sprintf("%v: %d bytes, more than %d", ErrShareFile, e.Size, e.Limit)
}

// Unwrap returns ErrShareFile.
func (e *ShareTooLargeError) Unwrap() error { return ErrShareFile }

// ReadShareFile reads and validates the share file at path (see ParseShare). Only a regular
// file is read (a FIFO or a device fails with ErrNotRegular instead of blocking), and one
// larger than MaxShareFileSize is refused before being read.
func ReadShareFile(path string) (Share, error) {
	f, info, err := OpenRegular(path)
	if err != nil {
		return Share{}, err
	}
	defer f.Close()
	if info.Size() > MaxShareFileSize {
		return Share{}, &ShareTooLargeError{Size: info.Size(), Limit: MaxShareFileSize}
	}
	return ReadShare(f)
}

// ReadShare reads and validates a share file from r, reading at most MaxShareFileSize bytes:
// a longer stream is a *ShareTooLargeError.
func ReadShare(r io.Reader) (Share, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxShareFileSize+1))
	if err != nil {
		return Share{}, err
	}
	if len(data) > MaxShareFileSize {
		return Share{}, &ShareTooLargeError{Size: -1, Limit: MaxShareFileSize}
	}
	return ParseShare(data)
}
