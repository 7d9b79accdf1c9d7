package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// TestSalvage copies what can be read of damaged workspaces into a new one beside each, never
// writing to the damaged file; the copy opens, passes the checks, and its reports and their
// revisions are the original ones.
func TestSalvage(t *testing.T) {
	const reports = 40
	tests := []struct {
		name    string
		damage  func(data []byte) []byte
		atLeast int // reports copied
	}{
		{"one byte short", func(data []byte) []byte { return data[:len(data)-1] }, reports},
		{"a leaf of reports overwritten", func(data []byte) []byte {
			p := leafWith(data, "Paragraphe du compte-rendu 17. ")
			copy(data[p:p+pageSize(data)], bytes.Repeat([]byte{0x5a}, pageSize(data)))
			return data
		}, reports - 2},
		{"a leaf's header broken", func(data []byte) []byte {
			p := leafWith(data, "Paragraphe du compte-rendu 23. ")
			data[p+3], data[p+4] = 0xff, 0xff // cell count
			return data
		}, reports - 2},
	}
	ctx := context.Background()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path, data := damagedWorkspace(t, reports)
			orig, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			want, err := orig.ListReports(ctx, "")
			orig.Close()
			if err != nil || len(want) != reports {
				t.Fatalf("%d reports, %v", len(want), err)
			}
			if err := os.WriteFile(path, tc.damage(bytes.Clone(data)), 0o600); err != nil {
				t.Fatal(err)
			}
			before := stateOf(t, path)
			got, err := Salvage(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if after := stateOf(t, path); after.sum != before.sum {
				t.Error("Salvage wrote to the damaged file")
			}
			if filepath.Dir(got.Path) != filepath.Dir(path) || !strings.HasPrefix(filepath.Base(got.Path), "workspace-recovered-") {
				t.Errorf("copy at %s, want beside %s", got.Path, path)
			}
			if got.Reports < tc.atLeast || got.Revisions < tc.atLeast || got.Reports > reports {
				t.Errorf("copied %+v, want at least %d reports and revisions", got, tc.atLeast)
			}
			t.Logf("%+v", got)
			checkCopy(t, got, want)
		})
	}
}

// checkCopy opens the copy and compares its reports with the originals.
func checkCopy(t *testing.T, got Salvaged, want []model.Report) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(got.Path)
	if err != nil {
		t.Fatalf("the copy does not open: %v", err)
	}
	defer s.Close()
	copied, err := s.ListReports(ctx, "")
	if err != nil || len(copied) != got.Reports {
		t.Fatalf("%d reports in the copy, Salvage said %d (%v)", len(copied), got.Reports, err)
	}
	byID := map[int64]model.Report{}
	for _, r := range want {
		byID[r.ID] = r
	}
	for _, r := range copied {
		w := byID[r.ID]
		if r.Title != w.Title || r.Body != w.Body || !r.Updated.Equal(w.Updated) {
			t.Errorf("report %d: %q, want %q", r.ID, r.Title, w.Title)
		}
		rev, err := s.Snapshot(ctx, r.ID) // the latest revision, unchanged, comes back
		if err != nil || rev.Number != 1 || rev.Body != w.Body {
			t.Errorf("report %d: revision %d, %v", r.ID, rev.Number, err)
		}
	}
}

func TestSalvageRefuses(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("pas une base ", 400)), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, path := range map[string]string{"garbage": garbage, "missing": filepath.Join(dir, "absent.db"), "directory": dir} {
		t.Run(name, func(t *testing.T) {
			before := siblings(t, dir)
			if _, err := Salvage(context.Background(), path); err == nil {
				t.Fatal("Salvage succeeded")
			}
			if after := siblings(t, dir); len(after) != len(before) {
				t.Errorf("files %v, were %v", after, before)
			}
		})
	}
	if _, err := Salvage(context.Background(), garbage); !errors.Is(err, ErrNotWorkspace) {
		t.Errorf("garbage: %v, want ErrNotWorkspace", err)
	}
}

func TestSalvagePath(t *testing.T) {
	at := time.Date(2025, 6, 12, 15, 4, 5, 0, time.UTC)
	for in, want := range map[string]string{
		"/données/workspace.db": "/données/workspace-recovered-20250612-150405.db",
		"/données/atelier":      "/données/atelier-recovered-20250612-150405.db",
	} {
		if got := SalvagePath(in, at); got != want {
			t.Errorf("SalvagePath(%q) = %q, want %q", in, got, want)
		}
	}
}

// leafWith returns the offset of the first table leaf page holding text.
func leafWith(data []byte, text string) int {
	p := pageSize(data)
	i := bytes.Index(data, []byte(text))
	for page := i / p; page < len(data)/p; page++ {
		if data[page*p] == 0x0d && bytes.Contains(data[page*p:(page+1)*p], []byte(text)) {
			return page * p
		}
	}
	panic("no leaf page holds " + text)
}
