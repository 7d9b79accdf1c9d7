package power

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// DefaultRoot is where Linux exposes the power-capping zones.
const DefaultRoot = "/sys/class/powercap"

// zone is one processor package's counter at a moment.
type zone struct {
	name      string  // the zone's directory, « intel-rapl:0 »
	energyUJ  float64 // the counter, in microjoules
	maxRangeU float64 // where the counter wraps around, in microjoules
}

// Sample is a reading of every package's energy counter.
type Sample struct {
	zones []zone
}

// Meter reads the RAPL counters under a root directory.
type Meter struct {
	// Root is the powercap directory, DefaultRoot on a real system; tests give a fake one.
	Root string
}

// System returns the meter of this computer.
func System() Meter { return Meter{Root: DefaultRoot} }

// Read reads every processor package's counter. It reports false when there is no package
// zone or any of them cannot be read (no RAPL, not Linux, counters readable by root only):
// a partial reading would undercount.
func (m Meter) Read() (Sample, bool) {
	dirs, err := filepath.Glob(filepath.Join(m.Root, "intel-rapl:*"))
	if err != nil {
		return Sample{}, false
	}
	var s Sample
	for _, dir := range dirs {
		if strings.Count(filepath.Base(dir), ":") != 1 || !isPackage(dir) {
			continue // a sub-zone (core, uncore, dram) or the whole platform (psys)
		}
		e, ok1 := readMicrojoules(filepath.Join(dir, "energy_uj"))
		r, ok2 := readMicrojoules(filepath.Join(dir, "max_energy_range_uj"))
		if !ok1 || !ok2 {
			return Sample{}, false
		}
		s.zones = append(s.zones, zone{name: filepath.Base(dir), energyUJ: e, maxRangeU: r})
	}
	return s, len(s.zones) > 0
}

// isPackage reports whether the zone at dir is a processor package (its name is
// « package-0 »…), not the platform zone « psys », which includes the packages.
func isPackage(dir string) bool {
	name, err := os.ReadFile(filepath.Join(dir, "name"))
	return err == nil && strings.HasPrefix(strings.TrimSpace(string(name)), "package")
}

// readMicrojoules reads a counter file: one non-negative integer.
func readMicrojoules(path string) (float64, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, false
	}
	v, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		return 0, false
	}
	return float64(v), true
}

// Joules returns the energy, in joules, the packages used between two samples, counting one
// wrap-around of a counter. It reports false when the samples do not cover the same zones.
func Joules(before, after Sample) (float64, bool) {
	if len(before.zones) == 0 || len(before.zones) != len(after.zones) {
		return 0, false
	}
	total := 0.0
	for i, b := range before.zones {
		a := after.zones[i]
		if a.name != b.name {
			return 0, false
		}
		d := a.energyUJ - b.energyUJ
		if d < 0 { // the counter wrapped around once
			if b.maxRangeU <= 0 {
				return 0, false
			}
			d += b.maxRangeU
		}
		total += d
	}
	return total / 1e6, true
}
