package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

func TestPlainLanguageAcronyms(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"explained after", "Le PLU (plan local d'urbanisme) sera révisé. Le PLU fixe les hauteurs.", []string{}},
		{"explained before", "Le plan local d'urbanisme (PLU) sera révisé.", []string{}},
		{"not explained", "Le PLU sera révisé avec la MJC.", []string{"PLU", "MJC"}},
		{"explained too late", "Le PLU sera révisé. Le PLU (plan local d'urbanisme) date de 2011.", []string{"PLU"}},
		{"once each", "La MJC ouvre. La MJC ferme. Le CCAS aide.", []string{"MJC", "CCAS"}},
		{"parentheses in capitals", "Le PLU (PLUI) change.", []string{"PLU"}},
		{"with digits and accents", "Le taux de CO2 baisse ; l'ÉSAT recrute.", []string{"CO2", "ÉSAT"}},
		{"not acronyms", "Au XXIe siècle, Louis XIV et le chapitre II. Le Maire parle. A et B.", []string{}},
		{"shouted heading", "# COMPTE RENDU DE LA RÉUNION\n\nLa DDT (direction départementale des territoires) était là.", []string{}},
		{"markdown", "Le **SCoT** et la **ZAC** (zone d'aménagement concerté).", []string{}},
		{"english", "The HOA (homeowners association) met the DOT.", []string{"DOT"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PlainLanguage(tt.text, model.French).UnexplainedAcronyms
			if !slices.Equal(got, tt.want) || got == nil {
				t.Errorf("UnexplainedAcronyms = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPlainLanguagePercentages(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"45 % des habitants et 12% des commerçants.", 2},
		{"Près de la moitié des habitants.", 0},
		{"Soit 45,5\u00a0% contre 30\u202f%.", 2},
		{"Trente pour cent des votes, quarante-cinq pour cent des avis, 10 pourcent.", 3},
		{"Une entrée pour cent euros.", 0},
		{"About 40 percent, or 40 per cent.", 2},
		{"Le taux en % reste flou.", 0},
	}
	for _, tt := range tests {
		if got := PlainLanguage(tt.text, model.French).Percentages; got != tt.want {
			t.Errorf("Percentages(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestPlainLanguageLengths(t *testing.T) {
	long := "Les habitants du quartier " + strings.Repeat("très ", 11) + "nombreux sont venus." // 18 words
	text := long + " Le réaménagement commence. Une concertation intercommunale aura lieu."
	got := PlainLanguage(text, model.French)
	// 13 letters: réaménagement; 14: intercommunale; 12 (not over): concertation.
	if got.LongSentences != 1 || got.LongWords != 2 {
		t.Errorf("got %d long sentences and %d long words, want 1 and 2", got.LongSentences, got.LongWords)
	}
	exact := strings.TrimSpace(strings.Repeat("mot ", 15)) + "." // 15 words: not over 15
	if n := PlainLanguage(exact, model.French).LongSentences; n != 0 {
		t.Errorf("a 15-word sentence counts as long")
	}
}

func TestPlainLanguageEmpty(t *testing.T) {
	got := PlainLanguage("", model.French)
	if got.LongSentences != 0 || got.Percentages != 0 || got.LongWords != 0 || got.UnexplainedAcronyms == nil {
		t.Errorf("PlainLanguage(\"\") = %+v, want zeros and an empty list", got)
	}
}

func BenchmarkPlainLanguage(b *testing.B) {
	text := longReport(10_000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		PlainLanguage(text, model.French)
	}
}
