package library

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/imports"
	"github.com/rapporteur/rapporteur/model/store"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// env is a library on Fyne's test driver with a fresh workspace; its callbacks record what
// the library asked of the rest of the interface.
type env struct {
	l       *Screen
	st      *store.Store
	prefs   fyne.Preferences
	dir     string
	queue   chan func()
	open    int64   // the report opened through Deps.Open
	errs    []error // the errors shown
	calls   []string
	flushed error // what Flush returns
}

func newEnv(t *testing.T) *env {
	t.Helper()
	a := test.NewTempApp(t)
	if err := i18n.LoadTranslations(i18n.LanguageFrench); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := &env{st: st, prefs: a.Preferences(), dir: dir, queue: make(chan func(), 16)}
	e.l = New(Deps{
		Ctx: context.Background(), Store: st, Prefs: a.Preferences(), Win: test.NewTempWindow(t, nil),
		Do:        func(f func()) { e.queue <- f },
		ShowError: func(err error) { e.errs = append(e.errs, err) },
		Current:   func() int64 { return e.open },
		Open:      func(id int64) { e.open = id },
		Flush:     func() error { e.calls = append(e.calls, "flush"); return e.flushed },
		Edit:      func() { e.calls = append(e.calls, "edit") },
		History:   func() { e.calls = append(e.calls, "history") },
		Renamed:   func(title string) { e.calls = append(e.calls, "renamed "+title) },
		Deleting:  func(int64) { e.calls = append(e.calls, "deleting") },
		Deleted:   func(int64) { e.calls = append(e.calls, "deleted"); e.open = 0 },
	})
	e.l.Refresh()
	return e
}

// next runs the next piece of work sent to the UI thread.
func (e *env) next(t *testing.T) {
	t.Helper()
	select {
	case f := <-e.queue:
		f()
	case <-time.After(20 * time.Second):
		t.Fatal("nothing reached the UI thread")
	}
}

func (e *env) titles() string {
	var out []string
	for _, r := range e.l.Listed() {
		out = append(out, r.Title)
	}
	return strings.Join(out, " | ")
}

func TestSearchIgnoresAccentsAndCase(t *testing.T) {
	e := newEnv(t)
	for _, title := range []string{"Webinaire mobilités", "Réunion publique école", "Atelier marché"} {
		e.l.Create(model.NewReport(title, model.French))
	}
	test.Type(e.l.search, "reunion")
	if got := e.titles(); got != "Réunion publique école" {
		t.Fatalf("search found %q", got)
	}
	e.l.Select(e.l.Listed()[0].ID) // shown: the search stays
	e.l.Create(model.NewReport("Conseil de quartier", model.French))
	if e.l.search.Text != "" || len(e.l.Listed()) != 4 {
		t.Errorf("a new report clears the search: %q, %d listed", e.l.search.Text, len(e.l.Listed()))
	}
}

// TestLibraryOrder sorts the library by session date both ways and by title, undated reports
// last, and keeps the choice.
func TestLibraryOrder(t *testing.T) {
	e := newEnv(t)
	for _, r := range []struct{ title, date string }{
		{"Atelier mobilités", "2025-03-12"}, {"Élus et habitants", ""}, {"Conseil de quartier", "2024-11-05"}, {"bilan annuel", "2025-06-17"},
	} {
		rep := model.NewReport(r.title, model.French)
		rep.Date = r.date
		if _, err := e.st.CreateReport(context.Background(), rep); err != nil {
			t.Fatal(err)
		}
	}
	for o, want := range map[order]string{
		orderSessionNew: "bilan annuel | Atelier mobilités | Conseil de quartier | Élus et habitants",
		orderSessionOld: "Conseil de quartier | Atelier mobilités | bilan annuel | Élus et habitants",
		orderTitle:      "Atelier mobilités | bilan annuel | Conseil de quartier | Élus et habitants",
		orderEdited:     "bilan annuel | Conseil de quartier | Élus et habitants | Atelier mobilités",
	} {
		e.l.order.SetSelected(orderLabel(o)) // as a tap does
		if got := e.titles(); got != want {
			t.Errorf("order %s:\n got %s\nwant %s", o, got, want)
		}
	}
	e.l.order.SetSelected(orderLabel(orderTitle))
	if e.prefs.String(prefLibraryOrder) != string(orderTitle) {
		t.Error("the order is not kept")
	}
}

