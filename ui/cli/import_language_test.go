package cli

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/store"
)

// TestImportLanguageFallback checks that the command line imports as the desktop interface
// does: a note too short to tell its language takes the interface's (RAPPORTEUR_LANG), where it
// used to be French whatever the user read, and a text that tells keeps its own.
func TestImportLanguageFallback(t *testing.T) {
	dir := t.TempDir()
	short := filepath.Join(dir, "ordre-du-jour.txt")
	english := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(short, []byte("19 h : accueil\n19 h 15 : plan vélo (v2)\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(english, []byte("# Library hours\n\nThe readers asked that the library stay open on Saturday afternoons, and the board will decide in the spring with the staff.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lang, file string
		want       model.Language
	}{
		{"en", short, model.English},
		{"fr", short, model.French},
		{"fr", english, model.English},
	}
	for _, c := range cases {
		t.Setenv("RAPPORTEUR_LANG", c.lang)
		if got := importedLanguage(t, c.file); got != c.want {
			t.Errorf("RAPPORTEUR_LANG=%s, %s: report in %s, want %s", c.lang, filepath.Base(c.file), got, c.want)
		}
	}
}

// importedLanguage imports file into a new workspace and returns the language of the report.
func importedLanguage(t *testing.T, file string) model.Language {
	t.Helper()
	ws := filepath.Join(t.TempDir(), "ws.db")
	code, out, stderr := run(t, "import", file, "--workspace", ws)
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
	if err != nil {
		t.Fatal(err)
	}
	return r.Language
}

// TestCheckLanguageFallback checks that check reads its source's language by the same rule:
// a source too short to tell is measured in the interface's language (Flesch in English,
// Kandel–Moles in French).
func TestCheckLanguageFallback(t *testing.T) {
	dir := t.TempDir()
	source := filepath.Join(dir, "source.txt")
	variant := filepath.Join(dir, "variante.md")
	if err := os.WriteFile(source, []byte("Présent·es : 14\nVote : 9 pour, 5 contre\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(variant, []byte("Vote : 9 pour, 5 contre.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{"en": "Flesch", "fr": "Kandel–Moles"} {
		t.Setenv("RAPPORTEUR_LANG", lang)
		code, out, stderr := run(t, "check", "--source", source, variant)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if !strings.Contains(out, want) {
			t.Errorf("RAPPORTEUR_LANG=%s: no %s measure in\n%s", lang, want, out)
		}
	}
}
