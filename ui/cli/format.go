package cli

import (
	"strconv"
	"strings"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// fmtInt writes an integer with its thousands grouped as the interface language writes them:
// 2 000 000 in French (with no-break spaces, so a line never breaks inside), 2,000,000 in
// English.
func fmtInt(n int64) string {
	sep := ","
	if i18n.CurrentLanguage() == model.French {
		sep = "\u00a0"
	}
	s := strconv.FormatInt(n, 10)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(s[i])
	}
	return sign + b.String()
}

// fmtNumber writes v grouped like fmtInt when it is whole, with a decimal comma in French
// otherwise.
func fmtNumber(v float64) string {
	if v == float64(int64(v)) {
		return fmtInt(int64(v))
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i18n.CurrentLanguage() == model.French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
