package export

import (
	"strings"
	"testing"
)

// The built-in engine counts words, Ollama counts tokens: the appendix says which.
func TestAppendixCountsWordsForBuiltin(t *testing.T) {
	for _, c := range []struct {
		name         string
		comparison   func(testing.TB) Comparison
		want, unwant []string
	}{
		{"english", englishComparison,
			[]string{"2,400 words read, 600 written", "2,400 tokens read, 700 written"},
			[]string{"2,400 tokens read, 600 written"}},
		{"french", frenchComparison,
			[]string{"2 400 mots lus, 600 écrits", "2 400 jetons lus, 700 écrits"},
			[]string{"2 400 jetons lus, 600 écrits"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := strings.ReplaceAll(normalise(pdfText(t, render(t, fullComparison(t, c.comparison(t))))), "\u202f", " ")
			text = strings.ReplaceAll(text, "\u00a0", " ")
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("the appendix lacks %q", w)
				}
			}
			for _, u := range c.unwant {
				if strings.Contains(text, u) {
					t.Errorf("the appendix says %q of the built-in engine, which counts words", u)
				}
			}
		})
	}
}
