package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names: proper names of people, organisations and places, and acronyms. Heuristics:
//
//   - a title (Mme, Mmes, M., MM., Madame, Monsieur, Mlle, Dr, Docteur, Pr, Professeur, Mr,
//     Mrs, Ms, Miss, Prof., Cllr, Councillor) followed by capitalised words is a name, anywhere:
//     « Mme Claire Laurent », « M. Jean Dupont » (one fact), "Dr. Amy Chen"; its Norm drops the
//     title;
//   - otherwise a run of capitalised words joined by single spaces, with lower-case particles
//     between them (de, du, des, la, le, les, sur, sous, en, of, the, von, van, d', l', de l'),
//     ampersands ("Parks & Recreation"), initials (J.-P. Martin) and Irish prefixes (O'Brien), is
//     a name: « Territoires Partagés », « Plan Local d'Urbanisme », "Friends of the Earth"; a
//     hyphenated capitalised word is one word (Saint-Aubin-sur-Lys), and so are « Compar:IA »
//     and inclusive forms (« participant·e·s », « PARTICIPANT.E.S », never names); a person's
//     name stops before "of" ("Priya Sharma of Involve" is two names); an institution keeps its
//     adjective (« Parlement européen », « Conseil municipal »);
//   - roles are not names (« Conseiller numérique », "Senior Planner", "Cabinet Member for
//     Economic Development", see roleWords); a role before a name reads as a title ("Mayor Jane
//     Smith");
//   - at the start of a sentence (or list item, bullet, cell, quote, after a colon or a spaced
//     dash) the first word is capitalised anyway: the run counts when it starts with an
//     acronym, a hyphenated capitalised word, a common first name and a surname (« Matthieu
//     Brient »), or names a public body (« Mairie de Chambéry », "Ashford Borough Council");
//     after a function word the rest counts (« Le Conseil Municipal » gives « Conseil
//     Municipal »), after a common noun and a particle too (« Quartier des Tilleuls » gives
//     « Tilleuls »), after a kind of organisation the rest is its name (« Association Les
//     Potagers du Canal »); other runs (« Participation », « Compte-rendu Réunion ») are set
//     aside, and count only if the text names them elsewhere (facts_aside.go);
//   - in Markdown headings, only titled names, acronyms and hyphenated capitalised words count,
//     because headings are often written in Title Case; lines written in capitals (« PROPOS
//     LIMINAIRES », « VOS RETOURS ») give only the names the text gives elsewhere;
//   - acronyms are words of two or more capitals (ADEME, CCAS, PLU), except Roman numerals and
//     generic ones (IA, PDF…);
//   - never names: month and weekday names, languages, "I", single capital letters other than
//     initials.
//
// A name that is not capitalised is not found.

var (
	titles         = wordSet("mme mmes madame monsieur mesdames messieurs mlle mlles mademoiselle dr docteur pr professeur mr mrs ms miss prof cllr councillor councilor")
	dottedTitles   = wordSet("m mm")
	nameConnectors = wordSet("de du des la le les sur sous en lès lez of the von van der den")
	titleParticles = wordSet("de du des le la van von")
	notNames       = wordSet("i monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche")
)

// name reads a name at token i. Runs that are not names are skipped whole (a match without a
// kind), so that their later words are not read as names either; those at a sentence start or on
// a line in capitals are kept aside, and become names if the text names them elsewhere.
func (p *factParser) name(i int) (match, bool) {
	w := p.tok(i)
	if !isUpperStart(w) {
		return match{}, false
	}
	if k, ok := p.titleEnd(i); ok {
		return p.titledName(i, k)
	}
	if !p.isNameWord(i) {
		return match{}, false
	}
	end := p.nameRun(i)
	if p.is(end, tkDigits, false, gapNone) { // CO2, COP21
		end++
	}
	if m, ok := p.role(i, end); ok {
		return m, true
	}
	if end-i >= 2 && isFirstName(p.fold(i)) {
		p.surnames = append(p.surnames, p.fold(end-1))
	}
	return p.plainName(i, end)
}

// titledName reads the name after the title at token i, which starts at token k.
func (p *factParser) titledName(i, k int) (match, bool) {
	end := p.nameRun(k)
	if end == k {
		return match{}, false
	}
	p.surnames = append(p.surnames, p.fold(end-1))
	return p.fact(FactName, i, end, p.nameNorm(k, end)), true
}

