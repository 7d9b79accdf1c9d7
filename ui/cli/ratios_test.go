package cli

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/store"
)

// TestCompareUsesLearnedCounts: compare plans with the token ratios the application learned in
// the workspace, as the matrix does, and keeps what its own run learns there.
func TestCompareUsesLearnedCounts(t *testing.T) {
	srv := newServer(t)
	ws := filepath.Join(t.TempDir(), "ws.db")
	args := []string{"compare", "--source", samplePath, "--engine", "ollama", "--host", srv.URL(),
		"--models", "mistral:7b", "--presets", "synthese-courte", "--workspace", ws}
	t.Setenv("RAPPORTEUR_LANG", "fr")
	_, _, fresh := run(t, args...)
	if _, err := os.Stat(ws); !os.IsNotExist(err) {
		t.Fatalf("compare created a workspace (%v)", err)
	}
	c, err := ollama.NewClient(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.Show(context.Background(), "mistral:7b")
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	key := "estimate:" + info.Digest
	if err := st.SaveTokenRatio(context.Background(), key, 3); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, _, learned := run(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, learned)
	}
	before, after := planned(t, fresh), planned(t, learned)
	if after < 2*before {
		t.Errorf("planned %d tokens with a learned ratio of 3, %d without:\n%s\n%s", after, before, fresh, learned)
	}
	st, err = store.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ratios, _ := st.TokenRatios(context.Background())
	if r := ratios[key]; r >= 3 || r <= 0 {
		t.Errorf("the ratio kept is %v: the run's own count (about 1) did not pull it down", r)
	}
}

// planned reads the tokens of the plan compare prints (« ≈ 1,8k / 8,2k jetons »).
func planned(t *testing.T, stderr string) int {
	t.Helper()
	m := regexp.MustCompile(`≈ ([0-9]+)(?:,([0-9]))?(k?) /`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no plan in:\n%s", stderr)
	}
	n := 0
	for _, d := range m[1] + m[2] {
		n = n*10 + int(d-'0')
	}
	if m[3] == "k" {
		n *= 1000
		if m[2] != "" {
			n /= 10
		}
	}
	return n
}
