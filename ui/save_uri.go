package ui

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// writeThrough writes a file the save dialog opened: write renders it in memory, then it goes
// through wc in one piece, synced when wc can be, and wc is closed. A failed rendering writes
// nothing, and the empty file the dialog made is removed. Writing through the dialog's writer,
// not its path, works with every kind of location, a desktop portal's included.
func writeThrough(wc fyne.URIWriteCloser, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		_ = wc.Close()
		_ = storage.Delete(wc.URI())
		return err
	}
	_, err := wc.Write(buf.Bytes())
	if s, ok := wc.(interface{ Sync() error }); ok && err == nil {
		err = s.Sync()
	}
	return errors.Join(err, wc.Close())
}

// withExtension returns where to write the dialog's choice so that its name ends in ext
// (".pdf"): the choice itself when it does; otherwise a file of that name with ext added,
// beside it, when its location allows one (the empty file the dialog made is then removed);
// otherwise, for a location that does not (a portal's document), the choice as it is.
func withExtension(wc fyne.URIWriteCloser, ext string) fyne.URIWriteCloser {
	u := wc.URI()
	if strings.EqualFold(u.Extension(), ext) {
		return wc
	}
	named, err := sibling(u, u.Name()+ext)
	if err != nil {
		return wc
	}
	w, err := storage.Writer(named)
	if err != nil {
		return wc
	}
	_ = wc.Close()
	_ = storage.Delete(u)
	return w
}

// sibling is the URI of name in the folder of u.
func sibling(u fyne.URI, name string) (fyne.URI, error) {
	dir, err := storage.Parent(u)
	if err != nil {
		return nil, err
	}
	return storage.Child(dir, name)
}

// withoutExtension is the name of u without its extension ("bilan" for "bilan.pdf").
func withoutExtension(u fyne.URI) string {
	return strings.TrimSuffix(u.Name(), u.Extension())
}

// uriPath is how a saved file is named to the user: its path for a local file, else its URI.
func uriPath(u fyne.URI) string {
	if u.Scheme() == "file" {
		return u.Path()
	}
	return u.String()
}