// plainName reads the run of capitalised words from i to end, which is not a role.
func (p *factParser) plainName(i, end int) (match, bool) {
	w := p.tok(i)
	t := p.toks[i]
	strong := isNameAcronym(w) || hyphenCap(w)
	switch {
	case t.caps:
		return p.setAside(i, end), true
	case t.heading && !strong:
		return match{}, false
	case t.sentStart && !strong && !p.startsName(i, end):
		return p.sentenceStart(i, end), true
	}
	end = p.institutionAdjective(i, end)
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

// nameRun returns the token after the run of name words starting at token i. A person's name
// stops before "of" ("Priya Sharma of Involve" is two names).
func (p *factParser) nameRun(i int) int {
	end := i
	person := isFirstName(p.fold(i))
	for k, n := i, 0; p.isNameWord(k) && n < 6; n++ {
		k = p.afterInitial(k)
		end = k
		next, ok := p.nameLink(k, person)
		if !ok {
			return end
		}
		k = next
	}
	return end
}

// nameLink returns the next name word after a space, a particle (« de »), an ampersand ("Parks &
// Recreation") or an elision (« d' », « de l' ») at token k.
func (p *factParser) nameLink(k int, person bool) (int, bool) {
	if p.punctAt(k, "&", true) && p.is(k+1, tkWord, false, gapSpace) && p.isNameWord(k+1) {
		return k + 1, true
	}
	if !p.is(k, tkWord, false, gapSpace) {
		return k, false
	}
	switch w := p.tok(k); {
	case p.isNameWord(k):
		return k, true
	case w == "of" && person:
		return k, false
	case nameConnectors[w]:
		return p.afterParticle(k)
	case p.elision(k) && p.toks[k+2].gap == gapNone:
		return k + 2, true
	}
	return k, false
}

// afterParticle returns the name word after the particle at token k, or after the particle and
// an elision (« de l'Avenir »).
func (p *factParser) afterParticle(k int) (int, bool) {
	switch {
	case p.is(k+1, tkWord, false, gapSpace) && p.isNameWord(k+1):
		return k + 1, true
	case p.elision(k + 1):
		return k + 3, true
	}
	return k, false
}

// elision reports « d' » or « l' » at token k, glued to a name word.
func (p *factParser) elision(k int) bool {
	w := p.tok(k)
	return (w == "d" || w == "l") && p.is(k, tkWord, true, gapNone) && p.isApostrophe(k+1) &&
		p.is(k+2, tkWord, false, gapNone) && p.isNameWord(k+2)
}

func (p *factParser) isApostrophe(k int) bool {
	return p.punctAt(k, "'", false) || p.punctAt(k, "’", false)
}

// afterInitial returns the token after an initial ("J.", "J.-P.") or an Irish prefix ("O'Brien")
// at k, or k+1.
func (p *factParser) afterInitial(k int) int {
	if p.irishPrefix(k) {
		return k + 3
	}
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
	if !isUpperStart(w) || strings.IndexByte(w, '.') >= 0 || strings.Contains(w, "·") { // « PARTICIPANT.E.S »
		return false
	}
	if p.neverName(k, p.lower(k)) || isRoman(w) {
		return false
	}
	return utf8.RuneCountInString(w) > 1 || p.punctAt(k+1, ".", false) || p.irishPrefix(k)
}

// neverName reports a title, a weekday, a month, a generic acronym or a language: the word l,
// in lower case, at token k.
func (p *factParser) neverName(k int, l string) bool {
	if titles[l] || notNames[l] || notNameWords[l] || (dottedTitles[l] && p.punctAt(k+1, ".", false)) {
		return true
	}
	info, ok := months[l]
	return ok && (info.english || p.is(k+1, tkDigits, false, gapSpace))
}

// irishPrefix reports "O'" or "D'" glued to a capitalised word at token k: O'Brien, D'Souza.
func (p *factParser) irishPrefix(k int) bool {
	w := p.tok(k)
	return (w == "O" || w == "D") && p.isApostrophe(k+1) && p.is(k+2, tkWord, false, gapNone) && isUpperStart(p.tok(k+2))
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

// fold returns word k in lower case without accents, as foldName writes it.
func (p *factParser) fold(k int) string {
	l := p.lower(k)
	for i := 0; i < len(l); i++ {
		if l[i] >= utf8.RuneSelf {
			return foldName(l)
		}
	}
	return l
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
