// Package model holds Rapporteur's domain types — reports and their frozen revisions,
// presets and templates, specs, runs, variants with their measurements (Stats), votes,
// critiques and review marks, shared preset files — with their validation, and the small
// text helpers every layer uses (folding, slugs, clean names, dates). It knows nothing of
// widgets, storage or engines, and imports no Fyne.
package model
