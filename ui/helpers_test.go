package ui

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/store"
)

// uiQueue stands in for Fyne's UI thread in tests: goroutines queue work with runOnUI and the
// test's goroutine runs it in pump, so widgets are only ever touched by one goroutine.
type uiQueue struct{ ch chan func() }

func installQueue(t testing.TB) *uiQueue {
	t.Helper()
	q := &uiQueue{ch: make(chan func(), 4096)}
	uiDoMu.Lock()
	previous := uiDo
	uiDo = func(f func()) { q.ch <- f }
	uiDoMu.Unlock()
	t.Cleanup(func() {
		uiDoMu.Lock()
		uiDo = previous
		uiDoMu.Unlock()
	})
	return q
}

// In the test binary, work that reaches the UI thread outside any test's queue comes from a
// test that has ended (a background analysis finishing late): it is dropped, since no test
// looks at that window any more, rather than run by fyne.Do on its own goroutine beside the
// next test. installQueue replaces this for the length of one test, then restores it.
func init() { uiDo = dropLateWork }

func dropLateWork(func()) {}

// TestInstallQueueRestores checks that a test's queue does not outlive the test.
func TestInstallQueueRestores(t *testing.T) {
	current := func() uintptr {
		uiDoMu.RLock()
		defer uiDoMu.RUnlock()
		return reflect.ValueOf(uiDo).Pointer()
	}
	base := reflect.ValueOf(dropLateWork).Pointer()
	if current() != base {
		t.Fatal("uiDo is an earlier test's queue")
	}
	t.Run("installs", func(t *testing.T) {
		installQueue(t)
		if current() == base {
			t.Fatal("installQueue did not replace uiDo")
		}
	})
	if current() != base {
		t.Error("uiDo is still the ended test's queue")
	}
}

// pumpUntil runs queued UI work until cond holds, failing the test after a generous deadline.
func (q *uiQueue) pumpUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	q.pumpWithin(t, 20*time.Second, what, cond)
}

// pumpWithin is pumpUntil with a deadline of its own, for work that takes minutes, such as a
// real model reading a long report.
func (q *uiQueue) pumpWithin(t testing.TB, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		select {
		case f := <-q.ch:
			f()
		case <-time.After(5 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
	}
}

// drain runs the UI work queued so far.
func (q *uiQueue) drain() {
	for {
		select {
		case f := <-q.ch:
			f()
		default:
			return
		}
	}
}

type testEnv struct {
	t    testing.TB
	app  fyne.App
	win  fyne.Window
	u    *UI
	st   *store.Store
	path string
	q    *uiQueue
	eng  *generate.Builtin
	dir  string
}

// newTestEnv opens a fresh workspace and builds the interface on Fyne's test driver.
func newTestEnv(t testing.TB, language string) *testEnv {
	t.Helper()
	q := installQueue(t)
	a := test.NewTempApp(t)
	if err := LoadTranslations(language); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "workspace.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	eng := generate.NewBuiltin()
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	u := Create(a, w, Deps{Store: st, Presets: model.BuiltinPresets(), Engines: []generate.Engine{eng}, Version: "test"})
	env := &testEnv{t: t, app: a, win: w, u: u, st: st, path: path, q: q, eng: eng, dir: dir}
	t.Cleanup(func() {
		u.Close()
		q.drain()
		st.Close()
	})
	return env
}
