package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names: proper names of people, organisations and places, and acronyms. Heuristics:
//
//   - a title (Mme, Mmes, M., MM., Madame, Monsieur, Mlle, Dr, Docteur, Pr, Professeur, Mr,
//     Mrs, Ms, Miss, Prof., Cllr, Councillor) followed by capitalised words is a name, anywhere: « Mme Claire
//     Laurent », « M. Diallo », "Dr. Amy Chen"; its Norm drops the title;
//   - otherwise a run of capitalised words joined by single spaces, with lower-case particles
//     between them (de, du, des, la, le, les, sur, sous, en, of, the, von, van, d', l') and
//     initials (J.-P. Martin), is a name: « Territoires Partagés », « Plan Local d'Urbanisme »,
//     "Friends of the Earth"; a hyphenated capitalised word is one word (Saint-Aubin-sur-Lys);
//   - at the start of a sentence (or list item, cell, quote, or after a colon) the first word is
//     capitalised anyway, so it only counts when it is an acronym, a hyphenated capitalised
//     word or a common first name; the rest of the run still counts (« Le Conseil Municipal »
//     gives « Conseil Municipal »);
//   - in headings, only titled names, acronyms and hyphenated capitalised words count, because
//     headings are often written in Title Case;
//   - acronyms are words of two or more capitals (ADEME, CCAS, PLU), except Roman numerals;
//   - never names: month and weekday names, "I", single capital letters other than initials.
//
// A name that the text only ever writes alone at the start of a sentence is therefore not
// found; a name that is not capitalised is not found either.

var (
	titles         = wordSet("mme mmes madame monsieur mesdames messieurs mlle mlles mademoiselle dr docteur pr professeur mr mrs ms miss prof cllr councillor councilor")
	dottedTitles   = wordSet("m mm")
	nameConnectors = wordSet("de du des la le les sur sous en lès lez of the von van der den")
	titleParticles = wordSet("de du des le la van von")
	notNames       = wordSet("i monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche")
)

// name reads a name at token i.
func (p *factParser) name(i int) (match, bool) {
	w := p.tok(i)
	if !isUpperStart(w) {
		return match{}, false
	}
	if k, ok := p.titleEnd(i); ok {
		end := p.nameRun(k)
		if end == k {
			return match{}, false
		}
		return p.fact(FactName, i, end, p.nameNorm(k, end)), true
	}
	if !p.isNameWord(i) {
		return match{}, false
	}
	t := p.toks[i]
	strong := isNameAcronym(w) || hyphenCap(w)
	if (t.heading && !strong) || (t.sentStart && !strong && !firstNames[foldName(w)]) {
		return match{}, false
	}
	end := p.nameRun(i)
	if p.is(end, tkDigits, false, gapNone) { // CO2, COP21
		end++
	}
	return p.fact(FactName, i, end, p.nameNorm(i, end)), true
}

// titleEnd returns the token after a title, its dot and particles, when a name follows.
func (p *factParser) titleEnd(i int) (int, bool) {
	w := p.lower(i)
	k := i + 1
	switch {
	case dottedTitles[w] && p.punctAt(k, ".", false):
		k++
	case titles[w]:
		if p.punctAt(k, ".", false) {
			k++
		}
	default:
		return 0, false
	}
	if !p.is(k, tkWord, false, gapSpace) {
		return 0, false
	}
	for titleParticles[p.tok(k)] && p.is(k+1, tkWord, false, gapSpace) && p.isNameWord(k+1) {
		k++
	}
	return k, p.isNameWord(k)
}

// nameRun returns the token after the run of name words starting at token i.
func (p *factParser) nameRun(i int) int {
	end := i
	for k, n := i, 0; p.isNameWord(k) && n < 6; n++ {
		k = p.afterInitial(k)
		end = k
		next, ok := p.nameLink(k)
		if !ok {
			return end
		}
		k = next
	}
	return end
}

// nameLink returns the next name word after a space, a particle (« de ») or an elision
// (« d' ») at token k.
func (p *factParser) nameLink(k int) (int, bool) {
	if !p.is(k, tkWord, false, gapSpace) {
		return k, false
	}
	switch w := p.tok(k); {
	case p.isNameWord(k):
		return k, true
	case nameConnectors[w] && p.is(k+1, tkWord, false, gapSpace) && p.isNameWord(k+1):
		return k + 1, true
	case (w == "d" || w == "l") && p.isApostrophe(k+1) && p.is(k+2, tkWord, false, gapNone) && p.isNameWord(k+2):
		return k + 2, true
	}
	return k, false
}

func (p *factParser) isApostrophe(k int) bool {
	return p.punctAt(k, "'", false) || p.punctAt(k, "’", false)
}

// afterInitial returns the token after an initial ("J.", "J.-P.") at k, or k+1.
func (p *factParser) afterInitial(k int) int {
	if utf8.RuneCountInString(p.tok(k)) != 1 || !p.punctAt(k+1, ".", false) {
		return k + 1
	}
	if p.punctAt(k+2, "-", false) && p.is(k+3, tkWord, false, gapNone) && utf8.RuneCountInString(p.tok(k+3)) == 1 && p.punctAt(k+4, ".", false) {
		return k + 5
	}
	return k + 2
}

// isNameWord reports a capitalised word that may be part of a name.
func (p *factParser) isNameWord(k int) bool {
	if k >= len(p.toks) || p.toks[k].kind != tkWord {
		return false
	}
	w := p.tok(k)
	if !isUpperStart(w) {
		return false
	}
	l := strings.ToLower(w)
	if titles[l] || notNames[l] || (dottedTitles[l] && p.punctAt(k+1, ".", false)) {
		return false
	}
	if info, ok := months[l]; ok && (info.english || p.is(k+1, tkDigits, false, gapSpace)) {
		return false
	}
	if isRoman(w) {
		return false
	}
	return utf8.RuneCountInString(w) > 1 || p.punctAt(k+1, ".", false)
}

// isRoman reports a short Roman numeral: XIV, II.
func isRoman(w string) bool {
	return len(w) <= 4 && strings.Trim(w, "IVXLCDM") == "" && (len(w) > 1 || w == "I")
}

// nameNorm folds the tokens from i to end into a name key: lower case, no accents, words
// separated by one space, « d' » glued to the next word.
func (p *factParser) nameNorm(i, end int) string {
	var b strings.Builder
	for k := i; k < end; k++ {
		t := p.toks[k]
		if t.gap != gapNone && b.Len() > 0 {
			b.WriteByte(' ')
		}
		if p.isApostrophe(k) {
			b.WriteByte('\'')
			continue
		}
		b.WriteString(foldName(p.tok(k)))
	}
	return b.String()
}

// foldName writes s in lower case without accents.
func foldName(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if f, ok := accentFold[r]; ok {
			b.WriteString(f)
			continue
		}
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var accentFold = func() map[rune]string {
	m := map[rune]string{'œ': "oe", 'æ': "ae", 'ß': "ss", '’': "'", '‐': "-"}
	for _, group := range strings.Fields("aàâäáãå cç eéèêë iîïíì nñ oôöóòõø uùûüú yÿý") {
		for _, r := range group[1:] {
			m[r] = group[:1]
		}
	}
	return m
}()

// isNameAcronym reports a word of two or more capitals that is not a Roman numeral.
func isNameAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && !isRoman(w)
}

// hyphenCap reports a capitalised word with a capital after a hyphen: Saint-Aubin.
func hyphenCap(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i-1] == '-' && isUpperStart(w[i:]) {
			return true
		}
	}
	return false
}
