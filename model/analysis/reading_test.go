package analysis

import (
	"math"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

func TestReadingTime(t *testing.T) {
	for in, want := range map[float64]string{
		0: "—", -1: "—", math.NaN(): "—", math.Inf(1): "—", 0.2: "<\u00a01\u00a0min", 0.99: "<\u00a01\u00a0min",
		1: "1\u00a0min", 1.6: "2\u00a0min", 4.4: "4\u00a0min", 125.5: "126\u00a0min",
	} {
		if got := ReadingTime(in); got != want {
			t.Errorf("ReadingTime(%v) = %q, want %q", in, got, want)
		}
	}
}

// messyReport is a converted report as users paste them: an all-caps heading, inclusive
// writing, inline HTML, a table, links and a code block.
const messyReport = "# COMPTE-RENDU — ATELIER VÉLO\n\n" +
	"**Participant·es :** Mme Sophie Martin (adjointe), <u>Jean Roux</u><br>et 12 inscrit.e.s&nbsp;!\n\n" +
	"| Point | Décision |\n|---|---|\n| Piste rue Haute | validée |\n\n" +
	"Voir [le plan](https://ville.example/plan-velo) et <https://ville.example>.\n\n" +
	"```\ncode ignoré ici\n```\n\n- l’atelier du 3 mars\n- rendez-vous à 18h30\n"

// TestOneWordCount: the count the cover and the app show (WordCount) is the summary's
// (Measure), and inline HTML is not counted.
func TestOneWordCount(t *testing.T) {
	if wc, m := WordCount(messyReport), Measure(messyReport, model.French).Words; wc != m {
		t.Errorf("WordCount = %d, Measure.Words = %d: the cover and the summary disagree", wc, m)
	}
	if n := WordCount("<u>Jean Roux</u><br>et&nbsp;12 <span style=\"color:red\">inscrits</span>"); n != 5 {
		t.Errorf("WordCount of a text with inline HTML = %d, want 5", n)
	}
}
