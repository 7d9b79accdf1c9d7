package export

import (
	"testing"
	"unicode/utf8"
)

func testFonts(t testing.TB) *fontSet {
	t.Helper()
	fs, err := fonts()
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestCleanText(t *testing.T) {
	fs := testFonts(t)
	tests := []struct{ name, in, want string }{
		{"french typography kept", "«\u00a0Où\u202f?\u00a0» œ ’ – … 45,5\u202f%", "«\u00a0Où\u202f?\u00a0» œ ’ – … 45,5\u202f%"},
		{"emoji replaced", "Bravo 🎉 !", "Bravo \uFFFD !"},
		{"emoji sequence is one placeholder", "Dev 👩🏽‍💻 ok", "Dev \uFFFD ok"},
		{"mathematical letter replaced", "𝔘ne place", "\uFFFDne place"},
		{"variation selector dropped", "☺\ufe0f", "\uFFFD"},
		{"control characters stripped", "a\x00b\x07c\x1bd\u0085e", "abcde"},
		{"format characters stripped", "mot\u200bà\u00admot\ufeff", "motàmot"},
		{"crlf and cr", "un\r\ndeux\rtrois", "un\ndeux\ntrois"},
		{"tab to space", "a\tb", "a b"},
		{"thin space becomes narrow no-break", "oui\u2009!", "oui\u202f!"},
		{"em space becomes space", "a\u2003b", "a b"},
		{"decomposed accents composed", "e\u0301te\u0301", "été"},
		{"missing arrow spelled", "avant → après ≥ 3", "avant -> après >= 3"},
		{"private use replaced", "x\ue000y", "x\uFFFDy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cleanText(tt.in, fs)
			if got != tt.want {
				t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
			for _, r := range got {
				if r >= 0x10000 {
					t.Errorf("rune %U outside the BMP left in %q", r, got)
				}
			}
		})
	}
}

func TestCleanLine(t *testing.T) {
	fs := testFonts(t)
	if got := cleanLine("  Mairie\nde  Saint-Aubin 🎉 ", fs); got != "Mairie de Saint-Aubin \uFFFD" {
		t.Errorf("cleanLine = %q", got)
	}
}

func FuzzCleanText(f *testing.F) {
	fs := testFonts(f)
	for _, s := range []string{"«\u00a0Où\u202f?\u00a0»", "🎉👩🏽‍💻𝔘", "\x00\r\n\t", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := cleanText(s, fs)
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		for _, r := range got {
			if r != '\n' && !fs.has(r) {
				t.Fatalf("rune %U the fonts lack, from %q", r, s)
			}
		}
	})
}

func TestGlueThousands(t *testing.T) {
	tests := map[string]string{
		"pour 480 000 € et 1 250 habitants": "pour 480\u00a0000 € et 1\u00a0250 habitants",
		"en 2025 pour 12 personnes":         "en 2025 pour 12 personnes",
		"1 2345":                            "1 2345",
		"9 999 999":                         "9\u00a0999\u00a0999",
		"":                                  "",
	}
	for in, want := range tests {
		if got := glueThousands(in); got != want {
			t.Errorf("glueThousands(%q) = %q, want %q", in, got, want)
		}
	}
}
