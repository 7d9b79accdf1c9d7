// Package power reads the energy counters of this computer's processor, so that the energy
// of a generation can be measured rather than estimated.
//
// On Linux, RAPL (Running Average Power Limit, Intel and AMD processors) exposes under
// /sys/class/powercap one zone per processor package, « intel-rapl:0 », « intel-rapl:1 »…,
// each with a cumulative energy counter in microjoules (energy_uj) that wraps around at
// max_energy_range_uj. The counters are often readable by root only: then nothing is
// measured. A reading covers the whole package — every program running, not only the
// model — and neither the graphics card nor the rest of the machine.
package power
