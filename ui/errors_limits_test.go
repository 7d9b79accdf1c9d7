package ui

import (
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
