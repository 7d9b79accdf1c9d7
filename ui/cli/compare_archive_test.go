package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/store"
	"github.com/rapporteur/rapporteur/model/workflow"
)

// TestCompareJSONOpensAsAnArchive writes `compare --json`, then imports it as the window's
// « Importer une archive JSON » does (workflow.ImportArchive): a new report with the run's
// variants and their texts.
func TestCompareJSONOpensAsAnArchive(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "run.json")
	if code, _, stderr := run(t, "compare", "--source", samplePath, "--json", js); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	a := readArchiveFile(t, js)
	if a.Source.Analysis == nil || len(a.Variants) == 0 || a.Variants[0].Analysis == nil {
		t.Fatalf("analyses missing: source %v, %d variants", a.Source.Analysis != nil, len(a.Variants))
	}
	st, err := store.Open(filepath.Join(dir, "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f, err := os.Open(js)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := workflow.ImportArchive(context.Background(), st, f)
	if err != nil {
		t.Fatal(err)
	}
	vs := importedVariants(t, st, rep.ID)
	if len(vs) != len(model.BuiltinEnginePresets()) || rep.Title != a.Source.Title || vs[0].Text != a.Variants[0].Text || vs[0].Status != model.StatusDone {
		t.Errorf("imported %q with %d variants, want %q with %d", rep.Title, len(vs), a.Source.Title, len(model.BuiltinEnginePresets()))
	}
}

// readArchiveFile reads the archive at path, which must be of the current format.
func readArchiveFile(t *testing.T, path string) export.Archive {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(data) || !strings.Contains(string(data), `"format": "`+export.ArchiveFormat+`"`) {
		t.Fatalf("not an archive of the current format:\n%.200s", data)
	}
	a, err := export.ReadArchive(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// importedVariants returns the variants of the one run of the report.
func importedVariants(t *testing.T, st *store.Store, reportID int64) []model.Variant {
	t.Helper()
	runs, err := st.Runs(context.Background(), reportID)
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs %+v %v", runs, err)
	}
	vs, err := st.Variants(context.Background(), runs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return vs
}
