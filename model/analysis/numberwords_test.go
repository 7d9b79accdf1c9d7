package analysis

import (
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

func TestNumberWords(t *testing.T) {
	tests := []struct {
		lang model.Language
		in   string
		want int // -1: not a number
	}{
		{model.French, "trois", 3},
		{model.French, "douze", 12},
		{model.French, "dix-sept", 17},
		{model.French, "vingt et un", 21},
		{model.French, "vingt-et-un", 21},
		{model.French, "quarante-deux", 42},
		{model.French, "soixante-dix", 70},
		{model.French, "soixante et onze", 71},
		{model.French, "soixante-dix-sept", 77},
		{model.French, "quatre-vingts", 80},
		{model.French, "quatre-vingt-un", 81},
		{model.French, "quatre-vingt-dix-neuf", 99},
		{model.French, "septante-cinq", 75},
		{model.French, "nonante", 90},
		{model.French, "cent", 100},
		{model.French, "deux cents", 200},
		{model.French, "trois cent douze", 312},
		{model.French, "mille", 1000},
		{model.French, "deux mille vingt-cinq", 2025},
		{model.French, "mille neuf cent quatre-vingt-dix", 1990},
		{model.French, "neuf mille neuf cent quatre-vingt-dix-neuf", 9999},
		{model.French, "cent mille", 100000},
		{model.French, "deux millions trois cent mille", 2300000},
		{model.French, "Quinze", 15},
		{model.French, "troisième", 3},
		{model.French, "cinquième", 5},
		{model.French, "neuvième", 9},
		{model.French, "vingt-et-unième", 21},
		{model.French, "trente-troisième", 33},
		{model.French, "quatre", 4},
		{model.French, "quatre-quarts", -1},
		{model.French, "dixième", 10},
		{model.English, "three", 3},
		{model.English, "forty-two", 42},
		{model.English, "twenty one", 21},
		{model.English, "one hundred and five", 105},
		{model.English, "two thousand and twenty-five", 2025},
		{model.English, "nine thousand nine hundred and ninety-nine", 9999},
		{model.English, "twelve", 12},
		{model.English, "twentieth", 20},
		{model.English, "twenty-first", 21},
		{model.English, "ninth", 9},
		{model.English, "trois", -1},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			p := newFactParser(tc.in, tc.lang)
			v, end, _, ok := p.numberWords(0)
			if tc.want < 0 {
				if ok && end == len(p.toks) {
					t.Errorf("%q read as %d", tc.in, v)
				}
				return
			}
			if !ok || v != tc.want || end != len(p.toks) {
				t.Errorf("%q = %d (ok %v, %d of %d tokens), want %d", tc.in, v, ok, end, len(p.toks), tc.want)
			}
		})
	}
}

// TestNumberWordsStop checks that a sequence stops where the number cannot go on.
func TestNumberWordsStop(t *testing.T) {
	tests := []struct {
		lang model.Language
		in   string
		want []string
	}{
		{model.French, "deux trois quatre", []string{"number deux=2", "number trois=3", "number quatre=4"}},
		{model.French, "trente quarante", []string{"number trente=30", "number quarante=40"}},
		{model.French, "vingt et deux", []string{"number vingt=20", "number deux=2"}},
		{model.English, "nineteen ninety", []string{"number nineteen=19", "number ninety=90"}},
		{model.English, "two and three", []string{"number two=2", "number three=3"}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var got []string
			for _, f := range Facts(tc.in, tc.lang) {
				got = append(got, string(f.Kind)+" "+f.Text+"="+f.Norm)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("Facts(%q) = %q, want %q", tc.in, got, tc.want)
			}
			for k := range got {
				if got[k] != tc.want[k] {
					t.Errorf("Facts(%q) = %q, want %q", tc.in, got, tc.want)
				}
			}
		})
	}
}
