package quietlog

import (
	"log"
	"strings"
	"testing"
)

// TestWriterDropsOnlyLocaleNoise logs what Fyne logs under LANG=C.UTF-8, then real errors,
// Fyne's own among them: only the locale's three lines are dropped.
func TestWriterDropsOnlyLocaleNoise(t *testing.T) {
	var out strings.Builder
	l := log.New(New(&out), "", log.LstdFlags)
	l.Println("Fyne error: ", "Error parsing user locale C")
	l.Println("  Cause:", "language: tag is not well-formed")
	l.Printf("  At: %s:%d", "/root/go/pkg/mod/fyne.io/fyne/v2@v2.7.1/lang/locale.go", 35)
	l.Println("Fyne error: ", "Failed to look up user locale")
	l.Println("  Cause:", "no locale")
	l.Println("Fyne error: ", "Translation failure")
	l.Println("  Cause:", "template: bad")
	l.Printf("  At: %s:%d", "lang.go", 70)
	l.Println("the disk is full")
	got := out.String()
	for _, gone := range []string{"locale", "tag is not well-formed", "locale.go", "no locale"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q was written:\n%s", gone, got)
		}
	}
	for _, kept := range []string{"Fyne error:  Translation failure", "  Cause: template: bad", "  At: lang.go:70", "the disk is full"} {
		if !strings.Contains(got, kept) {
			t.Errorf("%q was dropped:\n%s", kept, got)
		}
	}
	if n := strings.Count(got, "\n"); n != 4 {
		t.Errorf("%d lines written, want 4:\n%s", n, got)
	}
}
