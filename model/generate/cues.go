package generate

import (
	"regexp"
	"strings"
	"unicode"
)

// stopWords are French and English words too common to say what a sentence is about.
var stopWords = func() map[string]bool {
	const list = `
au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs
lui ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son
sur ta te tes toi ton tu un une vos votre vous ça ceci cela celle celles celui ceux comme donc
est sont été être était étaient a ai as avait avaient ont avoir fait faire fut sera seront
y si plus moins très tout tous toute toutes aussi ainsi alors après avant bien car chez dont
encore entre ici là leur mais non oui peu puis quand quel quelle quels quelles sans selon sous
vers voici voilà afin lors dès également notamment chaque autre autres certains certaines
plusieurs deux trois premier première
the a an and or but of to in on at by for with from as is are was were be been being have has
had do does did not no yes this that these those it its they them their there here he she his
her we our you your i me my so than then too very can could would should may might must shall
about into over after before also just only more most some such what which who whom when where
why how all any both each few other own same up down out off again further once
`
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}()

// cue is what a sentence or a section heading announces.
type cue int

const (
	cueNone     cue = iota
	cueDecision     // a decision
	cueNext         // a next step
	cuePast         // nothing, in the past tense: it may belong to a section of decisions only
	cueTimed        // nothing but a date or a deadline: a next step in a section of either
	cueNever        // a question, an exclamation, or that nothing was decided: never picked
)

// words is a sentence prepared for the cue tests.
type words struct {
	list   []string // the words in lower case, ’ as ', without the quoted speech
	upper  []bool   // whether each word was capitalised
	padded string   // the words separated by one space, with a space at both ends
	raw    string   // the whole sentence in lower case
}

// split prepares plain for the cue tests. Words are runs of letters, digits, ', - and ·; a
// colon is a word of its own; text inside « » or “ ” is left out, being someone's words.
func split(plain string) words {
	w := words{raw: strings.ToLower(plain)}
	var cur strings.Builder
	upper, quoted := false, 0
	flush := func() {
		if cur.Len() > 0 {
			w.list, w.upper = append(w.list, cur.String()), append(w.upper, upper)
			cur.Reset()
		}
	}
	for _, r := range plain {
		switch {
		case r == '«' || r == '“':
			flush()
			quoted++
		case r == '»' || r == '”':
			flush()
			quoted = max(0, quoted-1)
		case quoted > 0:
		case wordRune(r):
			if cur.Len() == 0 {
				upper = unicode.IsUpper(r)
			}
			if r == '’' {
				r = '\''
			}
			cur.WriteRune(unicode.ToLower(r))
		case r == ':':
			flush()
			cur.WriteByte(':')
			flush()
		default:
			flush()
		}
	}
	flush()
	w.padded = " " + strings.Join(w.list, " ") + " "
	return w
}

// wordRune reports whether r belongs in a word: a letter, a digit, ', ’, - or ·.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-' || r == '·'
}

// containsAny reports whether one of the padded phrases is in w.
func (w words) containsAny(list []string) bool {
	for _, p := range list {
		if strings.Contains(w.padded, p) {
			return true
		}
	}
	return false
}

// anyWord reports whether one of the words, or what follows its elision (« l'échéance »),
// is in m.
func (w words) anyWord(m map[string]bool) bool {
	for _, s := range w.list {
		if m[s] || m[s[strings.LastIndexByte(s, '\'')+1:]] {
			return true
		}
	}
	return false
}

// word returns word i, or "" out of range.
func (w words) word(i int) string {
	if i < 0 || i >= len(w.list) {
		return ""
	}
	return w.list[i]
}

// cueOf returns what a sentence announces. A decision needs a decision cue; a next step needs
// a next-step cue, or a future, obligation or plan with a date or deadline, or a future alone
// outside a sentence in the past or reporting an opinion. A sentence in the past tense counts
// only with a decision cue; questions and sentences saying nothing was decided never count.
func cueOf(plain string) cue {
	w := split(plain)
	if question(w.raw) || noDecision(w) {
		return cueNever
	}
	if strongDecision(w) {
		return cueDecision
	}
	if nextCue(w) {
		return cueNext
	}
	future := hasFuture(w)
	if (future || obliged(w)) && timed(w) {
		return cueNext
	}
	return weakCue(w, future)
}

// nextCue reports a word or a phrase announcing a next step.
func nextCue(w words) bool {
	return w.anyWord(nextWords) || w.containsAny(nextPhrases)
}

// weakCue returns what a sentence with neither a strong decision nor a next-step cue
// announces; future tells whether it has a verb in the future tense.
func weakCue(w words, future bool) cue {
	past := inPast(w)
	switch {
	case past:
		return cuePast
	case w.anyWord(decisionNouns):
		return cueDecision
	case future && !w.anyWord(opinionWords):
		return cueNext
	case strings.HasSuffix(strings.TrimRight(w.raw, " »\"”)"), "!"):
		return cueNever
	case timed(w):
		return cueTimed
	}
	return cueNone
}

