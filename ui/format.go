package ui

import (
	"strconv"
	"strings"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// fmtFloat formats a number with prec decimals, with a decimal comma in French.
func fmtFloat(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if CurrentLanguage() == model.French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// wordCount counts the words of a text the way the analysis does.
func wordCount(s string) int { return analysis.WordCount(s) }
