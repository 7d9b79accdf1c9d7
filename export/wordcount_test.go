package export

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// messySource is a converted report: all-caps heading, inclusive writing, inline HTML, a
// table, links, a code block.
const messySource = "# COMPTE-RENDU — ATELIER VÉLO DU QUARTIER NORD\n\n" +
	"**Participant·es :** Mme Sophie Martin (adjointe), <u>Jean Roux</u><br>et 12 inscrit.e.s&nbsp;!\n\n" +
	"| Point | Décision |\n|---|---|\n| Piste rue Haute | validée |\n\n" +
	"Voir [le plan](https://ville.example/plan-velo) et <https://ville.example>.\n\n" +
	"```\ncode ignoré ici\n```\n\n- l’atelier du 3 mars\n- rendez-vous à 18h30\n"

// TestOneWordCountEverywhere: the cover, the source column and the summary give the same
// word count for a messy report, the app's (analysis.WordCount), and the summary writes the
// reading time as the app does.
func TestOneWordCountEverywhere(t *testing.T) {
	c := frenchComparison(t)
	c.Source.Body = messySource
	c = fullComparison(t, c)
	n := analysis.WordCount(messySource)
	words := fmt.Sprintf("%d mots", n)
	text := normalise(pdfText(t, render(t, c)))
	if got := strings.Count(text, words); got < 2 {
		t.Errorf("« %s » appears %d times, want it on the cover and over the source column", words, got)
	}
	minutes := analysis.ReadingTime(analysis.Measure(messySource, model.French).ReadingMinutes)
	summary := fmt.Sprintf("Source %d %s", n, normalise(minutes))
	if !strings.Contains(text, summary) {
		t.Errorf("the summary lacks « %s »", summary)
	}
}
