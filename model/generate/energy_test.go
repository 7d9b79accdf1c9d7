package generate

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/power"
)

// steppingMeter is a fake RAPL sysfs whose package counter goes up by step microjoules at
// every reading.
type steppingMeter struct {
	mu    sync.Mutex
	root  string
	step  uint64
	value uint64
	reads int
}

func newSteppingMeter(t *testing.T, step uint64) *steppingMeter {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "intel-rapl:0")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for file, content := range map[string]string{"name": "package-0", "max_energy_range_uj": "262143328850", "energy_uj": "0"} {
		if err := os.WriteFile(filepath.Join(dir, file), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return &steppingMeter{root: root, step: step}
}

func (m *steppingMeter) Read() (power.Sample, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.value += m.step
	m.reads++
	counter := filepath.Join(m.root, "intel-rapl:0", "energy_uj")
	if err := os.WriteFile(counter, []byte(strconv.FormatUint(m.value, 10)), 0o644); err != nil {
		return power.Sample{}, false
	}
	return power.Meter{Root: m.root}.Read()
}

func TestSchedulerMeasuresEnergyOnThisComputer(t *testing.T) {
	s := NewScheduler([]Engine{NewBuiltin(), &fakeEngine{name: "fake", deltas: []string{"Texte."}}}, testPresets, &fakeSink{})
	meter := newSteppingMeter(t, 2_500_000) // 2.5 J between two readings
	s.SetEnergyMeter(meter)
	builtin := s.Start(context.Background(), revision(t), variants(spec(model.EngineBuiltin, "synthese-courte")), nil).Wait()[0].Stats
	elsewhere := s.Start(context.Background(), revision(t), variants(spec("fake", "fake")), nil).Wait()[0].Stats
	if builtin.EnergyMethod != model.EnergyRAPL || math.Abs(builtin.EnergyJoules-2.5) > 1e-9 {
		t.Errorf("built-in variant: energy %v J by %q, want 2.5 J by RAPL", builtin.EnergyJoules, builtin.EnergyMethod)
	}
	if elsewhere.EnergyMethod != "" || elsewhere.EnergyJoules != 0 {
		t.Errorf("variant not known to be written here: energy %v J by %q, want none", elsewhere.EnergyJoules, elsewhere.EnergyMethod)
	}
}

func TestSchedulerNoEnergyWithoutCounters(t *testing.T) {
	s := NewScheduler([]Engine{NewBuiltin()}, testPresets, &fakeSink{})
	s.SetEnergyMeter(power.Meter{Root: t.TempDir()}) // no RAPL zone
	got := s.Start(context.Background(), revision(t), variants(spec(model.EngineBuiltin, "synthese-courte")), nil).Wait()
	if st := got[0].Stats; st.EnergyMethod != "" || st.EnergyJoules != 0 {
		t.Errorf("energy %v J by %q without counters, want none", st.EnergyJoules, st.EnergyMethod)
	}
}
