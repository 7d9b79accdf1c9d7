package analysis

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

// FactCheck compares a variant's facts with its source's. Kept and Lost list each fact once, with
// how many times the text states it (Fact.Count), so that their lengths are the numbers to show;
// Lost is ranked by what matters in a report (see facts_rank.go). Introduced lists every
// occurrence, so that each can be highlighted.
type FactCheck struct {
	Kept       []Fact `json:"kept"`       // facts of the variant also in the source, once each (first positions in the variant)
	Lost       []Fact `json:"lost"`       // facts of the source missing from the variant, once each, most important first (positions in the source)
	Introduced []Fact `json:"introduced"` // facts of the variant absent from the source — likely inventions (every position in the variant)
}

// CompareFacts compares the facts of variant with those of its source. See CompareFactsWith.
func CompareFacts(source, variant string, lang model.Language) FactCheck {
	return CompareFactsWith(Facts(source, lang), variant, lang)
}

// CompareFactsWith is CompareFacts with the source's facts already found by Facts, so that
// several variants of one source parse it once.
//
// Two facts are the same when they have the same kind and Norm, with these allowances, which
// apply both ways (a variant's fact is kept when the source has a matching one, a source's
// fact is lost when the variant has none):
//
//   - a number matches any fact carrying the same amount: a number, a percentage, an amount of
//     money, or the year of a date (« 45 » is backed by « 45 % », « 2025 » by « 17 juin 2025 »);
//     a percentage, money or a date does not match a bare number;
//   - number words and digits share their Norm (« dix » == « 10 »);
//   - a date without a year matches the same day of any year (« le 17 juin » == « 17/06/2025 »);
//     a month of the variant is kept when the source has a day of that month (« juin 2025 »
//     for « 17 juin 2025 ») though the source's day is then lost; a day of the variant does not
//     keep a month of the source, and is introduced when the source only gives its month;
//   - a whole hour matches the same number of hours as a duration (« 2 h » is ambiguous);
//   - names compare case and accents aside, without titles, by their last word: « Mme Laurent »
//     matches « Claire Laurent » and « Mme Claire Laurent »; when both have several words,
//     the shorter must end the longer (« Territoires Partagés » matches « Association
//     Territoires Partagés ») or their words must pair up, initials matching their words
//     (« C. Laurent » == « Claire Laurent », but « Paul Laurent » ≠ « Claire Laurent »); a
//     single word matches any word of a name (« Claire »), a hyphenated place its beginning
//     (« Saint-Aubin » == « Saint-Aubin-sur-Lys »), and an acronym the initials of a longer name
//     (« PLU » == « Plan Local d'Urbanisme »); a part of a longer name matches it (« Tom
//     Hargreaves » of "Tom Hargreaves of Playful Places"); an organisation's name (with particles, or
//     of four words or more) matches when all its words are words of names on the other side
//     (« Maison des Associations de Villeneuve-sur-Arve »), but a single word does not keep it.
func CompareFactsWith(sourceFacts []Fact, variant string, lang model.Language) FactCheck {
	return compareFactSets(sourceFacts, Facts(variant, lang), variant)
}

// compareFactSets is CompareFactsWith on facts already found in the variant. A name of the
// source that the variant writes without it being read as a name there (in a heading in
// capitals, at a sentence start) is not lost: the variant still says it.
func compareFactSets(sourceFacts, variantFacts []Fact, variant string) FactCheck {
	src, vi := newFactIndex(sourceFacts, true), newFactIndex(variantFacts, false)
	fc := FactCheck{Introduced: []Fact{}}
	kept, lost := make([]Fact, 0, len(variantFacts)), make([]Fact, 0, len(sourceFacts)/4)
	for _, f := range variantFacts {
		if src.has(f) {
			kept = append(kept, f)
		} else {
			fc.Introduced = append(fc.Introduced, f)
		}
	}
	var folded string // the variant in lower case without accents, when a name needs it
	for _, f := range sourceFacts {
		if vi.has(f) {
			continue
		}
		if f.Kind == FactName {
			if folded == "" {
				folded = foldName(Plain(variant)) // link addresses are not what the variant says
			}
			if containsWords(folded, f.Norm) {
				continue
			}
		}
		lost = append(lost, f)
	}
	fc.Kept, fc.Lost = listOnce(kept, false), listOnce(lost, true)
	rankLost(fc.Lost)
	return fc
}

