package ui

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
)

// portalWriter stands for a desktop portal's document: a URI that is no local path, and
// whose folder cannot be listed or written.
type portalWriter struct {
	bytes.Buffer
	uri    fyne.URI
	closed bool
}

func (p *portalWriter) URI() fyne.URI { return p.uri }
func (p *portalWriter) Close() error  { p.closed = true; return nil }

func newPortalWriter(t *testing.T) *portalWriter {
	t.Helper()
	u, err := storage.ParseURI("content://org.freedesktop.portal.documents/doc/7f3a/compte-rendu")
	if err != nil {
		t.Fatal(err)
	}
	return &portalWriter{uri: u}
}

// dialogWriter opens path as the save dialog does: created empty.
func dialogWriter(t *testing.T, path string) fyne.URIWriteCloser {
	t.Helper()
	wc, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	return wc
}

func writeText(text string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, text); return err }
}

func TestWriteThroughAPortalDocument(t *testing.T) {
	test.NewTempApp(t)
	p := newPortalWriter(t)
	wc := withExtension(p, ".pdf")
	if wc != fyne.URIWriteCloser(p) {
		t.Fatalf("a portal document was replaced by %v", wc)
	}
	if err := writeThrough(wc, writeText("%PDF-1.7 conseil")); err != nil {
		t.Fatal(err)
	}
	if p.String() != "%PDF-1.7 conseil" || !p.closed {
		t.Errorf("written %q, closed %v", p.String(), p.closed)
	}
}

func TestWriteThroughAddsTheExtensionBesideALocalFile(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	wc := withExtension(dialogWriter(t, filepath.Join(dir, "bilan")), ".pdf")
	if err := writeThrough(wc, writeText("%PDF-1.7 bilan")); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "bilan.pdf")); err != nil || string(data) != "%PDF-1.7 bilan" {
		t.Errorf("bilan.pdf: %q %v", data, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "bilan")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the empty file the dialog made stays: %v", err)
	}
}

func TestWriteThroughFailedRenderingLeavesNothing(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "bilan.pdf")
	boom := errors.New("rendering failed")
	err := writeThrough(dialogWriter(t, path), func(w io.Writer) error {
		_, _ = io.WriteString(w, "%PDF-half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("err %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file stays after a failed rendering: %v", err)
	}
}

func TestSiblingNamesTheMarkdownBesideThePDF(t *testing.T) {
	test.NewTempApp(t)
	u := storage.NewFileURI(filepath.Join(t.TempDir(), "bilan.pdf"))
	md, err := sibling(u, withoutExtension(u)+".md")
	if err != nil || md.Path() != filepath.Join(filepath.Dir(u.Path()), "bilan.md") {
		t.Errorf("markdown at %v (%v)", md, err)
	}
	if _, err := sibling(newPortalWriter(t).uri, "x.md"); err == nil {
		t.Error("a portal document has a sibling")
	}
}

// TestFinalReportThroughAPortal writes a final report to a portal's document: the PDF goes
// through the dialog's writer, and the Markdown, which has no room beside it, is reported.
func TestFinalReportThroughAPortal(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	p := newPortalWriter(t)
	r := export.Report{Meta: model.Meta{Title: "BILAN — Jardins partagés", Kind: model.KindOther, Language: model.French},
		Markdown: "# Bilan\n\nParticipant·es : 12 ; prochaine séance le 4 juin.", AppVersion: "test"}
	done := false
	var werr error
	env.u.writeFinal(p, r, func(err error) { werr, done = err, true })
	env.q.pumpUntil(t, "final report", func() bool { return done })
	if !bytes.HasPrefix(p.Bytes(), []byte("%PDF-")) || !p.closed {
		t.Errorf("PDF through the portal: %.8q, closed %v", p.Bytes(), p.closed)
	}
	var mf markdownFailure
	if !errors.As(werr, &mf) || !strings.Contains(ErrorText(werr), "le Markdown n’a pas pu être écrit") {
		t.Errorf("err %v", werr)
	}
}

// portalReader is a desktop portal's document opened for reading.
type portalReader struct {
	io.Reader
	uri    fyne.URI
	closed bool
}

func (p *portalReader) URI() fyne.URI { return p.uri }
func (p *portalReader) Close() error  { p.closed = true; return nil }

// TestImportArchiveFromAPortal imports an archive the open dialog gives as a portal's
// document: it is read through the dialog's reader, not a path.
func TestImportArchiveFromAPortal(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	data, err := os.ReadFile(hostileArchive(t, env, func(*export.Archive) {}))
	if err != nil {
		t.Fatal(err)
	}
	before := env.u.reportID
	rc := &portalReader{Reader: bytes.NewReader(data), uri: newPortalWriter(t).uri}
	env.u.onArchiveChosen(rc, nil)
	if env.u.lastErr != nil || env.u.reportID == before || !rc.closed {
		t.Errorf("import from a portal: err %v, report %d (was %d), closed %v", env.u.lastErr, env.u.reportID, before, rc.closed)
	}
}
