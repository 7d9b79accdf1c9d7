package cli

import (
	"bytes"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// The command line lists each lost fact once, most important first, with its count, and gives
// the number the GUI and the PDF give: the length of Facts.Lost.
func TestPrintLostFacts(t *testing.T) {
	source := "VOS RETOURS\n\n45% des votes, puis 45% et 45%. Mme Claire Laurent a été élue. Il a été décidé d'ouvrir 3 ateliers.\n"
	fc := analysis.CompareFacts(source, "Rien.", model.French)
	var b bytes.Buffer
	printFacts(&b, "Perdus", fc.Lost)
	want := "Perdus (3): 3 · 45% (×3) · Mme Claire Laurent\n"
	if b.String() != want || len(fc.Lost) != 3 {
		t.Errorf("got %q (%d lost)\nwant %q", b.String(), len(fc.Lost), want)
	}
}
