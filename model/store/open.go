package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/rapporteur/rapporteur/model"
)

// Open opens the workspace at path, creating it (mode 0600) if needed, and brings its schema
// up to date. It fails with ErrNotWorkspace, ErrNewerSchema or ErrCorrupt when the file cannot
// be used, and then leaves it exactly as it was: nothing is written, no mode changed, no
// journal created, before the file is known to be a sound workspace. Only a regular file (or
// a new one) is opened: a FIFO, a device or a directory is ErrNotWorkspace wrapping
// model.ErrNotRegular. A damaged workspace can be copied with Salvage.
func Open(path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	fresh, err := inspect(abs)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*busyTimeout)
	defer cancel()
	if !fresh {
		if err := probe(ctx, abs); err != nil {
			return nil, err
		}
	}
	if err := os.Chmod(abs, 0o600); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	db, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	// One connection: writes are serialised in this process without SQLITE_BUSY, and a
	// desktop workspace's reads are short enough to queue behind them.
	db.SetMaxOpenConns(1)
	db.SetConnMaxLifetime(0)
	s := &Store{db: db, path: abs}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Chmod(abs+suffix, 0o600); err != nil && !errors.Is(err, os.ErrNotExist) {
			db.Close()
			return nil, fmt.Errorf("store: %w", err)
		}
	}
	return s, nil
}

// inspect checks, without letting SQLite open it, that path is a new file (which it creates,
// readable by its owner only), an empty one, or a regular file whose header may be a
// workspace; fresh is true for a new or empty file.
func inspect(path string) (fresh bool, err error) {
	f, info, err := model.OpenRegular(path)
	if errors.Is(err, fs.ErrNotExist) {
		nf, cerr := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(cerr, fs.ErrExist) { // created by another process meanwhile
			return inspect(path)
		}
		if cerr != nil {
			return false, fmt.Errorf("store: %w", cerr)
		}
		return true, nf.Close()
	}
	if errors.Is(err, model.ErrNotRegular) {
		return false, fmt.Errorf("store: %w: %w", ErrNotWorkspace, err)
	}
	if err != nil {
		return false, fmt.Errorf("store: %w", err)
	}
	defer f.Close()
	header := make([]byte, headerSize)
	n, err := io.ReadFull(f, header)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, fmt.Errorf("store: %w", err)
	}
	if n == 0 {
		return true, nil
	}
	if err := checkHeader(header[:n], info.Size()); err != nil {
		return false, fmt.Errorf("store: %s: %w", path, err)
	}
	return false, nil
}

// headerSize is the length of a SQLite database file's header.
const headerSize = 100

// checkHeader refuses, from the first bytes of a file of size bytes and without letting SQLite
// touch it, what is not a SQLite database, a database of another application (marked with its
// own application_id or user_version, or holding tables while unmarked), a newer workspace, and
// a file cut short.
func checkHeader(h []byte, size int64) error {
	if len(h) < headerSize || !bytes.HasPrefix(h, []byte("SQLite format 3\x00")) {
		return ErrNotWorkspace
	}
	if err := checkMarks(h); err != nil {
		return err
	}
	page := int64(binary.BigEndian.Uint16(h[16:18]))
	if page == 1 {
		page = 1 << 16
	}
	if page < 512 || page&(page-1) != 0 {
		return fmt.Errorf("%w: page size %d", ErrNotWorkspace, page)
	}
	if size%page != 0 {
		return fmt.Errorf("%w: %d bytes, not a whole number of %d-byte pages", ErrCorrupt, size, page)
	}
	// The page count in the header is valid when it was written with the change counter.
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	if bytes.Equal(h[24:28], h[92:96]) && pages > size/page {
		return fmt.Errorf("%w: %d pages, the header says %d", ErrCorrupt, size/page, pages)
	}
	return nil
}

// checkMarks reads the application id, the user version and the schema cookie of a SQLite
// header: a workspace, or an empty database never given a schema, passes.
func checkMarks(h []byte) error {
	appID := binary.BigEndian.Uint32(h[68:72])
	version := binary.BigEndian.Uint32(h[60:64])
	schemaCookie := binary.BigEndian.Uint32(h[40:44])
	switch {
	case appID == applicationID && version > uint32(len(migrations)):
		return fmt.Errorf("%w: schema %d, this version knows %d", ErrNewerSchema, version, len(migrations))
	case appID != applicationID && (appID != 0 || version != 0 || schemaCookie != 0):
		return ErrNotWorkspace
	}
	return nil
}

// probe checks, through a read-only connection that writes nothing to the file, that an
// existing file is a workspace this build understands (or an empty database) and that SQLite
// finds no damage in it (PRAGMA quick_check).
func probe(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", uri(path)+"?mode=ro&_pragma=busy_timeout("+fmt.Sprint(busyTimeout.Milliseconds())+")")
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := readSchema(ctx, db, path); err != nil {
		return err
	}
	return quickCheck(ctx, db)
}

// quickCheck runs SQLite's quick_check on db: ErrCorrupt with SQLite's first finding when the
// file is damaged.
func quickCheck(ctx context.Context, db *sql.DB) error {
	var result string
	err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&result)
	if err != nil {
		err = classify(err)
		if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNotWorkspace) && !errors.Is(err, ErrBusy) {
			err = fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
		return fmt.Errorf("store: quick check: %w", err)
	}
	if result != "ok" {
		return fmt.Errorf("store: %w: %s", ErrCorrupt, result)
	}
	return nil
}

// uri is the modernc.org/sqlite file URI of path.
func uri(path string) string {
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
	if !strings.HasPrefix(escaped, "/") {
		escaped = "/" + escaped // file:/C:/… on Windows
	}
	return "file:" + escaped
}

// dsn builds the modernc.org/sqlite URI for path. The pragmas run on every pooled connection:
//   - journal_mode(WAL): readers do not block the writer, and a commit is one append;
//   - synchronous(NORMAL): with WAL, a committed transaction is in the WAL file before the
//     call returns, so it survives the process being killed; only a power loss or OS crash
//     may lose the last commits (never corrupt the file). FULL would fsync every autosave
//     and streaming save for a risk the design does not cover;
//   - foreign_keys(1): revisions, runs and variants are deleted with their report;
//   - busy_timeout: wait for another process instead of failing at once;
//   - _txlock=immediate: a transaction takes the write lock when it begins, so a
//     read-then-write (Snapshot) never fails halfway on a lock upgrade.
//
// Open uses it only once probe has found the file sound.
func dsn(path string) string {
	return uri(path) +
		"?_pragma=busy_timeout(" + fmt.Sprint(busyTimeout.Milliseconds()) + ")" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(NORMAL)" +
		"&_txlock=immediate"
}
