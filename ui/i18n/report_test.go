package i18n

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/imports"
)

// TestReadReport reads files as the desktop interface and the command line both do: a text
// that tells its language keeps it whatever the interface's, a note too short to tell takes the
// interface's, and a file without a title is untitled in the interface's words.
func TestReadReport(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	english := write("notes.md", "# Riverside walk\n\nThe residents asked that the bench by the lock be kept, and the council will answer by June with the boating club.\n")
	short := write("-.txt", "Présent·es : 14\n12/06 — 19 h\n")
	for _, tc := range []struct {
		choice    string
		untitled  string
		shortLang model.Language
	}{
		{LanguageFrench, "Compte-rendu sans titre", model.French},
		{LanguageEnglish, "Untitled report", model.English},
	} {
		if err := LoadTranslations(tc.choice); err != nil {
			t.Fatal(err)
		}
		r, err := ReadReport(english)
		if err != nil {
			t.Fatal(err)
		}
		if r.Language != model.English || r.Title != "Riverside walk" {
			t.Errorf("%s interface: English notes read as %q in %s", tc.choice, r.Title, r.Language)
		}
		r, err = ReadReport(short)
		if err != nil {
			t.Fatal(err)
		}
		if r.Language != tc.shortLang || r.Title != tc.untitled {
			t.Errorf("%s interface: short note read as %q in %s, want %q in %s", tc.choice, r.Title, r.Language, tc.untitled, tc.shortLang)
		}
	}
	t.Cleanup(func() { _ = LoadTranslations(LanguageEnglish) })
	if _, err := ReadReport(filepath.Join(dir, "absent.md")); imports.CodeOf(err) != imports.CodeNotFound {
		t.Errorf("absent file: %v, want %s", err, imports.CodeNotFound)
	}
}
