package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/imports"
	"github.com/rapporteur/rapporteur/model/store"
)

// TestErrorsNameTheRealLimit: a limit is written in what it counts (« au plus 2 000 000
// caractères », not « 1 Mo »), and the refusals added against hostile files are explained.
func TestErrorsNameTheRealLimit(t *testing.T) {
	if err := LoadTranslations(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	chars := &imports.Error{Code: imports.CodeTooLarge, Name: "notes.md", Limit: 2_000_000, Unit: imports.UnitCharacters}
	bytes := &imports.Error{Code: imports.CodeTooLarge, Name: "notes.docx", Limit: 5 << 20, Unit: imports.UnitBytes}
	cases := map[string]struct {
		err  error
		want string
	}{
		"characters": {chars, "au plus 2\u00a0000\u00a0000 caractères"},
		"bytes":      {bytes, "au plus 5\u00a0242\u00a0880 octets"},
		"pipe":       {&imports.Error{Code: imports.CodeUnreadable, Name: "tube.md"}, "un tube ou un périphérique"},
		"share":      {&model.ShareTooLargeError{Size: 9 << 20, Limit: model.MaxShareFileSize}, "un partage fait au plus"},
	}
	for name, c := range cases {
		if got := ErrorText(c.err); !strings.Contains(got, c.want) {
			t.Errorf("%s: %q lacks %q", name, got, c.want)
		}
	}
	v := model.Variant{Status: model.StatusFailed, ErrorCode: store.CodeUnfinished}
	if got := VariantErrorText(v); !strings.Contains(got, "encore en cours de rédaction") {
		t.Errorf("an unfinished imported variant: %q", got)
	}
}

// TestPathAndTimeoutTexts: a file that is not a file, or missing, is named; a bare deadline
// reads as the host not answering in time, not as an unexpected error.
func TestPathAndTimeoutTexts(t *testing.T) {
	if err := LoadTranslations(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	_, _, notFile := model.OpenRegular(dir)
	_, _, missing := model.OpenRegular(filepath.Join(dir, "absent.md"))
	cases := map[string]struct {
		err  error
		want string
	}{
		"folder":   {notFile, filepath.Base(dir) + " est un dossier, un tube ou un périphérique"},
		"missing":  {missing, "Le fichier absent.md n’existe pas."},
		"deadline": {fmt.Errorf("lecture : %w", context.DeadlineExceeded), "l’hôte n’a pas répondu à temps."},
	}
	for name, c := range cases {
		if got := ErrorText(c.err); !strings.Contains(got, c.want) {
			t.Errorf("%s: %q lacks %q", name, got, c.want)
		}
	}
}