func TestExampleOnlyInAnEmptyLibrary(t *testing.T) {
	e := newEnv(t)
	if !e.l.example.Visible() {
		t.Fatal("an empty library should offer the example")
	}
	test.Tap(e.l.example)
	if len(e.l.Listed()) != 1 || e.open != e.l.Listed()[0].ID {
		t.Fatalf("example not created and opened: %q, open %d", e.titles(), e.open)
	}
	if e.l.example.Visible() {
		t.Error("the example button should hide once the library has a report")
	}
}

func TestNewReportOpensTheEditor(t *testing.T) {
	e := newEnv(t)
	test.Tap(e.l.newBtn)
	if e.open == 0 || strings.Join(e.calls, ",") != "edit" {
		t.Fatalf("new report: open %d, calls %v", e.open, e.calls)
	}
}

func TestImportRefusesABinaryFile(t *testing.T) {
	e := newEnv(t)
	bad := filepath.Join(e.dir, "photo.txt")
	if err := os.WriteFile(bad, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o600); err != nil {
		t.Fatal(err)
	}
	e.l.Dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(bad)})
	e.next(t)
	if len(e.errs) != 1 || imports.CodeOf(e.errs[0]) != imports.CodeBinary {
		t.Fatalf("errors %v, want one binary-file error", e.errs)
	}
	if len(e.l.Listed()) != 0 {
		t.Error("a rejected import must not create a report")
	}
}

func TestRenameDeleteRestore(t *testing.T) {
	e := newEnv(t)
	e.l.Create(model.NewReport("Atelier marché", model.French))
	id := e.open
	e.l.Rename(id, "Atelier du marché (version 2)")
	if got := e.titles(); got != "Atelier du marché (version 2)" {
		t.Fatalf("after rename the library lists %q", got)
	}
	e.l.Delete(id)
	if got := strings.Join(e.calls, ","); got != "flush,renamed Atelier du marché (version 2),deleting,deleted" {
		t.Errorf("calls %s", got)
	}
	if len(e.l.Listed()) != 0 || e.open != 0 {
		t.Fatalf("after delete: %q listed, open %d", e.titles(), e.open)
	}
	if err := e.l.Restore(id); err != nil || e.open != id || len(e.l.Listed()) != 1 {
		t.Errorf("restore: %v, open %d", err, e.open)
	}
}

func TestDuplicateWaitsForTheSave(t *testing.T) {
	e := newEnv(t)
	e.l.Create(model.NewReport("Réunion publique", model.French))
	e.flushed = errors.New("disque plein")
	e.l.Duplicate()
	if len(e.errs) != 1 || len(e.l.Listed()) != 1 {
		t.Fatalf("an unsaved edit must stop the copy: errors %v, %d listed", e.errs, len(e.l.Listed()))
	}
	e.flushed = nil
	e.l.Duplicate()
	if got := e.titles(); got != "Réunion publique (copie) | Réunion publique" {
		t.Errorf("after duplicate: %q", got)
	}
}

// TestOrderOfOlderVersionsKept reads the order a version up to 0.1 kept by its position in the
// choice (3, by title) and a position that no longer exists (the default order).
func TestOrderOfOlderVersionsKept(t *testing.T) {
	for pos, want := range map[int]order{3: orderTitle, 9: orderEdited} {
		e := newEnv(t)
		e.prefs.SetInt(prefLibraryOrderPosition, pos)
		if got, _ := e.l.newOrderSelect().Value(); got != want {
			t.Errorf("position %d read as %q, want %q", pos, got, want)
		}
	}
}
