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

// fmtInt writes an integer with thousands grouped: 12 345 in French (with a no-break space,
// which Fyne's wrapping respects, unlike the narrow one), 12,345 in English.
func fmtInt(n int) string {
	sep := ","
	if CurrentLanguage() == model.French {
		sep = "\u00a0"
	}
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// fmtCompact writes a count in a few characters that never wrap: 534, 1,5k, 32,8k, 131k in
// French; 1.5k, 2k in English.
func fmtCompact(n int) string {
	return compactCount(n, CurrentLanguage() == model.French)
}

// compactCount is fmtCompact with the decimal separator chosen by decimalComma: counts under
// 1,000 in full, then thousands with one decimal, dropped when it is 0, then whole thousands
// from 99,950.
func compactCount(n int, decimalComma bool) string {
	if n < 1000 {
		return strconv.Itoa(n)
	}
	if n >= 99_950 {
		return strconv.Itoa((n+500)/1000) + "k"
	}
	tenths := (n + 50) / 100
	s := strconv.Itoa(tenths / 10)
	if d := tenths % 10; d != 0 {
		sep := "."
		if decimalComma {
			sep = ","
		}
		s += sep + strconv.Itoa(d)
	}
	return s + "k"
}
