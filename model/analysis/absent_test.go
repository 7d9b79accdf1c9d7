package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// absentSource is the source of the tests below: a fictional workshop report, messy as real
// ones are.
const absentSource = `# COMPTE-RENDU DE L’ATELIER « PLACE DU MARCHÉ »

Participant·es : 34 habitant·es inscrit.e.s, dont 12 commerçant·es.

Le conseil de quartier a voté le budget de 48 000 € pour la rénovation des halles. Les
habitants ont demandé davantage de bancs à l'ombre. La séance s'est terminée à 21h30.

## Budget

| Poste | Montant |
|---|---|
| Bancs | 6 000 € |

- Mme Aline Ferrand, adjointe à l'urbanisme
- Consultation en ligne : https://ville-exemple.fr/marche
`

func absentTexts(variant string, spans []Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = variant[s.Start:s.End]
	}
	return out
}

func TestAbsentExtractReorderedHasNone(t *testing.T) {
	ix := newAbsentIndex(absentSource, model.French)
	variant := `## Budget

La séance s'est terminée à 21h30. **Le conseil de quartier a voté le budget de 48 000 €
pour la rénovation des halles.**

- Les habitants ont demandé davantage de bancs à l'ombre.
- Participant·es : 34 habitant·es inscrit.e.s, dont 12 commerçant·es.

| Bancs | 6 000 € |
`
	if got := ix.absent(variant); got != nil {
		t.Errorf("a reordered extract has absent words: %q", absentTexts(variant, got))
	}
}

func TestAbsentFindsChangedWords(t *testing.T) {
	ix := newAbsentIndex(absentSource, model.French)
	cases := []struct {
		variant string
		want    []string
	}{
		{"Le conseil de quartier a voté le budget de 52 000 € pour la rénovation des halles.", []string{"52"}},
		{"Les habitants ont massivement rejeté le projet de bancs à l'ombre.", []string{"massivement rejeté", "projet"}},
		{"**Les habitants** ont demandé davantage de **fontaines** à l'ombre.", []string{"fontaines"}},
		{"# Budget\n\n# Calendrier\n\n- Bancs\n- Kiosque", []string{"Calendrier", "Kiosque"}},
		{"LES HABITANTS ONT DEMANDE DAVANTAGE DE BANCS A L’OMBRE.", nil},
		{"Participant.es : 34 habitant.es inscrit·e·s, dont 12 commerçant.es.", nil},
		{"Budget 2031 : la séance s'est terminée à 21h30.", []string{"2031"}},
	}
	for _, c := range cases {
		got := absentTexts(c.variant, ix.absent(c.variant))
		if len(got) == 0 {
			got = nil
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("absent(%q) = %q, want %q", c.variant, got, c.want)
		}
	}
}

func TestAbsentNeverMarksMarkup(t *testing.T) {
	ix := newAbsentIndex("Rien de commun.", model.French)
	variant := "# Titre inventé\n\n**Gras** et *italique* - puis | une | table |\n\n> citation"
	spans := ix.absent(variant)
	if len(spans) == 0 {
		t.Fatal("nothing in common with the source, yet no absent word")
	}
	for _, s := range spans {
		if text := variant[s.Start:s.End]; strings.ContainsAny(text, "#*|>\n") {
			t.Errorf("span %q holds markup", text)
		}
	}
	if got := strings.Join(absentTexts(variant, spans), "/"); got != "Titre inventé/Gras/et/italique/puis/une/table/citation" {
		t.Errorf("spans = %s", got)
	}
}

func TestAbsentTokensAreDiffTokens(t *testing.T) {
	texts := []string{absentSource, tenThousandWords(t)[:30000],
		"l’école d'été — c.-à-d. 10:00, 45,5 % ; www.ville.fr\tcontact@mairie.fr\u00a0x·y ÉTÉ e\u0301 \xff!"}
	for _, text := range texts {
		type tok struct{ s, e int }
		var want, got []tok
		eachDiffToken(text, func(s, e int) { want = append(want, tok{s, e}) })
		eachAbsentToken(text, func(s, e int, word bool) {
			got = append(got, tok{s, e})
			if word != isWordRune(firstRuneOf(text[s:e])) {
				t.Errorf("%q: word = %v", text[s:e], word)
			}
		})
		if !slices.Equal(got, want) {
			t.Errorf("tokens differ from eachDiffToken's on %.40q", text)
		}
	}
}

func TestHashSet(t *testing.T) {
	s := newHashSet(1)
	for h := range uint64(1000) {
		s.add(h * 0x9E3779B97F4A7C15)
	}
	for h := range uint64(1000) {
		if !s.has(h * 0x9E3779B97F4A7C15) {
			t.Fatalf("%d lost after growing", h)
		}
	}
	if s.has(12345) || s.n != 999 || !s.zero {
		t.Errorf("has(12345) = %v, n = %d, zero = %v", s.has(12345), s.n, s.zero)
	}
}

func TestAbsentNilIndex(t *testing.T) {
	var ix *absentIndex
	if got := ix.absent("Un texte."); got != nil {
		t.Errorf("nil index found %v", got)
	}
}

func TestAnalyzeVariantAbsent(t *testing.T) {
	src := AnalyzeSource(absentSource, model.French)
	variant := "Les habitants ont demandé davantage de kiosques à l'ombre."
	got := absentTexts(variant, AnalyzeVariant(src, variant).Absent)
	if !slices.Equal(got, []string{"kiosques"}) {
		t.Errorf("Absent = %q", got)
	}
}

// BenchmarkAbsent measures the index of a 10,000-word source and the absent words of a
// 10,000-word variant against it.
func BenchmarkAbsent(b *testing.B) {
	source := tenThousandWords(b)
	variant := variantOf(source, 7)
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			newAbsentIndex(source, model.French)
		}
	})
	b.Run("variant", func(b *testing.B) {
		ix := newAbsentIndex(source, model.French)
		for b.Loop() {
			ix.absent(variant)
		}
	})
}