type factKey struct {
	kind FactKind
	norm string
}

// factIndex answers whether a set of facts holds one matching a given fact.
type factIndex struct {
	exact   map[factKey]bool
	amounts map[string]bool
	// dates: month-day of every dated day, of dates without a year; year-month of every full
	// date and of months
	mdAll, mdNoYear, ymAll, ymNoDay map[string]bool
	names                           nameIndex
	source                          bool // the source's facts, to which a month matches any of its days
}

func newFactIndex(facts []Fact, source bool) *factIndex {
	ix := &factIndex{source: source, exact: make(map[factKey]bool, len(facts)), amounts: map[string]bool{},
		mdAll: map[string]bool{}, mdNoYear: map[string]bool{}, ymAll: map[string]bool{}, ymNoDay: map[string]bool{},
		names: newNameIndex()}
	for _, f := range facts {
		key := factKey{f.Kind, f.Norm}
		if ix.exact[key] {
			continue
		}
		ix.exact[key] = true
		switch f.Kind {
		case FactNumber:
			ix.amounts[f.Norm] = true
		case FactPercent:
			ix.amounts[strings.TrimSuffix(f.Norm, "%")] = true
		case FactMoney:
			amount, _, _ := strings.Cut(f.Norm, " ")
			ix.amounts[amount] = true
		case FactDate:
			ix.addDate(f.Norm)
		case FactName:
			ix.names.add(f)
		}
	}
	return ix
}

// addDate indexes "2025-06-17", "--06-17" or "2025-06".
func (ix *factIndex) addDate(norm string) {
	switch {
	case strings.HasPrefix(norm, "--"):
		ix.mdAll[norm[2:]] = true
		ix.mdNoYear[norm[2:]] = true
	case len(norm) == len("2025-06"):
		ix.ymAll[norm] = true
		ix.ymNoDay[norm] = true
		ix.amounts[norm[:4]] = true
	default:
		ix.mdAll[norm[5:]] = true
		ix.ymAll[norm[:7]] = true
		ix.amounts[norm[:4]] = true
	}
}

// has reports whether the index holds a fact matching f.
func (ix *factIndex) has(f Fact) bool {
	if ix.exact[factKey{f.Kind, f.Norm}] {
		return true
	}
	switch f.Kind {
	case FactNumber:
		return ix.amounts[f.Norm]
	case FactDate:
		return ix.hasDate(f.Norm)
	case FactName:
		return ix.names.has(f)
	case FactTime:
		h, ok := strings.CutSuffix(f.Norm, ":00")
		n, err := strconv.Atoi(h)
		return ok && err == nil && ix.exact[factKey{FactDuration, "PT" + strconv.Itoa(n*60) + "M"}]
	case FactDuration:
		m, ok := strings.CutPrefix(f.Norm, "PT")
		n, err := strconv.Atoi(strings.TrimSuffix(m, "M"))
		if !ok || err != nil || n%60 != 0 || n > 24*60 || !strings.HasSuffix(m, "M") {
			return false
		}
		var b strings.Builder
		pad2(&b, n/60)
		return ix.exact[factKey{FactTime, b.String() + ":00"}]
	}
	return false
}

func (ix *factIndex) hasDate(norm string) bool {
	switch {
	case strings.HasPrefix(norm, "--"):
		return ix.mdAll[norm[2:]]
	case len(norm) == len("2025-06"):
		return ix.ymAll[norm] && (ix.source || ix.ymNoDay[norm])
	case len(norm) == len("2025-06-17"):
		return ix.mdNoYear[norm[5:]]
	}
	return false
}

// nameIndex indexes names by their last word, by all their words, and by initials.
type nameIndex struct {
	byLast   map[string][]nameEntry
	words    map[string]bool
	initials map[string]bool
	acronyms map[string]bool
	pairs    map[[2]string]bool // adjacent words of names
}

func newNameIndex() nameIndex {
	return nameIndex{byLast: map[string][]nameEntry{}, words: map[string]bool{}, initials: map[string]bool{}, acronyms: map[string]bool{}, pairs: map[[2]string]bool{}}
}

// nameEntry is a name's words; org is set for names with particles or of four words or more,
// which a single word does not keep (« Marché » does not keep « Les Amis du Marché », though
// « Marché » is not an invention when the source has « Les Amis du Marché »).
type nameEntry struct {
	words []string
	org   bool
}

