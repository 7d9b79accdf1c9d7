package analysis

import (
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// Spoken syllable counts, checked by ear: "ré-a-mé-na-ge-ment" has 6.
var syllableCases = []struct {
	lang model.Language
	word string
	want int
}{
	{model.French, "aujourd'hui", 3},
	{model.French, "participant·es", 4},
	{model.French, "participant.e.s", 4},
	{model.French, "inscrit·e·s", 2},
	{model.French, "réaménagement", 6},
	{model.French, "quarante-deux", 3},
	{model.French, "thé", 1},
	{model.French, "rue", 1},
	{model.French, "écoutent", 2},
	{model.French, "souhaitent", 2},
	{model.French, "proposent", 2},
	{model.French, "président", 3},
	{model.French, "souvent", 2},
	{model.French, "moment", 2},
	{model.French, "table", 1},
	{model.French, "place", 1},
	{model.French, "idée", 2},
	{model.French, "idées", 2},
	{model.French, "réunion", 3},
	{model.French, "participation", 5},
	{model.French, "concertation", 4},
	{model.French, "habitants", 3},
	{model.French, "quartier", 2},
	{model.French, "école", 2},
	{model.French, "naïf", 2},
	{model.French, "Noël", 2},
	{model.French, "créée", 2},
	{model.French, "eau", 1},
	{model.French, "les", 1},
	{model.French, "vent", 1},
	{model.French, "jardins", 2},
	{model.French, "partagés", 3},
	{model.English, "table", 2},
	{model.English, "people", 2},
	{model.English, "make", 1},
	{model.English, "makes", 1},
	{model.English, "changes", 2},
	{model.English, "worked", 1},
	{model.English, "wanted", 2},
	{model.English, "meeting", 2},
	{model.English, "residents", 3},
	{model.English, "community", 4},
	{model.English, "year", 1},
	{model.English, "the", 1},
	{model.English, "participation", 5},
	{model.English, "forty-two", 3},
	{model.English, "neighbourhood", 3},
	{model.English, "library", 3},
	{model.English, "rhythm", 2},
	{model.English, "prism", 2},
	{model.English, "tourism", 3},
	{model.English, "them", 1},
	{model.English, "system", 2},
}

// conventionCases are counts that are not spoken ones: a token without a vowel counts one, and
// numbers and acronyms count their vowel groups, not the words read aloud (documented limits).
var conventionCases = []struct {
	lang   model.Language
	word   string
	want   int
	spoken int
}{
	{model.French, "l'", 1, 0},    // elided: it joins the next word's first syllable
	{model.French, "2025", 1, 4},  // « deux mille vingt-cinq »
	{model.French, "PLU", 1, 3},   // spelt out « pé-èl-u »
	{model.English, "2025", 1, 5}, // "twenty twenty-five"
}

func TestSyllables(t *testing.T) {
	for _, c := range syllableCases {
		if got := Syllables(c.word, c.lang); got != c.want {
			t.Errorf("Syllables(%q, %s) = %d, want %d", c.word, c.lang, got, c.want)
		}
	}
}

// TestSyllableConventions pins the counts that differ from speech, so that a change to them
// is deliberate.
func TestSyllableConventions(t *testing.T) {
	for _, c := range conventionCases {
		if got := Syllables(c.word, c.lang); got != c.want {
			t.Errorf("Syllables(%q, %s) = %d, want %d by convention (spoken: %d)", c.word, c.lang, got, c.want, c.spoken)
		}
	}
}
