package model

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// cleanCases are the inputs of TestCleanName and TestCleanText, and the seeds of FuzzClean.
var cleanCases = []struct {
	name, in, wantName, wantText string
}{
	{"plain french", "Réunion publique — « place du Marché » : 45 %", "Réunion publique — « place du Marché » : 45 %", "Réunion publique — « place du Marché » : 45 %"},
	{"no-break spaces kept", "Atelier\u00a0: 1\u202f250 €", "Atelier\u00a0: 1\u202f250 €", "Atelier\u00a0: 1\u202f250 €"},
	{"terminal escape", "mistral\x1b[31m:7b\x1b]0;pwned\x07", "mistral[31m:7b]0;pwned", "mistral[31m:7b]0;pwned"},
	{"c1 controls and del", "a\u009b31mb\u0090c\x7fd", "a31mbcd", "a31mbcd"},
	{"bidi override", "facture\u202egpj.exe", "facturegpj.exe", "facturegpj.exe"},
	{"bidi isolates and marks", "\u2066a\u2067b\u2068c\u2069\u200e\u200f\u061cd\u202a\u202b\u202c\u202d", "abcd", "abcd"},
	{"tabs and newlines", "Ordre\tdu jour\nPoint 1\r\nPoint 2\rfin", "Ordre du jour Point 1  Point 2 fin", "Ordre\tdu jour\nPoint 1\nPoint 2\nfin"},
	{"other line breaks", "a\vb\fc\u0085d\u2028e\u2029f", "a b c d e f", "a\nb\nc\nd\ne\nf"},
	{"nul bytes", "ti\x00tre", "titre", "titre"},
	{"invalid utf8", "caf\xe9 \xff", "caf\ufffd \ufffd", "caf\ufffd \ufffd"},
	{"emoji and joiners kept", "équipe 👩\u200d💻 ☁", "équipe 👩\u200d💻 ☁", "équipe 👩\u200d💻 ☁"},
	{"empty", "", "", ""},
}

func TestCleanName(t *testing.T) {
	for _, tc := range cleanCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := CleanName(tc.in); got != tc.wantName {
				t.Errorf("CleanName(%q) = %q, want %q", tc.in, got, tc.wantName)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	for _, tc := range cleanCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := CleanText(tc.in); got != tc.wantText {
				t.Errorf("CleanText(%q) = %q, want %q", tc.in, got, tc.wantText)
			}
		})
	}
}

func TestCleanDoesNotAllocateForCleanInput(t *testing.T) {
	s := strings.Repeat("Compte rendu du conseil municipal\u00a0: délibérations. ", 20)
	if n := testing.AllocsPerRun(100, func() { _ = CleanName(s); _ = CleanText(s) }); n != 0 {
		t.Errorf("%v allocations for a clean string, want 0", n)
	}
}

// FuzzClean checks, on any input, that the result is valid UTF-8 without a control or
// bidirectional character (tabs and newlines aside for text), that cleaning twice changes
// nothing, and that every printable character is kept, in order.
func FuzzClean(f *testing.F) {
	for _, tc := range cleanCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, text := range []bool{false, true} {
			out := clean(in, text)
			if !utf8.ValidString(out) {
				t.Fatalf("clean(%q, %v) = %q: invalid UTF-8", in, text, out)
			}
			for _, r := range out {
				if unclean(r) && !(text && (r == '\n' || r == '\t')) {
					t.Fatalf("clean(%q, %v) = %q keeps %U", in, text, out, r)
				}
			}
			if again := clean(out, text); again != out {
				t.Fatalf("clean is not idempotent: %q then %q", out, again)
			}
			if kept, want := printable(out), printable(string([]rune(in))); kept != want {
				t.Fatalf("clean(%q, %v) printable %q, want %q", in, text, kept, want)
			}
		}
	})
}

// printable keeps the characters neither clean function changes.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unclean(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
