package cli

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model/store"
)

func TestImportCommand(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws.db")
	code, out, stderr := run(t, "import", samplePath, "--workspace", ws)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	id, err := strconv.ParseInt(strings.TrimSpace(out), 10, 64)
	if err != nil {
		t.Fatalf("output %q is not an id", out)
	}
	st, err := store.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r, err := st.Report(context.Background(), id)
	if err != nil || !strings.Contains(r.Body, "Saint-Aubin") || !strings.HasPrefix(r.Title, "Atelier de concertation") {
		t.Fatalf("report %q, %v", r.Title, err)
	}
	if code, _, _ := run(t, "import", "--workspace", ws); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "import", filepath.Join(t.TempDir(), "absent.md"), "--workspace", ws); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}
