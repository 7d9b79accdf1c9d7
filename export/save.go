package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// OutputProblem says why a file cannot be written where it was asked.
type OutputProblem string

// The problems CheckOutput and the Save functions report.
const (
	OutputNoName      OutputProblem = "no-name"      // no path was given
	OutputNoFolder    OutputProblem = "no-folder"    // the folder to write in does not exist
	OutputNotFolder   OutputProblem = "not-folder"   // what should be the folder is a file
	OutputIsFolder    OutputProblem = "is-folder"    // the path names a folder, not a file
	OutputNotRegular  OutputProblem = "not-regular"  // the path names a device, a pipe or a socket
	OutputNotWritable OutputProblem = "not-writable" // the folder refuses new files (permissions, read-only disk)
)

// OutputError says why path cannot be written. Inspect it with errors.As.
type OutputError struct {
	// Path is the path asked.
	Path string
	// Problem classifies the failure.
	Problem OutputProblem
	// Err is the underlying error, or nil.
	Err error
}

// Error describes the failure in English, for logs; people read a translated text.
func (e *OutputError) Error() string {
	msg := fmt.Sprintf("export: cannot write %q: %s", e.Path, e.Problem)
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the underlying error.
func (e *OutputError) Unwrap() error { return e.Err }

// CheckOutput reports whether a file can be saved at path, before the work that makes it:
// its folder exists and accepts a new file (a file is created there and removed), and path
// is not a folder, a device or a pipe. The error is an *OutputError.
func CheckOutput(path string) error {
	if err := checkTarget(path); err != nil {
		return err
	}
	f, err := createTemp(path)
	if err != nil {
		return &OutputError{Path: path, Problem: OutputNotWritable, Err: err}
	}
	_ = f.Close()
	_ = os.Remove(f.Name())
	return nil
}

// checkTarget checks path without writing: a name is given, its folder exists, and path is
// a regular file or nothing yet.
func checkTarget(path string) error {
	fail := func(p OutputProblem, err error) error { return &OutputError{Path: path, Problem: p, Err: err} }
	if path == "" {
		return fail(OutputNoName, nil)
	}
	if strings.HasSuffix(path, string(filepath.Separator)) || strings.HasSuffix(path, "/") {
		return fail(OutputIsFolder, nil)
	}
	dir, err := os.Stat(filepath.Dir(path))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fail(OutputNoFolder, err)
	case err != nil && isNotDir(err), err == nil && !dir.IsDir():
		return fail(OutputNotFolder, err)
	case err != nil:
		return fail(OutputNotWritable, err)
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return fail(OutputIsFolder, nil)
	case err == nil && !fi.Mode().IsRegular():
		return fail(OutputNotRegular, nil)
	}
	return nil
}

// isNotDir reports whether err says a part of a path is a file where a folder was expected.
func isNotDir(err error) bool { return errors.Is(err, syscall.ENOTDIR) }

// createTemp creates a new, hidden file beside path, with the permissions os.Create gives a
// new file: 0666 less the umask (and the folder's default ACL, where there is one).
// os.CreateTemp would make it 0600.
func createTemp(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	for range 1000 {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(uint64(rand.Uint32()), 10)+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("export: no free temporary name beside %s", path)
}

// SaveFile writes a file at path with write: to a temporary file in the same folder, synced
// and renamed over path, so path never holds a half-written file. A new file gets the
// permissions os.Create gives (0666 less the umask); a file replaced keeps its own. A folder,
// a device or a pipe at path is never replaced (*OutputError).
func SaveFile(path string, write func(io.Writer) error) (err error) {
	if err := checkTarget(path); err != nil {
		return err
	}
	tmp, err := createTemp(path)
	if err != nil {
		return &OutputError{Path: path, Problem: OutputNotWritable, Err: err}
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if old, serr := os.Stat(path); serr == nil {
		if err = os.Chmod(tmp.Name(), old.Mode().Perm()); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
