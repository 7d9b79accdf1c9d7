package store

import (
	"path/filepath"
	"testing"
)

// TestWindowsDataDir checks that on Windows the workspace lives in %APPDATA%\Rapporteur, and
// that without %APPDATA% no directory is made up.
func TestWindowsDataDir(t *testing.T) {
	appData := filepath.Join(t.TempDir(), "Roaming")
	t.Setenv("APPDATA", appData)
	got, err := dataDir("windows")
	if want := filepath.Join(appData, "Rapporteur"); err != nil || got != want {
		t.Errorf("dataDir(windows) = %q, %v; want %q", got, err, want)
	}
	t.Setenv("APPDATA", "")
	if got, err := dataDir("windows"); err == nil {
		t.Errorf("dataDir(windows) = %q without %%APPDATA%%", got)
	}
}
