package export

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// The column's list of lost facts and the summary page give one number, and the list shows each
// fact once with how many times the source states it.
func TestLostFactsOneCount(t *testing.T) {
	fs, err := fonts()
	if err != nil {
		t.Fatal(err)
	}
	source := "VOS RETOURS\n\nSoit 45% des votes ; puis 45% encore, et 45% à la fin. Une carte au 1/500.\n" +
		"Il a été décidé d'ouvrir 3 ateliers.\n"
	v := model.Variant{ID: 7, Text: "Un atelier a eu lieu."}
	d := newDocument(Comparison{Source: model.Revision{Body: source}, Variants: []model.Variant{v}, Language: model.French}, fs)
	d.prepareAnalyses()
	col := &column{}
	d.annotate(col, v)
	cells := d.variantCells(v)
	if len(col.blocks) != 2 {
		t.Fatalf("blocks %+v: want a note and a list", col.blocks)
	}
	if want := fmt.Sprintf(d.ext.lostFacts, 3); col.blocks[0].text != want || cells[4] != "3" {
		t.Errorf("note %q, summary cell %q: want %q and 3", col.blocks[0].text, cells[4], want)
	}
	if list := col.blocks[1].text; list != "3 · 45% (×3) · 1/500" {
		t.Errorf("list %q", list)
	}
	if strings.Contains(col.blocks[1].text, "VOS") {
		t.Error("a heading listed as a fact")
	}
}
