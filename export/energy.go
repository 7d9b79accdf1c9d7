package export

import (
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// localEnergy writes the energy of a variant on this computer followed by how it is known,
// as the summary's note explains: « 2,00 · 0,16 RAPL » when the processor's counters measured
// it, « 0,75 · 0,06 est. » when it is the generation time × the power set for this computer.
func (d *document) localEnergy(e analysis.Energy) string {
	s := d.energy(e.MeasuredWh, e.MeasuredGCO2e)
	switch e.Method {
	case model.EnergyRAPL:
		return s + " " + d.ext.raplMark
	case model.EnergyTimePower:
		return s + " " + d.ext.estMark
	}
	return s
}
