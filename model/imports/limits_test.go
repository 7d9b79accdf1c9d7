package imports

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// TestErrorLimitUnits checks each refusal says what its limit counts: a text too long is
// refused at model.MaxBodyLen characters, not at a size in bytes.
func TestErrorLimitUnits(t *testing.T) {
	huge := filepath.Join(t.TempDir(), "enorme.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, longText := Read("long.md", []byte(strings.Repeat("é", model.MaxBodyLen+1)))
	_, bigFile := ReadFile(huge)
	for _, tc := range []struct {
		name  string
		err   error
		limit int64
		unit  Unit
	}{
		{"text longer than a report", longText, model.MaxBodyLen, UnitCharacters},
		{"file larger than the limit", bigFile, MaxFileSize, UnitBytes},
	} {
		var e *Error
		if !errors.As(tc.err, &e) || e.Code != CodeTooLarge || e.Limit != tc.limit || e.Unit != tc.unit {
			t.Errorf("%s: %#v, want the limit %d %s", tc.name, tc.err, tc.limit, tc.unit)
		}
	}
}
