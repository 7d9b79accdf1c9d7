// Package cli is Rapporteur's command line: headless subcommands (presets, models, compare,
// check, render, import, help) that share the engines, presets, analysis and exports of the
// desktop application through model/workflow and never open a window. It does not import
// the GUI package, so it builds without cgo (see cmd/rapporteur-cli).
package cli
