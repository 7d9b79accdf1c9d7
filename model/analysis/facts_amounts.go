package analysis

import (
	"math"
	"strconv"
	"strings"

	"github.com/rapporteur/rapporteur/model"
)

// amount is a number read at a token, in digits or in words.
type amount struct {
	v       float64
	end     int  // the token after it
	words   bool // written in words
	ordinal bool // 1er, 2e, 21st, troisième
	plain   bool // one run of digits, no separators: may be a day or an hour
	junk    bool // dotted numbers (1.2.3): nothing to report
}

// amount reads a number at token i.
func (p *factParser) amount(i int) (amount, bool) {
	if p.toks[i].kind == tkWord {
		v, end, ord, ok := p.numberWords(i)
		if !ok {
			return amount{}, false
		}
		a := amount{v: float64(v), end: end, words: true, ordinal: ord}
		a.v, a.end = p.scale(a.end, a.v)
		return a, true
	}
	return p.digitsAmount(i)
}

// digitsAmount reads a number written in digits at token i.
func (p *factParser) digitsAmount(i int) (amount, bool) {
	if i > 0 && p.toks[i].gap == gapNone && p.toks[i-1].kind != tkPunct {
		return amount{}, false // CO2, A4, RN7
	}
	num, j := p.thousands(i)
	frac, j, junk := p.fraction(j)
	if junk {
		return amount{end: j, junk: true}, true
	}
	v, err := strconv.ParseFloat(num+"."+frac+"0", 64)
	if err != nil {
		return amount{}, false
	}
	a := amount{v: v, end: j, plain: j == i+1}
	if frac == "" && p.is(j, tkWord, false, gapNone) && ordinalSuffixes[p.lower(j)] {
		a.ordinal, a.plain, a.end = true, false, j+1
		return a, true
	}
	if v2, end := p.scale(j, v); end > j {
		a.v, a.end, a.plain = v2, end, false
	}
	return a, true
}

// fraction reads the decimals at token j: ",5" in French, ".5" in either language. junk
// reports a dotted sequence of numbers (1.2.3), read to its end.
func (p *factParser) fraction(j int) (string, int, bool) {
	dec := ","
	if p.lang == model.English {
		dec = "."
	}
	if !(p.punctAt(j, dec, false) || p.punctAt(j, ".", false)) || !p.is(j+1, tkDigits, false, gapNone) {
		return "", j, false
	}
	frac := p.tok(j + 1)
	j += 2
	if !p.dotted(j) {
		return frac, j, false
	}
	for p.dotted(j) {
		j += 2
	}
	return "", j, true
}

// dotted reports a further ".3" or ",3" glued after a decimal number.
func (p *factParser) dotted(j int) bool {
	return (p.punctAt(j, ".", false) || p.punctAt(j, ",", false)) && p.is(j+1, tkDigits, false, gapNone)
}

var ordinalSuffixes = map[string]bool{"er": true, "re": true, "ère": true, "e": true, "ème": true,
	"eme": true, "è": true, "ᵉ": true, "st": true, "nd": true, "rd": true, "th": true}

// thousands reads the digits at token i with their groups of three: "1 250" (with a space or a
// no-break space), "1.250" in French, "1,250" in English. It returns the digits and the next token.
func (p *factParser) thousands(i int) (string, int) {
	num := p.tok(i)
	j := i + 1
	if len(num) > 3 {
		return num, j
	}
	sep := "."
	if p.lang == model.English {
		sep = ","
	}
	spaced := p.spaceGroup(j)
	for {
		switch {
		case spaced && p.spaceGroup(j):
			num += p.tok(j)
			j++
		case !spaced && p.punctAt(j, sep, false) && p.is(j+1, tkDigits, false, gapNone) && len(p.tok(j+1)) == 3:
			num += p.tok(j + 1)
			j += 2
		default:
			return num, j
		}
	}
}

// spaceGroup reports three digits after a single space character.
func (p *factParser) spaceGroup(j int) bool {
	return p.is(j, tkDigits, false, gapSpace) && len(p.tok(j)) == 3 && p.toks[j].s-p.toks[j-1].e <= 3
}

// scale applies "2 millions", "1,2 milliard", "3 billion" after a number.
func (p *factParser) scale(j int, v float64) (float64, int) {
	switch p.wordAt(j, false) {
	case "million", "millions":
		return v * 1e6, j + 1
	case "milliard", "milliards":
		return v * 1e9, j + 1
	case "billion", "billions", "bn":
		if p.lang == model.English {
			return v * 1e9, j + 1
		}
	}
	return v, j
}

