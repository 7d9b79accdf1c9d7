package analysis

import (
	"github.com/rapporteur/rapporteur/model"
)

// FactKind is the kind of a fact found in a text.
type FactKind string

// The kinds of facts.
const (
	FactNumber   FactKind = "number"
	FactPercent  FactKind = "percent"
	FactDate     FactKind = "date"
	FactTime     FactKind = "time"
	FactDuration FactKind = "duration"
	FactMoney    FactKind = "money"
	FactName     FactKind = "name"
	FactEmail    FactKind = "email"
	FactURL      FactKind = "url"
	FactPhone    FactKind = "phone"
)

// Fact is one fact found in a text: as written, normalised, and where.
type Fact struct {
	Kind FactKind `json:"kind"`
	// Text is the fact as written: Text == text[Start:End] ("45,5 %", "17 juin 2025",
	// "Mme Laurent").
	Text string `json:"text"`
	// Norm is a key shared by equal facts written differently:
	//
	//	number    "1250", "45.5", "3" (number words too); ordinals "#3" (3e, troisième, 3rd)
	//	percent   "45.5%"
	//	date      "2025-06-17"; without a year "--06-17"; a month and a year "2025-09"
	//	time      "10:00", "18:30" (24-hour clock)
	//	duration  "PT45M" (seconds, minutes and hours in minutes, or "PT30S"), "P14D" (days
	//	          and weeks in days), "P3M" (months and years in months)
	//	money     "480000 EUR", "5 USD", "12 GBP"
	//	name      lower case without accents and without the title: "claire laurent"
	//	email     lower case; url: lower case without the scheme, "www." or a final slash
	//	phone     the digits, French international numbers as national ones: "0123456789"
	Norm string `json:"norm"`
	// Start and End are byte offsets in the text the fact was found in.
	Start int `json:"start"`
	End   int `json:"end"`
	// Count is how many times the text states the fact: 1 in the lists of Facts and of
	// FactCheck.Introduced, which hold every occurrence; in FactCheck.Kept and FactCheck.Lost,
	// which list each fact once (at its first occurrence), the number of its occurrences, so that
	// the length of these lists is the number of facts kept or lost.
	Count int `json:"count"`
	// Decision reports a fact stated in a sentence that records a decision (« décidé »,
	// « validé », « adopté », « voté », "agreed", "decided"…): such facts rank first among the
	// lost ones (see facts_rank.go).
	Decision bool `json:"decision,omitempty"`
}

// Facts returns the facts of a Markdown text in order of position, without overlaps: where
// two readings overlap the longest wins, so a date is not also three numbers, a percentage,
// an amount of money or a duration is not also a number, and a phone number is not also a
// list of numbers.
//
// What is read (French and English, whatever lang says, except number words, which follow lang):
//
//   - numbers: 1250, 1 250 (with a space, U+00A0 or U+202F), 45,5 and, in French, 1.250;
//     in English 12,000 and 3.5; number words (see numberwords.go) other than « un », « une »
//     and "one", which are mostly articles, and than a lone « neuf » not followed by a
//     plural (« un bâtiment neuf »); ordinals 1er, 2e, 3ème, 21st; "2 millions", "1,2 million".
//     Not numbers: list numbering at a line start ("1. ", "2) "), section numbers at the start
//     of a heading ("## 2.1 Contexte"), digits glued after letters (CO2, A4, RN7), and dotted
//     sequences of three or more numbers (versions, addresses: 1.2.3);
//   - percentages: 45 %, 45%, 45,5 %, 45 pour cent, 45 percent, 45 per cent, « quarante pour cent »;
//   - dates: 17 juin 2025, 1er juillet, le 17 juin, June 17, 2025, 17 June 2025, 17th June,
//     septembre 2025, 17/06/2025, 17.06.2025, 17/06/25, 17/06, 2025-06-17; day ranges
//     « du 17 au 19 juin » give two dates. Numeric dates are read day first, month first only
//     when the second number cannot be a month (06/17/2025). English month names must be
//     capitalised ("may" is a verb);
//   - times: 10h00, 10h, 10 h, 10 h 30, 10:00, 9 am, 9:30 pm, 10 heures 30; ranges (18h30 à 21h00,
//     10 h – 12 h, « de 10 à 12 h »: the first number is a time too). « 2 h » or « 2 heures »
//     after « pendant », « durant », « en », "for", "during"… is a duration; « N heures » is a
//     time only after « à », « vers », « dès », « jusqu'à », « avant », « après », "at", "from",
//     "until"… Because « 2 h » stays ambiguous, CompareFacts treats a whole hour and the same
//     number of hours as a duration as equal;
//   - durations: a number (digits or words) and a unit: secondes, minutes, min, mn, heures,
//     h, jours, semaines, mois, ans, années and their English counterparts;
//   - money: 480 000 €, 480 000 euros, €12, 12 k€, 1,2 M€, 2 millions d'euros, $5, 5 dollars,
//     £3, 12 EUR, USD, GBP;
//   - names: see names in facts_names.go; e-mails, URLs and phone numbers: facts_contact.go.
func Facts(text string, lang model.Language) []Fact {
	p := newFactParser(text, lang)
	p.run()
	p.nameAside()
	p.markDecisions()
	return p.out
}

