package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	variant := filepath.Join(dir, "variante.md")
	text := "La commune de Saint-Aubin-sur-Lys (1250 habitants) prépare le réaménagement de la place du Marché. " +
		"54,5 % des répondant·es habitent près de la place, selon l'Agence Régionale du Bocage."
	if err := os.WriteFile(variant, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	js := filepath.Join(dir, "check.json")
	code, out, stderr := run(t, "check", "--source", samplePath, variant, "--json", js)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// the reading time is written as the app and the PDF write it (two sentences: under a minute)
	for _, want := range []string{"variante.md", "54,5 %", "45,5 %", "1250", "Agence Régionale du Bocage", "LIX", "reading: <\u00a01\u00a0min"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	var doc CheckDocument
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	a := doc.Variants[0].Analysis
	if len(a.Facts.Introduced) == 0 || len(a.Facts.Lost) == 0 || len(a.Facts.Kept) == 0 || a.Metrics.Words == 0 {
		t.Errorf("analysis %+v", a.Facts)
	}
	if code, _, _ := run(t, "check", "--source", samplePath); code != 2 {
		t.Errorf("check without variants: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "check", "--source", samplePath, filepath.Join(dir, "absent.md")); code != 1 {
		t.Errorf("missing variant: exit %d, want 1", code)
	}
}

// TestCompareJSONHasAnalysis checks compare's JSON carries each variant's analysis.
func TestCompareJSONHasAnalysis(t *testing.T) {
	js := filepath.Join(t.TempDir(), "out.json")
	if code, _, stderr := run(t, "compare", "--source", samplePath, "--json", js); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc Document
	data, _ := os.ReadFile(js)
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Source.Analysis.Metrics.Words == 0 || len(doc.Source.Analysis.Facts) == 0 {
		t.Error("no source analysis")
	}
	for _, v := range doc.Variants {
		if v.Analysis == nil || len(v.Analysis.Facts.Introduced) != 0 || v.Energy.MeasuredWh <= 0 {
			t.Errorf("variant %s: analysis %+v energy %+v", v.PresetID, v.Analysis, v.Energy)
		}
	}
}