func isOrgName(norm string, ws []string) bool {
	return len(ws) >= 4 || strings.Count(norm, " ")+1 != len(ws) || strings.Contains(norm, "'")
}

func (ni *nameIndex) add(f Fact) {
	ws := nameWords(f.Norm)
	if len(ws) == 0 {
		return
	}
	last := ws[len(ws)-1]
	org := isOrgName(f.Norm, ws)
	ni.byLast[last] = append(ni.byLast[last], nameEntry{ws, org})
	for _, w := range ws {
		ni.words[w] = true
		for k := strings.IndexByte(w, '-'); k > 0; k = nextHyphen(w, k) {
			if strings.Contains(w[:k], "-") {
				ni.words[w[:k]] = true
			}
		}
	}
	for k := 1; k < len(ws); k++ {
		ni.pairs[[2]string{ws[k-1], ws[k]}] = true
	}
	if len(ws) > 1 {
		ni.initials[initials(ws)] = true
	} else if isNameAcronym(f.Text) {
		ni.acronyms[ws[0]] = true
	}
}

func nextHyphen(w string, k int) int {
	j := strings.IndexByte(w[k+1:], '-')
	if j < 0 {
		return -1
	}
	return k + 1 + j
}

func (ni *nameIndex) has(f Fact) bool {
	ws := nameWords(f.Norm)
	switch {
	case len(ws) == 0:
		return false
	case len(ws) == 1:
		w := ws[0]
		return ni.words[w] || ni.words[hyphenPrefix(w)] || (isNameAcronym(f.Text) && ni.initials[w])
	case ni.acronyms[initials(ws)]:
		return true
	}
	org := isOrgName(f.Norm, ws)
	for _, other := range ni.byLast[ws[len(ws)-1]] {
		if (len(other.words) > 1 || !org) && compatibleNames(ws, other.words) {
			return true
		}
	}
	return (org && ni.allWords(ws)) || ni.allPairs(ws)
}

// allPairs reports whether every two adjacent words are adjacent in some name: a part of a
// longer name (« Tom Hargreaves » of "Tom Hargreaves of Playful Places Ltd").
func (ni *nameIndex) allPairs(ws []string) bool {
	for k := 1; k < len(ws); k++ {
		if !ni.pairs[[2]string{ws[k-1], ws[k]}] {
			return false
		}
	}
	return true
}

// allWords reports whether every word is a word of some name: an organisation's name made of
// names (« Maison des Associations de Villeneuve-sur-Arve »).
func (ni *nameIndex) allWords(ws []string) bool {
	for _, w := range ws {
		if !ni.words[w] {
			return false
		}
	}
	return true
}

// hyphenPrefix returns the first two parts of a hyphenated word (saint-aubin of
// saint-aubin-sur-lys), or "".
func hyphenPrefix(w string) string {
	k := strings.IndexByte(w, '-')
	if k < 0 {
		return ""
	}
	if j := nextHyphen(w, k); j > 0 {
		return w[:j]
	}
	return ""
}

// nameWords returns the words of a name key without particles and elisions.
func nameWords(norm string) []string {
	fields := strings.Fields(norm)
	ws := fields[:0]
	for _, w := range fields {
		if nameConnectors[w] {
			continue
		}
		if k := strings.IndexByte(w, '\''); k >= 0 && k+1 < len(w) {
			w = w[k+1:]
		}
		ws = append(ws, w)
	}
	return ws
}

func initials(ws []string) string {
	b := make([]byte, 0, len(ws))
	for _, w := range ws {
		b = append(b, w[0])
	}
	return string(b)
}

// compatibleNames reports names with the same last word that may name the same person or body.
func compatibleNames(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 1 || equalWords(a, b[len(b)-len(a):]) {
		return true
	}
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		x, y := a[k], b[k]
		if x != y && !((strings.HasSuffix(x, ".") || strings.HasSuffix(y, ".")) && x[0] == y[0]) {
			return false
		}
	}
	return true
}

func equalWords(a, b []string) bool {
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// containsWords reports whether text holds words as whole words (both in lower case without
// accents).
func containsWords(text, words string) bool {
	if words == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(text[from:], words)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(words)
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (i == 0 || !isWordRune(before)) && (end == len(text) || !isWordRune(after)) {
			return true
		}
		from = i + 1
	}
}
