package uikit

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/storage"
)

// TestRegularFilesFilter offers in the file dialogs only regular files of the extensions asked.
func TestRegularFilesFilter(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "archive.json")
	if err := os.WriteFile(file, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "dossier.json")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		filter RegularFiles
		path   string
		want   bool
	}{
		{RegularFiles{".json"}, file, true},
		{RegularFiles{".JSON"}, file, true},
		{RegularFiles{".md"}, file, false},
		{nil, file, true},
		{nil, folder, false},
		{nil, filepath.Join(dir, "absent.json"), false},
	} {
		if got := tc.filter.Matches(storage.NewFileURI(tc.path)); got != tc.want {
			t.Errorf("%v.Matches(%s) = %v", tc.filter, filepath.Base(tc.path), got)
		}
	}
}
