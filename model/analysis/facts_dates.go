package analysis

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// monthInfo is a month name: its number, whether it is English (then it must be capitalised)
// and whether it is an abbreviation (then a dot may follow).
type monthInfo struct {
	m           int
	english     bool
	abbreviated bool
}

var months = func() map[string]monthInfo {
	m := map[string]monthInfo{}
	add := func(names string, english, abbr bool) {
		for k, group := range strings.Split(names, ",") {
			for _, n := range strings.Fields(group) {
				m[n] = monthInfo{k + 1, english, abbr}
			}
		}
	}
	add("janvier,février fevrier,mars,avril,mai,juin,juillet,août aout,septembre,octobre,novembre,décembre decembre", false, false)
	add("janv,févr fév fevr,,avr,,,juil,,sept,oct,nov,déc dec", false, true)
	add("january,february,march,april,may,june,july,august,september,october,november,december", true, false)
	add("jan,feb,mar,apr,,jun,jul,aug,sep sept,oct,nov,dec", true, true)
	return m
}()

// monthAt returns the month named by token j and the token after the name (and after the
// dot of an abbreviation), or 0.
func (p *factParser) monthAt(j int) (int, int) {
	if j >= len(p.toks) || p.toks[j].kind != tkWord {
		return 0, j
	}
	info, ok := months[p.lower(j)]
	if !ok || (info.english && !isUpperStart(p.tok(j))) {
		return 0, j
	}
	if info.abbreviated && p.punctAt(j+1, ".", false) {
		return info.m, j + 2
	}
	return info.m, j + 1
}

