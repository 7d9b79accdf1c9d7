package export

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// TestSummaryEnergySaysHow: the summary says which energy was measured by RAPL and which
// is estimated, and its note says what a RAPL reading covers.
func TestSummaryEnergySaysHow(t *testing.T) {
	c := fullComparison(t, frenchComparison(t))
	measured := c.Variants[0]
	measured.Stats.Where, measured.Stats.EnergyMethod, measured.Stats.EnergyJoules = model.PlaceThisComputer, model.EnergyRAPL, 7200
	c.Energy[measured.ID] = analysis.EnergyFor(measured, 0, analysis.DefaultDeviceWatts, analysis.DefaultGridIntensity)
	text := normalise(pdfText(t, render(t, c)))
	for _, want := range []string{
		"Énergie ici", "en centre de données", "2 · 0,16 RAPL", "0,35 · 0,03 est.",
		"mesurée par les compteurs d’énergie du processeur", "autres programmes compris",
		"durée de génération × puissance réglée pour cet ordinateur",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary lacks %q", want)
		}
	}
	if strings.Contains(text, "Énergie mesurée") {
		t.Error("the summary still calls every energy « mesurée »")
	}
}
