package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/rapporteur/rapporteur/model"
)

// Errors the store returns, wrapped with details; test them with errors.Is.
var (
	// ErrNotWorkspace means the file is not a SQLite database, or is one made by another
	// application.
	ErrNotWorkspace = errors.New("not a Rapporteur workspace")
	// ErrNewerSchema means the workspace was written by a newer version of Rapporteur.
	ErrNewerSchema = errors.New("workspace made by a newer version")
	// ErrCorrupt means SQLite found the workspace file damaged.
	ErrCorrupt = errors.New("workspace file damaged")
	// ErrBusy means another process (a second Rapporteur, the command line) kept the
	// workspace locked for longer than the busy timeout.
	ErrBusy = errors.New("workspace busy")
	// ErrDiskFull means the disk holding the workspace is full.
	ErrDiskFull = errors.New("disk full")
	// ErrNotFound is model.ErrNotFound: a report, revision, run or variant does not exist.
	ErrNotFound = model.ErrNotFound
)

// FileName is the workspace's file name inside the data directory.
const FileName = "workspace.db"

// busyTimeout is how long a write waits for another process (a second window, the command
// line) holding the workspace before failing.
const busyTimeout = 5 * time.Second

// Store is an open workspace. Its methods are safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
}

// DefaultPath returns the workspace's usual location, creating its directory (mode 0700):
// $XDG_DATA_HOME/rapporteur (or ~/.local/share/rapporteur) on Linux and the BSDs,
// %APPDATA%\Rapporteur on Windows, ~/Library/Application Support/Rapporteur on macOS, and
// the user's configuration directory elsewhere.
func DefaultPath() (string, error) {
	dir, err := dataDir(runtime.GOOS)
	if err != nil {
		return "", fmt.Errorf("store: data directory: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("store: %w", err)
	}
	return filepath.Join(dir, FileName), nil
}

// dataDir returns the directory of the workspace on the system goos.
func dataDir(goos string) (string, error) {
	switch goos {
	case "windows":
		// What os.UserConfigDir reads on Windows, read here so that tests run anywhere.
		appData := os.Getenv("APPDATA")
		if appData == "" {
			return "", errors.New("%APPDATA% is not set")
		}
		return filepath.Join(appData, "Rapporteur"), nil
	case "darwin":
		base, err := os.UserConfigDir()
		return filepath.Join(base, "Rapporteur"), err
	case "ios", "android", "plan9":
		base, err := os.UserConfigDir()
		return filepath.Join(base, "rapporteur"), err
	}
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "rapporteur"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "rapporteur"), nil
}

// Close closes the workspace; the WAL is checkpointed into the main file.
func (s *Store) Close() error {
	return s.db.Close()
}

// Path returns the workspace file's absolute path.
func (s *Store) Path() string { return s.path }

// write runs fn in a transaction and commits it when fn succeeds.
func (s *Store) write(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	return classify(tx.Commit())
}

// classify maps SQLite's result codes to the store's errors.
func classify(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_NOTADB:
		return fmt.Errorf("%w: %w", ErrNotWorkspace, err)
	case sqlite3.SQLITE_CORRUPT:
		return fmt.Errorf("%w: %w", ErrCorrupt, err)
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return fmt.Errorf("%w: %w", ErrBusy, err)
	case sqlite3.SQLITE_FULL:
		return fmt.Errorf("%w: %w", ErrDiskFull, err)
	}
	return err
}

// now returns the current time in UTC, without its monotonic reading, to the nanosecond the
// database keeps.
func now() time.Time { return time.Now().UTC().Round(0) }

func fromNanos(n int64) time.Time { return time.Unix(0, n).UTC() }

func notFound(what string, id int64) error {
	return fmt.Errorf("%s %d: %w", what, id, model.ErrNotFound)
}
