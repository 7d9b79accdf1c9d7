package ui

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// The list of lost facts under a column and the metrics table give one number, and the list
// shows each fact once, the most important first, with how many times the source states it.
func TestLostFactsAgreeWithTable(t *testing.T) {
	source := "PROPOS LIMINAIRES\n\nSoit 45% des votes ; puis 45% encore, et 45% à la fin. Une carte au 1/500.\n" +
		"- Matthieu Brient, Conseiller – Métropole de Rouen\nIl a été décidé d'ouvrir 3 ateliers le 12 mars 2026.\n"
	src := analysis.AnalyzeSource(source, model.French)
	va := analysis.AnalyzeVariant(src, "Un webinaire a eu lieu.")
	title, items := lostFacts(va)
	header := regexp.MustCompile(`\((\d+)\)`).FindStringSubmatch(title)
	cell := ""
	for _, row := range (&comparison{}).metricRows() {
		if row.label == lang.L("Facts kept / lost") {
			cell = row.variant(model.Variant{}, va)
		}
	}
	if header == nil || !strings.HasSuffix(cell, "/ "+header[1]) {
		t.Fatalf("list %q and table cell %q disagree", title, cell)
	}
	list := strings.Join(items, " · ")
	want := "3 · 12 mars 2026 · 45% (×3) · 1/500 · Matthieu Brient · Métropole de Rouen"
	if list != want {
		t.Errorf("lost list %q\nwant %q", list, want)
	}
}
