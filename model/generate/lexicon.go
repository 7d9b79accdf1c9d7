package generate

import "strings"

// The words and phrases the decisions method looks for, in French and English. They are
// matched on the words of a sentence in lower case, with ’ turned into ' and quoted speech
// left out; a phrase matches whole words only.

// set returns the fields of list as a set.
func set(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// phrases returns the lines of list, each padded with a space at both ends.
func phrases(list string) []string {
	var out []string
	for _, l := range strings.Split(list, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, " "+l+" ")
		}
	}
	return out
}

var (
	// decidedWords state a decision whatever surrounds them.
	decidedWords = set(`décidé décidée décidés décidées décide décident décidons décidez decided`)

	// decisionParticiples state a decision after an auxiliary (« est retenu », « a validé »,
	// "was approved") or, in English, before an object ("approved the plan").
	decisionParticiples = set(`
retenu retenue retenus retenues validé validée validés validées adopté adoptée adoptés adoptées
approuvé approuvée approuvés approuvées acté actée actés actées arrêté arrêtée arrêtés arrêtées
voté votée votés votées entériné entérinée entérinés entérinées tranché tranchée tranchés tranchées
convenu convenue convenus convenues
agreed approved adopted endorsed resolved voted`)
	decisionAux = set(`est sont a ont avons avez ai été n'a n'ont is are was were been has have had`)
	// decisionObjects follow an English participle used as a verb.
	decisionObjects = set(`to that on upon the a an this these unanimously`)

	// decisionNouns hint at a decision: enough alone unless the sentence is in the past.
	decisionNouns = set(`décision décisions validé validée validés validées adopté adoptée adoptés adoptées
approuvé approuvée approuvés approuvées acté actée actés actées entériné entérinée convenu convenue
decision decisions approved adopted endorsed resolved`)

	decisionPhrases = phrases(`
il est convenu
pris la décision
prend la décision
prennent la décision
décision a été prise
décision est prise
décision :
décisions :
relevé de décisions
it was agreed
it is agreed
decision :`)

	// negations and what they deny, for the sentences saying that nothing was decided.
	negations   = set(`pas aucune aucun rien jamais no not nothing never`)
	deniedStems = []string{"décid", "décision", "tranch", "valid", "reten", "decid", "decision", "agree", "approv", "adopt"}

	// nextPhrases announce a next step alone.
	nextPhrases = phrases(`
prochaine étape
prochaines étapes
étape suivante
étapes suivantes
à faire
action :
actions :
suite à donner
suites à donner
se réunira
se réuniront
next step
next steps
action item
action items
to do :
to-do
follow-up
commits to
undertakes to
pledged to`)
	nextWords = set(`s'engage s'engagent s'engageons m'engage`)

	// weakWords and weakPhrases place a sentence in time (a date, a deadline, a schedule):
	// they announce a next step only with a future, an obligation or a plan.
	weakWords = set(`
calendrier échéance échéances échéancier d'ici jusqu'au jusqu'à jusqu'en jusqu'aux rendez-vous délai délais
prochain prochaine prochains prochaines prochainement bientôt 1er
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
lundi mardi mercredi jeudi vendredi samedi dimanche
deadline deadlines schedule scheduled timeline until upcoming
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday`)
	weakPhrases = phrases(`
avant le
avant la
avant les
avant fin
à partir du
à partir de
dès le
dès la
by the end
by end
by next
next week
next month
next year
next meeting`)

	// futureWords are future tenses; futureSuffixes end the other French future verbs.
	futureWords    = set(`sera seront serons serez aura auront devra devront devrons faudra ira iront will shall 'll`)
	futureSuffixes = []string{
		"era", "ira", "dra", "tra", "rra", "ura", "vra",
		"eront", "iront", "dront", "tront", "rront", "uront", "vront",
		"erons", "irons", "drons", "trons", "rrons", "urons", "vrons",
		"erez", "irez", "drez", "trez", "rrez", "urez", "vrez",
	}
	notFuture = set(`extra ultra contra mantra sierra camera era opera cetera chimera cholera riviera tundra hydra
environs citrons patrons marrons potirons escadrons chaudrons`)
	goWords = set(`va vont allons allez`)

	// obligationPhrases say what must or is planned to be done.
	obligationWords   = set(`doit doivent devons devez faut prévoit prévoient must`)
	obligationPhrases = phrases(`
reste à
restent à
est prévu
est prévue
sont prévus
sont prévues
est programmé
est programmée
sont programmés
sont programmées
est invité
est invitée
sont invités
sont invitées
need to
needs to
has to
have to
is due
are due
is to be
are to be
is scheduled
are scheduled
is planned
are planned
going to`)

	// opinionWords report a fear, a hope or a condition: a future under them is no plan.
	opinionWords = set(`si s'il s'ils if selon craignent craint craignons redoutent redoute estiment estime
pensent pense espèrent espère peut-être probablement fear fears worry worries worried think thinks
believe believes hope hopes perhaps maybe probably`)

	// pastWords are past tenses; avoirAux with a participle make a French compound past.
	pastWords = set(`était étaient avait avaient devait devaient fut furent was were had did`)
	avoirAux  = set(`a ont avons avez ai as n'a n'ont n'avons s'est`)
	adverbs   = set(`déjà bien aussi également notamment ensuite enfin d'abord ainsi beaucoup toujours souvent
pas ne encore alors tout très donc`)
	participleEnds = []string{"é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues",
		"it", "ite", "its", "ert", "erte", "erts", "eint", "fait", "faite", "faits"}
	notParticiple = set(`lieu droit priori fortiori un une plus deux trois moins peu`)
	notImparfait  = set(`fait lait trait portrait souhait attrait extrait retrait parfait abstrait satisfait
bienfait méfait forfait distrait plait aient`)
	passiveAux = set(`be been being is are am get gets`)
	notPastEd  = set(`indeed hundred proceed exceed succeed speed seed need feed breed greed bleed embed shed
based`)

	// headingWords announce a section of next steps in a heading, where no verb is needed.
	headingWords = set(`calendrier échéance échéances échéancier suite suites action actions rendez-vous
schedule timeline deadlines follow-up`)
)
