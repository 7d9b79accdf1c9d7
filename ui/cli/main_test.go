package cli

import (
	"os"
	"testing"

	_ "github.com/rapporteur/rapporteur/ui/cli/quietlog" // as the command does
)

// TestMain keeps the tests away from the user's own workspace: compare reads and keeps the
// token counts learned in the default workspace when there is one.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rapporteur-cli-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_DATA_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
