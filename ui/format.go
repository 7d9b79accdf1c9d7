package ui

import (
	"github.com/rapporteur/rapporteur/model/analysis"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// fmtFloat formats a number with prec decimals, with a decimal comma in French (i18n.Float).
func fmtFloat(v float64, prec int) string { return i18n.Float(v, prec) }

// wordCount counts the words of a text the way the analysis does.
func wordCount(s string) int { return analysis.WordCount(s) }

// fmtInt writes an integer with thousands grouped as the interface language does (i18n.Int).
func fmtInt(n int) string { return i18n.Int(n) }

// fmtCompact writes a count in a few characters that never wrap (i18n.Compact).
func fmtCompact(n int) string { return i18n.Compact(n) }
