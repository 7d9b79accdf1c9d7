package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// openTemp opens a new workspace in a temporary directory, closed at the end of the test.
func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), FileName))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func sampleReport(title string) model.Report {
	r := model.NewReport(title, model.French)
	r.Kind = model.KindConsultation
	r.Date = "2025-03-12"
	r.Place = "Salle polyvalente, Saint-Aubin-sur-Lys"
	r.Organisers = "Mme Laurent (mairie), M. Diallo (association Lys Vivant)"
	r.Audience = "habitant.es du centre-bourg, commerçant.e.s"
	r.Body = "# " + title + "\n\nÀ 10h00, 42 participant.es inscrit.e.s ont débattu du " +
		"réaménagement de la place du marché : 45,5 % souhaitent un marché couvert, p. ex. sous une halle.\n"
	return r
}

func TestOpenCreatesPrivateFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix file modes")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	// An existing, too open, empty file is restricted.
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateReport(context.Background(), sampleReport("Atelier")); err != nil {
		t.Fatal(err)
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		t.Run(filepath.Base(name), func(t *testing.T) {
			info, err := os.Stat(name)
			if err != nil {
				t.Fatal(err)
			}
			if mode := info.Mode().Perm(); mode != 0o600 {
				t.Errorf("mode %o, want 600", mode)
			}
		})
	}
}

func TestOpenPragmas(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	tests := []struct{ pragma, want string }{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"synchronous", "1"},
		{"busy_timeout", "5000"},
		{"user_version", fmt.Sprint(SchemaVersion())},
		{"application_id", fmt.Sprint(applicationID)},
	}
	for _, tc := range tests {
		t.Run(tc.pragma, func(t *testing.T) {
			var got string
			if err := s.db.QueryRowContext(ctx, "PRAGMA "+tc.pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("%s = %s, want %s", tc.pragma, got, tc.want)
			}
		})
	}
}

func TestOpenTwiceIsIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "un dossier ? #50%", FileName)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.CreateReport(ctx, sampleReport("Réunion publique"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for i := range 2 {
		s, err := Open(path)
		if err != nil {
			t.Fatalf("reopen %d: %v", i, err)
		}
		got, err := s.Report(ctx, r.ID)
		s.Close()
		if err != nil || got.Title != r.Title {
			t.Fatalf("reopen %d: %v %q", i, err, got.Title)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), FileName)); err != nil {
		t.Fatalf("file not at the escaped path: %v", err)
	}
}

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	newer := filepath.Join(dir, "newer.db")
	execSQL(t, newer, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, SchemaVersion()+1))
	foreign := filepath.Join(dir, "foreign.db")
	execSQL(t, foreign, "CREATE TABLE contacts (name TEXT)")
	marked := filepath.Join(dir, "marked.db")
	execSQL(t, marked, "PRAGMA application_id = 1234")
	tests := []struct {
		name string
		path string
		want error
	}{
		{"garbage", write("garbage.db", []byte(strings.Repeat("pas une base de données ", 200))), ErrNotWorkspace},
		{"short garbage", write("short.db", []byte("bonjour")), ErrNotWorkspace},
		{"bad header", write("header.db", append([]byte("SQLite format 3\x00"), make([]byte, 4000)...)), ErrNotWorkspace},
		{"other application's tables", foreign, ErrNotWorkspace},
		{"other application's id", marked, ErrNotWorkspace},
		{"newer schema", newer, ErrNewerSchema},
		{"directory", dir, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(tc.path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
		})
	}
}

// execSQL runs stmt on a plain SQLite database at path, without the store.
func execSQL(t *testing.T, path, stmt string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatal(err)
	}
}

func TestDefaultPath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG layout is Linux's")
	}
	tests := []struct {
		name, xdg, home, want string
	}{
		{"xdg data home", "/XDG", "/home/camille", "/XDG/rapporteur/workspace.db"},
		{"relative xdg ignored", "relatif", "/home/camille", "/home/camille/.local/share/rapporteur/workspace.db"},
		{"home fallback", "", "/home/camille", "/home/camille/.local/share/rapporteur/workspace.db"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			xdg := tc.xdg
			if filepath.IsAbs(xdg) {
				xdg = filepath.Join(root, xdg)
			}
			t.Setenv("XDG_DATA_HOME", xdg)
			t.Setenv("HOME", filepath.Join(root, tc.home))
			got, err := DefaultPath()
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(root, tc.want); got != want {
				t.Errorf("DefaultPath() = %q, want %q", got, want)
			}
			info, err := os.Stat(filepath.Dir(got))
			if err != nil || info.Mode().Perm() != 0o700 {
				t.Errorf("directory: %v, %v", err, info)
			}
		})
	}
	t.Run("no home", func(t *testing.T) {
		t.Setenv("XDG_DATA_HOME", "")
		t.Setenv("HOME", "")
		if _, err := DefaultPath(); err == nil {
			t.Error("DefaultPath succeeded without a home")
		}
	})
}

// writeVariant saves v thirty times while running, adding a point each time.
func writeVariant(ctx context.Context, s *Store, v model.Variant) error {
	v.Status = model.StatusRunning
	for i := range 30 {
		v.Text += fmt.Sprintf("Point %d. ", i)
		if err := s.SaveVariant(ctx, v); err != nil {
			return err
		}
	}
	return nil
}

// readRepeatedly lists the reports and reads the variants of runID thirty times.
func readRepeatedly(ctx context.Context, s *Store, runID int64) error {
	for range 30 {
		if _, err := s.ListReports(ctx, "atelier"); err != nil {
			return err
		}
		if _, err := s.Variants(ctx, runID); err != nil {
			return err
		}
	}
	return nil
}

func TestConcurrentUse(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	r := mustCreateReport(t, s, "Atelier")
	rev := mustSnapshot(t, s, r.ID)
	run, variants, err := s.CreateRun(ctx, model.Run{RevisionID: rev.ID, Specs: builtinSpecs(3)})
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, len(variants)+1)
	for _, v := range variants {
		go func() { errs <- writeVariant(ctx, s, v) }()
	}
	go func() { errs <- readRepeatedly(ctx, s, run.ID) }()
	for range len(variants) + 1 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Variants(ctx, run.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range got {
		if !strings.HasSuffix(v.Text, "Point 29. ") {
			t.Errorf("variant %d: %q", v.Index, v.Text)
		}
	}
}

func TestClassify(t *testing.T) {
	if err := classify(nil); err != nil {
		t.Errorf("classify(nil) = %v", err)
	}
	plain := errors.New("autre")
	if err := classify(plain); err != plain {
		t.Errorf("classify changed a foreign error: %v", err)
	}
}
