package model

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// ErrNotRegular is wrapped by OpenRegular's error when the path names a directory, a FIFO, a
// device or a socket: something that is not a file to read, and could block the reader
// forever (a FIFO without writer, a terminal) or have effects when opened (a device).
var ErrNotRegular = errors.New("not a regular file")

// beforeOpen, when set by a test, runs between OpenRegular's check of the path and its open.
var beforeOpen func(path string)

// OpenRegular opens the regular file at path (symbolic links followed) for reading, and
// returns it with its information. Anything else fails with an *fs.PathError wrapping
// ErrNotRegular, without being opened when it is one already, and without blocking when the
// path is replaced by a FIFO between the check and the open.
func OpenRegular(path string) (*os.File, fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, notRegular(path, info)
	}
	if beforeOpen != nil {
		beforeOpen(path)
	}
	// O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting; it
	// changes nothing for a regular file.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err = f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = notRegular(path, info)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

func notRegular(path string, info fs.FileInfo) error {
	return &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kindOf(info.Mode()))}
}

// kindOf names a file's type, in English, for logs.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "not a plain file"
}
