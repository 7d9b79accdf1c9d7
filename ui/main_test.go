package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/store"
)

// TestFatalOffersCopyOfDamagedWorkspace opens a workspace one byte short: the window says it is
// damaged and left alone, and its button copies what can be read into a new workspace beside
// it, saying where; the damaged file is not written to.
func TestFatalOffersCopyOfDamagedWorkspace(t *testing.T) {
	q := installQueue(t)
	test.NewTempApp(t)
	if err := LoadTranslations(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	path, data := damagedWorkspace(t, 5)
	tried, st, err := openWorkspace(path)
	if !errors.Is(err, store.ErrCorrupt) || st != nil || tried != path {
		t.Fatalf("openWorkspace: %v", err)
	}
	checkFatalCopy(t, q, path, data, showFatal(test.NewTempWindow(t, nil), tried, err))
}

// checkFatalCopy taps the fatal screen's copy button and checks the copy of the workspace at
// path, whose damaged file holds data.
func checkFatalCopy(t *testing.T, q *uiQueue, path string, data []byte, f *fatalScreen) {
	t.Helper()
	if f.salvage == nil || !strings.Contains(f.message.Text, "est endommagé") {
		t.Fatalf("no copy offered: %q", f.message.Text)
	}
	test.Tap(f.salvage)
	q.pumpUntil(t, "the copy", func() bool { return strings.HasPrefix(f.result.Text, "Copié dans ") })
	copies, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "workspace-recovered-*.db"))
	if len(copies) != 1 || !strings.Contains(f.result.Text, copies[0]) || !strings.Contains(f.result.Text, "comptes-rendus\u00a0: 5,") {
		t.Fatalf("copies %v, said %q", copies, f.result.Text)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
		t.Error("the damaged file was written to")
	}
	c, err := store.Open(copies[0])
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if reports, err := c.ListReports(context.Background(), ""); err != nil || len(reports) != 5 {
		t.Errorf("the copy holds %d reports, %v", len(reports), err)
	}
}

// damagedWorkspace makes a workspace of reports, then cuts its file one byte short; it returns
// the path and the damaged file's bytes.
func damagedWorkspace(t *testing.T, reports int) (string, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), store.FileName)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range reports {
		if _, err := st.CreateReport(context.Background(), model.NewReport(fmt.Sprintf("Conseil de quartier %d", i+1), model.French)); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = data[:len(data)-1]
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, data
}

// TestFatalOtherErrors offers no copy for a file that is not a workspace.
func TestFatalOtherErrors(t *testing.T) {
	test.NewTempApp(t)
	if err := LoadTranslations(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(path, []byte("pas une base de données"), 0o600); err != nil {
		t.Fatal(err)
	}
	tried, _, err := openWorkspace(path)
	f := showFatal(test.NewTempWindow(t, nil), tried, err)
	if f.salvage != nil || f.message.Text != "Impossible d’ouvrir l’espace de travail\u00a0: Ce fichier n’est pas un espace de travail Rapporteur." {
		t.Errorf("message %q, copy offered %v", f.message.Text, f.salvage != nil)
	}
}