// formatNum writes a number for a Norm: no grouping, a dot, no trailing zeros.
func formatNum(v float64) string {
	if math.Abs(v) < 1e12 {
		v = math.Round(v*1e6) / 1e6
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// amountFact reads a number at token i and what it measures.
func (p *factParser) amountFact(i int) (match, bool) {
	a, ok := p.amount(i)
	if !ok {
		return match{}, false
	}
	if a.junk {
		return match{end: a.end}, true
	}
	var best match
	found := false
	try := func(m match, ok bool) {
		if ok && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	try(p.unitAfter(i, a))
	if t := p.tok(i); !a.words && len(t) <= 2 {
		h, _ := strconv.Atoi(t) // the hour of 10:30, 9.30 am
		try(p.timeAt(i, amount{v: float64(h), end: i + 1, plain: true}))
	}
	if a.plain {
		try(p.rangeStart(i, a))
		try(p.rangeEnd(i, a))
	}
	if a.plain || (a.ordinal && !a.words) {
		try(p.dayMonthDate(i, a))
	}
	if !found {
		return p.bareNumber(i, a)
	}
	return best, true
}

// bareNumber reports a number measuring nothing known.
func (p *factParser) bareNumber(i int, a amount) (match, bool) {
	if a.words && a.end == i+1 {
		switch p.lower(i) {
		case "un", "une", "one":
			return match{}, false
		case "first", "second", "premier", "première", "seconde":
			return match{}, false
		case "neuf": // « un bâtiment neuf »: a number only before a plural
			if w := p.wordAt(i+1, false); !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "x") {
				return match{}, false
			}
		}
	}
	norm := formatNum(a.v)
	if a.ordinal {
		norm = "#" + norm
	}
	return p.fact(FactNumber, i, a.end, norm), true
}

// unitAfter reads a percentage, an amount of money or a duration after the amount a.
func (p *factParser) unitAfter(i int, a amount) (match, bool) {
	if a.ordinal {
		return match{}, false
	}
	j := a.end
	if end := p.percentSign(j); end > j {
		return p.fact(FactPercent, i, end, formatNum(a.v)+"%"), true
	}
	if code, end, mult, ok := p.currency(j, !a.plain || a.words); ok {
		return p.fact(FactMoney, i, end, formatNum(a.v*mult)+" "+code), true
	}
	return p.durationAfter(i, a)
}

// percentSign returns the token after "%", « pour cent », "percent" or "per cent" at j, or j.
func (p *factParser) percentSign(j int) int {
	if p.punctAt(j, "%", true) {
		return j + 1
	}
	switch w := p.wordAt(j, false); {
	case w == "pourcent" || w == "percent":
		return j + 1
	case (w == "pour" || w == "per") && p.wordAt(j+1, false) == "cent":
		return j + 2
	}
	return j
}

// durationAfter reads a duration unit after the amount a.
func (p *factParser) durationAfter(i int, a amount) (match, bool) {
	j := a.end
	hyphen := p.punctAt(j, "-", false) && p.is(j+1, tkWord, false, gapNone)
	if hyphen {
		j++ // "a 3-month trial"
	}
	w := p.wordAt(j, true)
	unit, ok := durationUnits[w]
	frenchHour := w == "h" || w == "heure" || w == "heures" // timeAt decides
	if !ok || (frenchHour && a.plain && a.v <= 24) || (p.toks[j].gap == gapNone && len(w) > 3 && !hyphen) {
		return match{}, false
	}
	return p.fact(FactDuration, i, j+1, durationNorm(a.v, unit)), true
}

var durationUnits = map[string]string{
	"seconde": "s", "secondes": "s", "seconds": "s", "sec": "s",
	"minute": "min", "minutes": "min", "min": "min", "mn": "min", "mins": "min",
	"heure": "h", "heures": "h", "h": "h", "hour": "h", "hours": "h", "hr": "h", "hrs": "h",
	"jour": "d", "jours": "d", "journée": "d", "journées": "d", "day": "d", "days": "d",
	"semaine": "w", "semaines": "w", "week": "w", "weeks": "w",
	"mois": "mo", "month": "mo", "months": "mo",
	"an": "y", "ans": "y", "année": "y", "années": "y", "annee": "y", "annees": "y", "year": "y", "years": "y",
}

// durationNorm writes a duration in seconds, minutes, days or months.
func durationNorm(v float64, unit string) string {
	switch unit {
	case "s":
		return "PT" + formatNum(v) + "S"
	case "min":
		return "PT" + formatNum(v) + "M"
	case "h":
		return "PT" + formatNum(v*60) + "M"
	case "d":
		return "P" + formatNum(v) + "D"
	case "w":
		return "P" + formatNum(v*7) + "D"
	case "y":
		return "P" + formatNum(v*12) + "M"
	}
	return "P" + formatNum(v) + "M"
}

var currencySymbols = map[string]string{"€": "EUR", "$": "USD", "£": "GBP"}

var currencyWords = map[string]string{"euro": "EUR", "euros": "EUR", "eur": "EUR", "dollar": "USD",
	"dollars": "USD", "usd": "USD", "gbp": "GBP", "pounds": "GBP", "pound": "GBP"}

var moneyScales = map[string]float64{"k": 1e3, "K": 1e3, "M": 1e6, "Md": 1e9, "Mds": 1e9, "Mrd": 1e9, "bn": 1e9}

// currency reads a currency at token j: "€", "euros", "k€", "M€", and after a scaled amount
// « d'euros », « de dollars ». It returns the currency code, the token after it and a factor.
func (p *factParser) currency(j int, scaled bool) (string, int, float64, bool) {
	mult := 1.0
	if m, ok := moneyScales[p.tok(j)]; ok && p.is(j, tkWord, true, gapNone) {
		if code, ok := currencySymbols[p.tok(j+1)]; ok && p.is(j+1, tkPunct, true, gapNone) {
			return code, j + 2, m, true
		}
		return "", 0, 0, false
	}
	if code, ok := currencySymbols[p.tok(j)]; ok && p.is(j, tkPunct, true, gapNone) {
		return code, j + 1, mult, true
	}
	if scaled {
		j = p.skipDe(j)
	}
	if code, ok := currencyWords[p.wordAt(j, j > 0 && p.isApostrophe(j-1))]; ok {
		return code, j + 1, mult, true
	}
	return "", 0, 0, false
}

// skipDe skips « d' » or « de » before a currency: « 2 millions d'euros ».
func (p *factParser) skipDe(j int) int {
	switch p.wordAt(j, false) {
	case "d":
		if p.isApostrophe(j+1) && p.is(j+2, tkWord, false, gapNone) {
			return j + 2
		}
	case "de":
		return j + 1
	}
	return j
}

// moneyPrefix reads "€12", "$5", "£1.5 million", "$12k" at token i.
func (p *factParser) moneyPrefix(i int) (match, bool) {
	code, ok := currencySymbols[p.tok(i)]
	if !ok || !p.is(i+1, tkDigits, true, gapNone) {
		return match{}, false
	}
	a, ok := p.digitsAmount(i + 1)
	if !ok || a.junk || a.ordinal {
		return match{}, false
	}
	end := a.end
	m, ok := moneyScales[p.tok(end)]
	if p.tok(end) == "m" { // "£4.2m"
		m, ok = 1e6, true
	}
	if ok && p.is(end, tkWord, false, gapNone) {
		a.v *= m
		end++
	}
	return p.fact(FactMoney, i, end, formatNum(a.v)+" "+code), true
}

// numberSign reports « n° », « no », "#" or « numéro » before token i: « séance n° 4 – 15
// octobre » numbers a session, it is no range of days.
func (p *factParser) numberSign(i int) bool {
	switch p.tok(i - 1) {
	case "°", "#", "nº", "no", "No", "numéro", "number":
		return true
	}
	return false
}

// ratio reads a scale or a ratio, « 1/500 », « 3/5 », "24/7", which is no date: one number.
func (p *factParser) ratio(i int) (match, bool) {
	a, b := p.tok(i), p.tok(i+2)
	if len(a) > 3 || !p.punctAt(i+1, "/", false) || !p.is(i+2, tkDigits, false, gapNone) ||
		p.punctAt(i+3, "/", false) || (i > 0 && p.toks[i].gap == gapNone && p.toks[i-1].kind != tkPunct) ||
		(len(b) == 4 && (b[:2] == "19" || b[:2] == "20")) || gluedAfter(p.text, p.toks[i+2].e) {
		return match{}, false
	}
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	return p.fact(FactNumber, i, i+3, strconv.Itoa(x)+"/"+strconv.Itoa(y)), true
}