// factParser holds one text being read.
type factParser struct {
	text     string
	low      string // text with Latin capitals in lower case (lowerLatin)
	lang     model.Language
	toks     []token
	contacts []Fact // e-mails and URLs, found first on the raw text
	out      []Fact
	aside    []asideRun // capitalised runs that are names only if the text names them elsewhere
	surnames []string   // the last words of people's names (« Laurent » of « Mme Claire Laurent »)
	lastDate struct {   // the last date found, for the end of a range
		end  int
		norm string
	}
}

func newFactParser(text string, lang model.Language) *factParser {
	if lang != model.English {
		lang = model.French
	}
	return &factParser{text: text, low: lowerLatin(text), lang: lang, toks: tokenize(text), contacts: contacts(text)}
}

// match is what a matcher found at a token: a fact, or a span to skip (kind ""), and the
// index of the token after it.
type match struct {
	f   Fact
	end int
}

func (p *factParser) run() {
	ci := 0
	for i := 0; i < len(p.toks); {
		t := p.toks[i]
		if t.gap == gapLine || i == 0 {
			if j := p.skipNumbering(i); j > i {
				i = j
				continue
			}
		}
		for ci < len(p.contacts) && p.contacts[ci].Start < t.s {
			ci++ // overlapped by a fact found before
		}
		if ci < len(p.contacts) && p.contacts[ci].Start < t.e {
			p.out = append(p.out, p.contacts[ci])
			i = p.after(i, p.contacts[ci].End)
			ci++
			continue
		}
		m, ok := p.best(i)
		if !ok || (ci < len(p.contacts) && m.f.End > p.contacts[ci].Start) {
			i++
			continue
		}
		if m.f.Kind != "" {
			p.out = append(p.out, m.f)
		}
		if m.f.Kind == FactDate {
			p.lastDate.end, p.lastDate.norm = m.end, m.f.Norm
		}
		i = m.end
	}
}

// best returns the longest match at token i; on a tie the first matcher wins.
func (p *factParser) best(i int) (match, bool) {
	var b bestMatch
	switch p.toks[i].kind {
	case tkDigits:
		b.try(p.phone(i))
		b.try(p.numericDate(i))
		b.try(p.ratio(i))
		b.try(p.amountFact(i))
	case tkWord:
		l := p.lower(i)
		if _, ok := months[l]; ok {
			b.try(p.monthFirstDate(i))
		}
		if p.numberStart(l) {
			b.try(p.amountFact(i))
		}
		if isUpperStart(p.tok(i)) {
			b.try(p.name(i))
		}
	default:
		b.try(p.phone(i))
		b.try(p.moneyPrefix(i))
	}
	return b.m, b.found
}

// bestMatch keeps the longest of the matches tried; on a tie the first.
type bestMatch struct {
	m     match
	found bool
}

func (b *bestMatch) try(m match, ok bool) {
	if ok && (!b.found || m.end > b.m.end) {
		b.m, b.found = m, true
	}
}

// fact builds a match for the tokens i to end-1.
func (p *factParser) fact(kind FactKind, i, end int, norm string) match {
	s, e := p.toks[i].s, p.toks[end-1].e
	return match{f: Fact{Kind: kind, Text: p.text[s:e], Norm: norm, Start: s, End: e}, end: end}
}

// skipNumbering returns the token after the list or heading numbering that starts the line at
// token i, or i when there is none.
func (p *factParser) skipNumbering(i int) int {
	k, heading, ok := p.lineMarkers(i)
	if !ok || !p.numberingDigits(i, k) {
		return i
	}
	j := k + 1
	for heading && p.punctAt(j, ".", false) && p.is(j+1, tkDigits, false, gapNone) {
		j += 2
	}
	if p.listMarkerEnd(j) {
		return j + 1
	}
	if heading && p.is(j, tkWord, false, gapSpace) && isUpperStart(p.tok(j)) && p.month(j) == 0 {
		return j // "## 2 Contexte", not "## 17 Juin"
	}
	return i
}

// numberingDigits reports digits at token k that may number the line starting at token i.
func (p *factParser) numberingDigits(i, k int) bool {
	return k < len(p.toks) && p.toks[k].kind == tkDigits && (k == i || p.toks[k].gap != gapLine) && len(p.tok(k)) <= 9
}

// listMarkerEnd reports "." or ")" at j followed by a space: the end of "1. " or "2) ".
func (p *factParser) listMarkerEnd(j int) bool {
	return (p.punctAt(j, ".", false) || p.punctAt(j, ")", false)) && (j+1 >= len(p.toks) || p.toks[j+1].gap != gapNone)
}

// lineMarkers skips the heading, quote, list and table markers at the start of a line; it
// reports whether the line is a heading, and false when something else is found.
func (p *factParser) lineMarkers(i int) (int, bool, bool) {
	k, heading := i, false
	for k < len(p.toks) && p.toks[k].kind == tkPunct && (k == i || p.toks[k].gap != gapLine) {
		switch p.tok(k) {
		case "#":
			heading = true
		case ">", "-", "*", "+", "|":
		default:
			return k, heading, false
		}
		k++
	}
	return k, heading, true
}