// obliged reports an obligation or a plan: « doit », « est prévu », "is due".
func obliged(w words) bool {
	return w.anyWord(obligationWords) || w.containsAny(obligationPhrases)
}

// headingCue returns what a section heading announces: a heading needs no verb, so a word of
// decision or of schedule is enough.
func headingCue(plain string) cue {
	w := split(plain)
	switch {
	case noDecision(w):
		return cueNone
	case strongDecision(w) || w.anyWord(decisionNouns):
		return cueDecision
	case w.anyWord(nextWords) || w.containsAny(nextPhrases) || w.anyWord(headingWords):
		return cueNext
	}
	return cueNone
}

// question reports a sentence ending on a question mark, before any closing quote.
func question(raw string) bool {
	return strings.HasSuffix(strings.TrimRight(raw, " »\"”)'"), "?")
}

// noDecision reports a negation followed closely by a word of deciding: « aucune décision »,
// « rien n'a été tranché », "not yet decided".
func noDecision(w words) bool {
	for i, s := range w.list {
		if !negations[s] {
			continue
		}
		for _, next := range w.list[i+1 : min(i+5, len(w.list))] {
			for _, stem := range deniedStems {
				if strings.HasPrefix(next, stem) {
					return true
				}
			}
		}
	}
	return false
}

// strongDecision reports a decision stated by a verb: « il a été décidé », « est retenu »,
// « ont validé », "agreed to", "approved the plan", or a phrase such as « décision : ».
func strongDecision(w words) bool {
	for i, s := range w.list {
		if decidedWords[s] {
			return true
		}
		if !decisionParticiples[s] {
			continue
		}
		prev := w.word(i - 1)
		for j := i - 1; j > 0 && (adverbs[prev] || strings.HasSuffix(prev, "ment")); j-- {
			prev = w.word(j - 1)
		}
		if decisionAux[prev] || (isASCII(s) && decisionObjects[w.word(i+1)]) {
			return true
		}
	}
	return w.containsAny(decisionPhrases)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// hasFuture reports a verb in the future tense: « sera », « présenteront », « va publier »,
// "will", "shall", "we'll".
func hasFuture(w words) bool {
	for i, s := range w.list {
		switch {
		case futureWords[s] || strings.HasSuffix(s, "'ll"):
			return true
		case goWords[s] && infinitive(w.word(i+1)):
			return true
		case !w.upper[i] && futureVerb(s):
			return true
		}
	}
	return false
}

// futureVerb reports a French verb in the future tense by its ending.
func futureVerb(s string) bool {
	s = s[strings.LastIndexByte(s, '\'')+1:]
	if len(s) < 4 || notFuture[s] {
		return false
	}
	for _, end := range futureSuffixes {
		if strings.HasSuffix(s, end) {
			return true
		}
	}
	return false
}

// infinitive reports a word shaped like a French infinitive.
func infinitive(s string) bool {
	return len(s) > 3 && (strings.HasSuffix(s, "er") || strings.HasSuffix(s, "ir") || strings.HasSuffix(s, "re") ||
		strings.HasSuffix(s, "oir"))
}

// timed reports a date, a deadline or a schedule.
func timed(w words) bool {
	if w.anyWord(weakWords) || w.containsAny(weakPhrases) {
		return true
	}
	for i, s := range w.list {
		if year(s) || (s == "may" && (number(w.word(i-1)) || number(w.word(i+1)))) {
			return true
		}
	}
	return false
}

// year reports a year of this century or the last.
func year(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) && number(s)
}

func number(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// inPast reports a verb in a past tense: « était », « devait », « a rappelé », « se sont
// répartis », "was", "presented".
func inPast(w words) bool {
	for i, s := range w.list {
		switch {
		case pastWords[s], imparfait(s), englishPast(s) && !passiveAux[w.word(i-1)]:
			return true
		case avoirAux[s] || (s == "sont" && w.word(i-1) == "se"):
			if participle(w, i+1) {
				return true
			}
		}
	}
	return false
}

// participle reports a past participle at word i, after any adverbs.
func participle(w words, i int) bool {
	for adverbs[w.word(i)] {
		i++
	}
	s := w.word(i)
	if s == "" || notParticiple[s] {
		return false
	}
	for _, end := range participleEnds {
		if strings.HasSuffix(s, end) {
			return true
		}
	}
	return false
}

// imparfait reports a French verb in the imperfect or the conditional by its ending.
func imparfait(s string) bool {
	return len(s) >= 5 && !notImparfait[s] && (strings.HasSuffix(s, "ait") || strings.HasSuffix(s, "aient"))
}

// englishPast reports an English verb in the simple past by its ending, leaving out the
// words of decision, which cueOf weighs itself.
func englishPast(s string) bool {
	return len(s) >= 5 && strings.HasSuffix(s, "ed") && isASCII(s) && !notPastEd[s] && !decisionParticiples[s]
}

// anaphora matches sentences opening on a pronoun, which read badly out of their context.
var anaphora = regexp.MustCompile(`^(Il|Elle|Ils|Elles|Ce|Cela|Celui-ci|Celle-ci|He|She|They|It|This|These)\b`)
