package analysis

import (
	"slices"
	"strings"
	"testing"
)

var wordCases = []struct {
	name string
	in   string
	want []string
}{
	{"empty", "", nil},
	{"punctuation only", " ... !? — « » ", nil},
	{"simple", "La place du marché", []string{"La", "place", "du", "marché"}},
	{"elision", "L'école d'été qu'il jusqu'à", []string{"L'", "école", "d'", "été", "qu'", "il", "jusqu'", "à"}},
	{"typographic apostrophe", "l’avis d’un élu", []string{"l’", "avis", "d’", "un", "élu"}},
	{"apostrophe inside a word", "aujourd'hui presqu'île don't", []string{"aujourd'hui", "presqu'île", "don't"}},
	{"hyphens", "rendez-vous, compte-rendu", []string{"rendez-vous", "compte-rendu"}},
	{"decimals", "45,5 % et 3.14", []string{"45,5", "et", "3.14"}},
	{"thousands with space", "1 250 habitants", []string{"1", "250", "habitants"}},
	{"times", "10h00, 10:00, 10 h 30", []string{"10h00", "10:00", "10", "h", "30"}},
	{"comma between words", "oui,non", []string{"oui", "non"}},
	{"inclusive writing", "participant.es inscrit·e·s élu.e.s", []string{"participant.es", "inscrit·e·s", "élu.e.s"}},
	{"abbreviation", "c.-à-d. p. ex.", []string{"c.-à-d", "p", "ex"}},
	{"addresses", "www.ville-saint-aubin.fr contact@mairie.fr", []string{"www.ville-saint-aubin.fr", "contact@mairie.fr"}},
	{"end of sentence", "Fin.Début", []string{"Fin.Début"}},
	{"trailing apostrophe", "the participants' views", []string{"the", "participants", "views"}},
	{"apostrophe before a space", "l' ", []string{"l"}},
	{"combining accent", "e\u0301te\u0301", []string{"e\u0301te\u0301"}},
}

func TestWords(t *testing.T) {
	for _, tc := range wordCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Words(tc.in)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if n := WordCount(tc.in); n != len(tc.want) {
				t.Errorf("WordCount(%q) = %d, want %d", tc.in, n, len(tc.want))
			}
		})
	}
}

func FuzzWords(f *testing.F) {
	for _, tc := range wordCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		words := Words(in)
		if len(words) != WordCount(in) {
			t.Fatalf("WordCount disagrees with Words on %q", in)
		}
		for _, w := range words {
			if w == "" || !strings.Contains(in, w) {
				t.Fatalf("word %q is not in %q", w, in)
			}
		}
	})
}

func BenchmarkWordCount(b *testing.B) {
	text := benchText(10_000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		WordCount(text)
	}
}

func FuzzPlain(f *testing.F) {
	for _, tc := range wordCases {
		f.Add(tc.in)
	}
	f.Add("**Gras** [lien](https://a.fr) ![x](y) <https://b.fr> \\* `c`")
	f.Fuzz(func(t *testing.T, in string) {
		out := Plain(in)
		if out != strings.TrimSpace(out) || strings.Contains(out, "  ") {
			t.Fatalf("Plain(%q) = %q: not trimmed or collapsed", in, out)
		}
	})
}
