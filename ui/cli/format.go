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
func fmtInt(n int64) string { return i18n.Int(int(n)) }

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