// month returns the month named by token j, or 0.
func (p *factParser) month(j int) int {
	m, _ := p.monthAt(j)
	return m
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// dateNorm writes a date key: "2025-06-17", "--06-17" without a year, "2025-06" without a day.
func dateNorm(y, m, d int) string {
	var b strings.Builder
	if y > 0 {
		b.WriteString(strconv.Itoa(y))
	} else {
		b.WriteString("-")
	}
	b.WriteString("-")
	pad2(&b, m)
	if d > 0 {
		b.WriteString("-")
		pad2(&b, d)
	}
	return b.String()
}

func pad2(b *strings.Builder, n int) {
	if n < 10 {
		b.WriteByte('0')
	}
	b.WriteString(strconv.Itoa(n))
}

func validDate(m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= monthDays[m] }

// year reads a four-digit year after a space at token k.
func (p *factParser) year(k int) int {
	if !p.is(k, tkDigits, false, gapSpace) || len(p.tok(k)) != 4 {
		return 0
	}
	y, _ := strconv.Atoi(p.tok(k))
	if y < 1000 || y > 2999 {
		return 0
	}
	return y
}

// dayMonthDate reads « 17 juin 2025 », « 1er juillet », "17th June 2025" from the day a.
func (p *factParser) dayMonthDate(i int, a amount) (match, bool) {
	d := int(a.v)
	if a.v != float64(d) || !p.is(a.end, tkWord, false, gapSpace) {
		return match{}, false
	}
	m, k := p.monthAt(a.end)
	if !validDate(m, d) {
		return match{}, false
	}
	if y := p.year(k); y > 0 {
		return p.fact(FactDate, i, k+1, dateNorm(y, m, d)), true
	}
	return p.fact(FactDate, i, k, dateNorm(0, m, d)), true
}

// monthFirstDate reads "June 17, 2025", "June 17th", « septembre 2025 », "Sept. 2025".
func (p *factParser) monthFirstDate(i int) (match, bool) {
	m, k := p.monthAt(i)
	if m == 0 {
		return match{}, false
	}
	if y := p.year(k); y > 0 {
		return p.fact(FactDate, i, k+1, dateNorm(y, m, 0)), true
	}
	if !p.is(k, tkDigits, false, gapSpace) || len(p.tok(k)) > 2 {
		return match{}, false
	}
	d, _ := strconv.Atoi(p.tok(k))
	if !validDate(m, d) || (i > 0 && p.toks[i-1].kind == tkDigits) {
		return match{}, false
	}
	k++
	if p.is(k, tkWord, false, gapNone) && ordinalSuffixes[p.lower(k)] {
		k++
	}
	if p.punctAt(k, ",", false) && p.year(k+1) > 0 {
		return p.fact(FactDate, i, k+2, dateNorm(p.year(k+1), m, d)), true
	}
	if y := p.year(k); y > 0 {
		return p.fact(FactDate, i, k+1, dateNorm(y, m, d)), true
	}
	return p.fact(FactDate, i, k, dateNorm(0, m, d)), true
}

// numericDate reads 17/06/2025, 17.06.2025, 17-06-2025, 17/06/25, 2025-06-17 and 17/06.
func (p *factParser) numericDate(i int) (match, bool) {
	sep := p.tok(i + 1)
	if (sep != "/" && sep != "." && sep != "-") || !p.is(i+1, tkPunct, false, gapNone) ||
		!p.is(i+2, tkDigits, false, gapNone) || (i > 0 && p.toks[i].gap == gapNone && p.toks[i-1].kind == tkWord) {
		return match{}, false
	}
	third, end := "", i+3
	if p.punctAt(i+3, sep, false) && p.is(i+4, tkDigits, false, gapNone) {
		if p.dotted(i+5) || p.punctAt(i+5, sep, false) {
			return match{}, false // 1.2.3.4
		}
		third, end = p.tok(i+4), i+5
	}
	y, m, d := readNumericDate(p.tok(i), p.tok(i+2), third, sep)
	if m == 0 {
		return match{}, false
	}
	return p.fact(FactDate, i, end, dateNorm(y, m, d)), true
}

// readNumericDate returns the year (0 if none), month and day of a numeric date, or a zero month.
func readNumericDate(a, b, c, sep string) (int, int, int) {
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	z, _ := strconv.Atoi(c)
	if c == "" {
		return dayMonthOnly(a, b, sep, x, y)
	}
	switch {
	case len(a) == 4:
		if ok := len(b) <= 2 && len(c) <= 2 && sep != "."; ok && validDate(y, z) {
			return x, y, z
		}
	case len(a) <= 2 && len(b) <= 2 && (len(c) == 2 || len(c) == 4):
		return dayFirst(x, y, z, len(c) == 2)
	}
	return 0, 0, 0
}

// dayMonthOnly reads 17/06 (a slash and a two-digit month only).
func dayMonthOnly(a, b, sep string, x, y int) (int, int, int) {
	if len(a) <= 2 && len(b) == 2 && sep == "/" && validDate(y, x) {
		return 0, y, x
	}
	return 0, 0, 0
}

// dayFirst reads x/y/z as day, month, year, or as month, day, year when y cannot be a month.
func dayFirst(x, y, z int, shortYear bool) (int, int, int) {
	if shortYear {
		z += 2000
	}
	if !validDate(y, x) && validDate(x, y) {
		x, y = y, x // month first: 06/17/2025
	}
	if validDate(y, x) {
		return z, y, x
	}
	return 0, 0, 0
}

// Words before a number of hours that make it a time or a duration.
var (
	timeCues     = wordSet("à a vers dès jusqu avant après apres entre at from until till by around before after between")
	durationCues = wordSet("pendant durant en durée duree duré dure durera environ for during lasted lasts last took")
	rangeWords   = wordSet("à a au et to and until till")
)

// timeAt reads a time from the hour a: 10:00, 10h00, 10 h 30, 9 am, 10 heures 30, and
// durations written like times: « pendant 2 h », « en 1h30 ».
func (p *factParser) timeAt(i int, a amount) (match, bool) {
	h, j := int(a.v), a.end
	if h > 24 {
		return match{}, false
	}
	if p.punctAt(j, ":", false) && p.minutes(j+1, false) >= 0 {
		m, end := p.minutes(j+1, false), j+2
		if p.punctAt(end, ":", false) && p.minutes(end+1, false) >= 0 {
			end += 2
		}
		return p.clock(i, h, m, end)
	}
	if p.punctAt(j, ".", false) && p.minutes(j+1, false) >= 0 {
		if _, after, ok := p.meridiem(j + 2); ok {
			return p.clock(i, h, p.minutes(j+1, false), after)
		}
	}
	w := p.wordAt(j, true)
	switch {
	case w == "h":
		m, end := 0, j+1
		if p.minutes(end, true) >= 0 {
			m, end = p.minutes(end, true), end+1
		}
		if durationCues[p.prevWord(i)] {
			return p.fact(FactDuration, i, end, durationNorm(float64(h*60+m), "min")), true
		}
		return p.timeFact(i, h, m, end)
	case w == "heure" || w == "heures":
		return p.hoursWord(i, h, j+1)
	}
	return p.clock(i, h, 0, j)
}

// hoursWord decides whether « 10 heures » (and « 10 heures 30 ») at token i is a time or a duration.
func (p *factParser) hoursWord(i, h, end int) (match, bool) {
	m := 0
	if p.minutes(end, true) >= 0 && !p.is(end+1, tkWord, false, gapSpace) {
		m, end = p.minutes(end, true), end+1
	}
	prev := p.prevWord(i)
	if durationCues[prev] || (!timeCues[prev] && !p.rangeFollows(end) && m == 0) {
		return p.fact(FactDuration, i, end, durationNorm(float64(h*60+m), "min")), true
	}
	return p.timeFact(i, h, m, end)
}

// clock finishes a time read as digits: an optional am or pm after it, required when there
// are no minutes ("9 am").
func (p *factParser) clock(i, h, m, end int) (match, bool) {
	pm, after, ok := p.meridiem(end)
	switch {
	case ok && h >= 1 && h <= 12:
		h %= 12
		if pm {
			h += 12
		}
		return p.timeFact(i, h, m, after)
	case end == i+1: // a bare number
		return match{}, false
	}
	return p.timeFact(i, h, m, end)
}

func (p *factParser) timeFact(i, h, m, end int) (match, bool) {
	if h > 24 || m > 59 {
		return match{}, false
	}
	var b strings.Builder
	pad2(&b, h)
	b.WriteByte(':')
	pad2(&b, m)
	return p.fact(FactTime, i, end, b.String()), true
}

// minutes returns the two-digit minutes at token k, or -1.
func (p *factParser) minutes(k int, loose bool) int {
	if !p.is(k, tkDigits, loose, gapNone) || len(p.tok(k)) != 2 {
		return -1
	}
	m, _ := strconv.Atoi(p.tok(k))
	if m > 59 {
		return -1
	}
	return m
}

// meridiem reads am, pm, a.m., p.m. at token k.
func (p *factParser) meridiem(k int) (pm bool, end int, ok bool) {
	switch p.wordAt(k, true) {
	case "am":
		return false, k + 1, true
	case "pm":
		return true, k + 1, true
	case "a", "p":
		if p.punctAt(k+1, ".", false) && p.lower(k+2) == "m" && p.toks[k+2].gap == gapNone && p.punctAt(k+3, ".", false) {
			return p.lower(k) == "p", k + 4, true
		}
	}
	return false, 0, false
}

// rangeFollows reports "à 12 h", "- 21h00", "to 10:00" at token k.
func (p *factParser) rangeFollows(k int) bool {
	if p.is(k, tkPunct, true, gapNone) && strings.Contains("-–—", p.tok(k)) {
		return p.looksTime(k + 1)
	}
	return rangeWords[p.wordAt(k, false)] && p.looksTime(k+1)
}

// looksTime reports an hour written with h, a colon or « heures » at token k.
func (p *factParser) looksTime(k int) bool {
	if !p.is(k, tkDigits, true, gapNone) || len(p.tok(k)) > 2 {
		return false
	}
	if p.punctAt(k+1, ":", false) && p.minutes(k+2, false) >= 0 {
		return true
	}
	w := p.wordAt(k+1, true)
	return w == "h" || w == "heures" || w == "am" || w == "pm"
}

// rangeStart reads the first number of a range whose second number carries the unit:
// « de 10 à 12 h », « 10-12h » (times) and « du 17 au 19 juin » (dates).
func (p *factParser) rangeStart(i int, a amount) (match, bool) {
	k := a.end
	if !(p.is(k, tkPunct, true, gapNone) && strings.Contains("-–—", p.tok(k))) && !rangeWords[p.wordAt(k, false)] {
		return match{}, false
	}
	k++
	if w := p.wordAt(k, false); w == "le" || w == "the" {
		k++ // « entre le 2 et le 30 mai »
	}
	if a.v <= 24 && p.looksTime(k) {
		return p.timeFact(i, int(a.v), 0, i+1)
	}
	if !p.is(k, tkDigits, true, gapNone) || p.numberSign(i) {
		return match{}, false
	}
	return p.dayRangeStart(i, k, a)
}

// dayRangeStart reads the first day a of a range whose second day, at token k, carries the month.
func (p *factParser) dayRangeStart(i, k int, a amount) (match, bool) {
	b, ok := p.digitsAmount(k)
	if !ok || !b.plain || a.v < 1 {
		return match{}, false
	}
	m, ok := p.dayMonthDate(k, b)
	if !ok || !validDate(atoi2(m.f.Norm[len(m.f.Norm)-5:]), int(a.v)) {
		return match{}, false
	}
	norm := m.f.Norm[:len(m.f.Norm)-2] + dateNorm(0, 1, int(a.v))[len("--01-"):]
	return p.fact(FactDate, i, i+1, norm), true
}

// atoi2 reads the month of "MM-DD".
func atoi2(s string) int {
	n, _ := strconv.Atoi(s[:2])
	return n
}

// rangeEnd reads the last day of a range whose first day carries the month: "February 3–28",
// "June 17 and 18".
func (p *factParser) rangeEnd(i int, a amount) (match, bool) {
	k := i - 1
	if k < 1 || p.lastDate.end != k || len(p.lastDate.norm) != len("--06-17") && len(p.lastDate.norm) != len("2025-06-17") {
		return match{}, false
	}
	if !(p.toks[k].kind == tkPunct && strings.Contains("-–—", p.tok(k))) && !rangeWords[p.lower(k)] {
		return match{}, false
	}
	norm := p.lastDate.norm
	if d := int(a.v); !validDate(atoi2(norm[len(norm)-5:]), d) {
		return match{}, false
	}
	return p.fact(FactDate, i, i+1, norm[:len(norm)-2]+dateNorm(0, 1, int(a.v))[len("--01-"):]), true
}
