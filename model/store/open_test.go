package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// fileState is what Open must leave as it was when it refuses a file: its bytes, its mode and
// the files beside it.
type fileState struct {
	sum     [32]byte
	mode    os.FileMode
	sibling []string
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileState{sha256.Sum256(data), info.Mode(), siblings(t, filepath.Dir(path))}
}

func siblings(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// sqliteFile makes a SQLite database at path with stmt, in a directory of its own, readable by
// all (0644), and returns its path.
func sqliteFile(t *testing.T, name, stmt string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	execSQL(t, path, stmt)
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOpenRefusesUntouched gives Open files it must refuse, and checks each is left exactly as
// it was: same bytes, same mode, no journal, WAL or shared-memory file beside it.
func TestOpenRefusesUntouched(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix file modes")
	}
	garbage := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("pas une base ", 400)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		want error
	}{
		{"other application's tables", sqliteFile(t, "contacts.db", "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Mme Laurent')"), ErrNotWorkspace},
		{"other application's id", sqliteFile(t, "marked.db", "PRAGMA application_id = 1234; CREATE TABLE t (x)"), ErrNotWorkspace},
		{"other application's version", sqliteFile(t, "versioned.db", "PRAGMA user_version = 7"), ErrNotWorkspace},
		{"other application's WAL file", sqliteFile(t, "wal.db", "PRAGMA journal_mode = WAL; CREATE TABLE t (x)"), ErrNotWorkspace},
		{"newer workspace", sqliteFile(t, "newer.db", fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d; CREATE TABLE reports (id)", applicationID, SchemaVersion()+1)), ErrNewerSchema},
		{"garbage", garbage, ErrNotWorkspace},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := stateOf(t, tc.path)
			s, err := Open(tc.path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
			after := stateOf(t, tc.path)
			if after.sum != before.sum {
				t.Error("the file's content changed")
			}
			if after.mode != before.mode {
				t.Errorf("mode %v, was %v", after.mode, before.mode)
			}
			if !slices.Equal(after.sibling, before.sibling) {
				t.Errorf("files beside it %v, were %v", after.sibling, before.sibling)
			}
		})
	}
}

// TestOpenAcceptsEmptyDatabase keeps taking an empty SQLite database (no table, no mark) as a
// new workspace, as before.
func TestOpenAcceptsEmptyDatabase(t *testing.T) {
	path := sqliteFile(t, "vide.db", "PRAGMA user_version = 0")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateReport(context.Background(), sampleReport("Atelier")); err != nil {
		t.Fatal(err)
	}
}

// damagedWorkspace makes a workspace with reports, closes it, and returns its path and bytes.
func damagedWorkspace(t *testing.T, reports int) (string, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := range reports {
		r := sampleReport(fmt.Sprintf("Réunion n° %d", i+1))
		r.Body += strings.Repeat(fmt.Sprintf("Paragraphe du compte-rendu %d. ", i+1), 60)
		if r, err = s.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Snapshot(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data
}

// pageSize is the workspace's page size, read from its header.
func pageSize(data []byte) int {
	if n := int(data[16])<<8 | int(data[17]); n != 1 {
		return n
	}
	return 1 << 16
}

// TestOpenRefusesDamaged opens damaged workspaces: Open must say they are damaged and write
// nothing to them.
func TestOpenRefusesDamaged(t *testing.T) {
	tests := []struct {
		name   string
		damage func(data []byte) []byte
	}{
		{"one byte short", func(data []byte) []byte { return data[:len(data)-1] }},
		{"one page short", func(data []byte) []byte { return data[:len(data)-pageSize(data)] }},
		{"a page overwritten", func(data []byte) []byte {
			p := pageSize(data)
			copy(data[3*p:4*p], bytes.Repeat([]byte{0x5a}, p))
			return data
		}},
		{"a b-tree page's header broken", func(data []byte) []byte {
			p := pageSize(data)
			for page := 1; page*p < len(data); page++ {
				if data[page*p] == 0x0d { // a table leaf
					data[page*p+3], data[page*p+4] = 0xff, 0xff // cell count
					break
				}
			}
			return data
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path, data := damagedWorkspace(t, 40)
			if err := os.WriteFile(path, tc.damage(data), 0o600); err != nil {
				t.Fatal(err)
			}
			before := stateOf(t, path)
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %v, want ErrCorrupt", err)
			}
			if after := stateOf(t, path); after.sum != before.sum {
				t.Error("Open wrote to the damaged file")
			}
		})
	}
}
