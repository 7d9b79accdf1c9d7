package uikit

import (
	"os"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
)

// RegularFiles is a file dialog's filter showing only regular files with one of its
// extensions (all, when it has none): a pipe or a device would block the dialog as it opens
// the file.
type RegularFiles []string

// Matches reports whether the dialog may offer uri.
func (exts RegularFiles) Matches(uri fyne.URI) bool {
	if len(exts) > 0 && !slices.ContainsFunc(exts, func(ext string) bool { return strings.EqualFold(uri.Extension(), ext) }) {
		return false
	}
	if uri.Scheme() != "file" {
		return true
	}
	info, err := os.Stat(uri.Path())
	return err == nil && info.Mode().IsRegular()
}
