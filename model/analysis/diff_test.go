package analysis

import (
	"strings"
	"testing"
)

// diffRebuild returns the two texts a diff describes.
func diffRebuild(spans []DiffSpan) (string, string) {
	var a, b strings.Builder
	for _, s := range spans {
		if s.Op != DiffInsert {
			a.WriteString(s.Text)
		}
		if s.Op != DiffDelete {
			b.WriteString(s.Text)
		}
	}
	return a.String(), b.String()
}

// checkDiffCover fails unless spans diffRebuild a and b and their offsets match their texts.
func checkDiffCover(t testing.TB, a, b string, spans []DiffSpan) {
	t.Helper()
	if ga, gb := diffRebuild(spans); ga != a || gb != b {
		t.Fatalf("spans diffRebuild\n%q\n%q\nwant\n%q\n%q", ga, gb, a, b)
	}
	for _, s := range spans {
		src := a
		if s.Op == DiffInsert {
			src = b
		}
		if s.Start < 0 || s.End > len(src) || s.Start >= s.End || src[s.Start:s.End] != s.Text {
			t.Fatalf("span %+v does not match its text", s)
		}
	}
}

// diffShow writes a diff as "=kept -deleted +inserted" pieces joined by "|".
func diffShow(spans []DiffSpan) string {
	parts := make([]string, len(spans))
	for i, s := range spans {
		parts[i] = map[DiffOp]string{DiffEqual: "=", DiffInsert: "+", DiffDelete: "-"}[s.Op] + s.Text
	}
	return strings.Join(parts, "|")
}

func TestWordDiff(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"identical", "Le comité se réunit.", "Le comité se réunit.", "=Le comité se réunit."},
		{"empty both", "", "", ""},
		{"empty a", "", "Bonjour.", "+Bonjour."},
		{"empty b", "Bonjour.", "", "-Bonjour."},
		{"insert", "Les habitants ont voté.", "Les habitants ont largement voté.",
			"=Les habitants ont |+largement |=voté."},
		{"delete", "Le projet sera sans doute retenu.", "Le projet sera retenu.",
			"=Le projet sera |-sans doute |=retenu."},
		{"replace", "La réunion aura lieu mardi soir.", "La réunion aura lieu jeudi soir.",
			"=La réunion aura lieu |-mardi |+jeudi |=soir."},
		{"whole words only", "Les participants ont voté.", "Les participantes ont voté.",
			"=Les |-participants |+participantes |=ont voté."},
		// A single kept word between two changes is absorbed by the semantic cleanup.
		{"semantic cleanup", "Les participants sont venus.", "Les participantes sont venues.",
			"=Les |-participants sont venus|+participantes sont venues|=."},
		{"white space only", "Le maire\na conclu.", "Le maire a conclu.", "=Le maire|-\n|+ |=a conclu."},
		{"punctuation", "Bancs, arbres et fontaine.", "Bancs, arbres, fontaine !",
			"=Bancs, arbres|- et fontaine.|+, fontaine !"},
		{"reorder", "Alice parle puis Bruno répond.", "Bruno parle puis Alice répond.",
			"-Alice |+Bruno |=parle puis |-Bruno |+Alice |=répond."},
		{"elision", "Voir l'école.", "Voir l'atelier.", "=Voir l'|-école|+atelier|=."},
		{"unicode", "Réunion à Tōkyō 東京 avec 15 participant·es 🙂.", "Réunion à Kyōto 京都 avec 15 participant·es 🙂.",
			"=Réunion à |-Tōkyō 東京 |+Kyōto 京都 |=avec 15 participant·es 🙂."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := WordDiff(tt.a, tt.b)
			checkDiffCover(t, tt.a, tt.b, spans)
			if got := diffShow(spans); got != tt.want {
				t.Errorf("WordDiff =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestWordDiffSemanticCleanup(t *testing.T) {
	a := "Le maire a ouvert la séance à dix-huit heures."
	b := "Une adjointe a présidé la réunion jusqu'à vingt heures."
	spans := WordDiff(a, b)
	checkDiffCover(t, a, b, spans)
	// Only whole shared words may stay equal; single spaces between changes are absorbed.
	for _, s := range spans {
		if s.Op == DiffEqual && strings.TrimSpace(s.Text) == "" {
			t.Errorf("a bare space left equal between changes: %s", diffShow(spans))
		}
	}
}

func TestWordDiffLongText(t *testing.T) {
	a, b := randomText(10_000, 0.1, 7)
	spans := WordDiff(a, b)
	checkDiffCover(t, a, b, spans)
	equal := 0
	for _, s := range spans {
		if s.Op == DiffEqual {
			equal += len(s.Text)
		}
	}
	// About 90 % of the words are kept; the semantic cleanup absorbs a few more.
	if share := float64(equal) / float64(len(a)); share < 0.7 {
		t.Errorf("only %.0f %% of the text is equal", share*100)
	}
}

func TestWordDiffTimeout(t *testing.T) {
	// Two unrelated long texts with few shared runs exercise the deadline path; the result
	// must stay exact whatever the machine's speed.
	a, _ := randomText(30_000, 0, 1)
	b, _ := randomText(30_000, 0, 2)
	checkDiffCover(t, a, b, WordDiff(a, b))
}

func TestTokenRune(t *testing.T) {
	for _, id := range []int{0, 1, 0xD7FF, 0xD800, 0xDFFF, 0xE000, maxDiffTokens - 1} {
		r := diffRune(id)
		if r >= 0xD800 && r <= 0xDFFF || r > 0x10FFFF || diffRuneID(r) != id {
			t.Errorf("id %#x → rune %#x → %#x", id, r, diffRuneID(r))
		}
	}
}

func FuzzWordDiff(f *testing.F) {
	f.Add("Le comité se réunit.", "Le comité ne se réunit pas.")
	f.Add("", "l'école")
	f.Add("participant·es, 45 %", "participant·es : 45 %")
	f.Add("a\xffb c", "a b\xfe c")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkDiffCover(t, a, b, WordDiff(a, b))
	})
}

func BenchmarkWordDiff(b *testing.B) {
	x, y := randomText(10_000, 0.1, 7)
	b.SetBytes(int64(len(x) + len(y)))
	for b.Loop() {
		WordDiff(x, y)
	}
}
