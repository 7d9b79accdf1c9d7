package power

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

// fakeZone writes a RAPL zone under root.
func fakeZone(t *testing.T, root, dir, name, energy, maxRange string) {
	t.Helper()
	p := filepath.Join(root, dir)
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
	for file, content := range map[string]string{"name": name + "\n", "energy_uj": energy + "\n", "max_energy_range_uj": maxRange + "\n"} {
		if err := os.WriteFile(filepath.Join(p, file), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// setEnergy changes a zone's counter.
func setEnergy(t *testing.T, root, dir, energy string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(root, dir, "energy_uj"), []byte(energy), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestMeterTwoPackages(t *testing.T) {
	root := t.TempDir()
	fakeZone(t, root, "intel-rapl:0", "package-0", "1000000", "262143328850")
	fakeZone(t, root, "intel-rapl:1", "package-1", "5000000", "262143328850")
	fakeZone(t, root, "intel-rapl:0:0", "core", "900000", "262143328850") // a sub-zone, inside package 0
	fakeZone(t, root, "intel-rapl:2", "psys", "70000000", "262143328850") // the platform, includes the packages
	m := Meter{Root: root}
	before, ok := m.Read()
	if !ok {
		t.Fatal("Read: no sample from a readable fake sysfs")
	}
	setEnergy(t, root, "intel-rapl:0", "13500000")
	setEnergy(t, root, "intel-rapl:1", "7000000")
	setEnergy(t, root, "intel-rapl:0:0", "99000000")
	setEnergy(t, root, "intel-rapl:2", "99000000")
	after, _ := m.Read()
	j, ok := Joules(before, after)
	if !ok || math.Abs(j-14.5) > 1e-9 {
		t.Errorf("Joules = %v, %v; want 14.5 J (12.5 + 2, packages only)", j, ok)
	}
}

func TestMeterWrapAround(t *testing.T) {
	root := t.TempDir()
	fakeZone(t, root, "intel-rapl:0", "package-0", "262143000000", "262143328850")
	m := Meter{Root: root}
	before, _ := m.Read()
	setEnergy(t, root, "intel-rapl:0", "671150")
	after, _ := m.Read()
	j, ok := Joules(before, after)
	if !ok || math.Abs(j-1.0) > 1e-9 {
		t.Errorf("Joules across a wrap-around = %v, %v; want 1 J", j, ok)
	}
}

func TestMeterNothingToRead(t *testing.T) {
	unreadable := t.TempDir()
	fakeZone(t, unreadable, "intel-rapl:0", "package-0", "1000", "262143328850")
	fakeZone(t, unreadable, "intel-rapl:1", "package-1", "1000", "262143328850")
	if err := os.Chmod(filepath.Join(unreadable, "intel-rapl:1", "energy_uj"), 0); err != nil {
		t.Fatal(err)
	}
	directory := t.TempDir() // a counter that cannot be read, even by root
	fakeZone(t, directory, "intel-rapl:0", "package-0", "1000", "262143328850")
	counter := filepath.Join(directory, "intel-rapl:0", "energy_uj")
	if err := os.Remove(counter); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(counter, 0o755); err != nil {
		t.Fatal(err)
	}
	garbled := t.TempDir()
	fakeZone(t, garbled, "intel-rapl:0", "package-0", "-12", "262143328850")
	onlyPsys := t.TempDir()
	fakeZone(t, onlyPsys, "intel-rapl:0", "psys", "1000", "262143328850")
	for name, root := range map[string]string{
		"missing": filepath.Join(t.TempDir(), "none"), "garbled": garbled, "not a file": directory, "psys only": onlyPsys,
	} {
		if s, ok := (Meter{Root: root}).Read(); ok {
			t.Errorf("%s: Read = %+v, true; want no sample", name, s)
		}
	}
	if os.Geteuid() != 0 { // root reads a file of mode 0 all the same
		if s, ok := (Meter{Root: unreadable}).Read(); ok {
			t.Errorf("unreadable counter: Read = %+v, true; want no sample", s)
		}
	}
}

func TestJoulesMismatch(t *testing.T) {
	a := Sample{zones: []zone{{name: "intel-rapl:0", energyUJ: 1, maxRangeU: 10}}}
	b := Sample{zones: []zone{{name: "intel-rapl:1", energyUJ: 2, maxRangeU: 10}}}
	for name, pair := range map[string][2]Sample{"other zone": {a, b}, "empty": {{}, {}}, "one missing": {a, {}}} {
		if j, ok := Joules(pair[0], pair[1]); ok {
			t.Errorf("%s: Joules = %v, true; want false", name, j)
		}
	}
}
