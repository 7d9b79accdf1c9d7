package generate

import (
	"regexp"
	"strings"
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

// The cues of decisions and next steps, matched on lower-case text with ’ turned into '.
var (
	decisionCue = regexp.MustCompile(`(a|ont|est|sont|avons|a été|ont été) (été )?(décidé|retenu|validé|adopté|approuvé|acté|arrêté|voté)` +
		`|\bdécid|\bdécision|il est convenu|\bconvenu|\bvalid[ée]|\badopt[ée]|\bapprouv|\bact[ée]e?s?\b|relevé de` +
		`|\bdecided\b|\bdecision|\bagreed\b|\bapproved\b|\badopted\b|\bresolved\b|\bendorsed\b|\bvoted\b`)
	nextCue = regexp.MustCompile(`prochaines? étapes?|\bsera\b|\bseront\b|\bs'engagen?t?\b|\bd'ici\b|\bavant le\b` +
		`|échéance|calendrier|\bactions?\b|à faire|se réunira|\bsuites? à donner|\brendez-vous\b|\bd'ici (la|le|fin)` +
		`|\bnext steps?\b|\bwill\b|\bdeadline|\bfollow[- ]?up\b|\bto do\b|\bschedule|\baction items?\b` +
		`|\bby (january|february|march|april|may|june|july|august|september|october|november|december|the end|next)\b`)
)

// noDecision matches sentences saying that nothing was decided.
var noDecision = regexp.MustCompile(`aucune décision|pas (encore )?(été )?(de décision|décidé|tranché)|\bno decision|\bnot (yet )?(been )?decided`)

// cue is what a sentence or a section heading announces.
type cue int

const (
	cueNone cue = iota
	cueDecision
	cueNext
)

// cueOf returns what a plain text announces: a decision first, else a next step. Questions
// and sentences saying nothing was decided announce neither.
func cueOf(plain string) cue {
	s := strings.ReplaceAll(strings.ToLower(plain), "’", "'")
	switch {
	case strings.HasSuffix(s, "?") || noDecision.MatchString(s):
		return cueNone
	case decisionCue.MatchString(s):
		return cueDecision
	case nextCue.MatchString(s):
		return cueNext
	}
	return cueNone
}

// anaphora matches sentences opening on a pronoun, which read badly out of their context.
var anaphora = regexp.MustCompile(`^(Il|Elle|Ils|Elles|Ce|Cela|Celui-ci|Celle-ci|He|She|They|It|This|These)\b`)
