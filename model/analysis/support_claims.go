package analysis

// Words that carry a sentence's claim. Beside the words of stance that have an opposite (see
// synonyms.go), three kinds of words decide what a sentence of a report claims, so that a
// summary that adds them without the source invents something even when every other word is
// the source's:
//
//   - outcomes and commitments: who decided, obtained, promised, agreed, conceded (« la mairie
//     a décidé », « les riverains ont obtenu », "the landlord agreed", « il a reconnu que »);
//   - actors: who said or did it (« les commerçants ont proposé » where the source's sentence
//     has « le conseil »);
//   - generalisation and intensity (« tous », « unanimement », « massivement »,
//     « définitivement », "all", "unanimously", "always"): see allWords.
//
// Outcome and actor groups are words of stance: when the best source sentence lacks them they
// weigh twice (see support_cues.go). Their words are general meeting-report vocabulary, not
// the words of any one report.

// frenchClaimGroups are French groups of outcome and actor words, added to frenchSynonyms.
var frenchClaimGroups = []string{
	"obtenir obtenu obtenue obtenus obtenues obtient obtiennent décrocher",
	"reconnaître reconnaît reconnaissent reconnu reconnue reconnus admettre admet admettent admis " +
		"concéder concède concèdent avouer",
	"parent parents",
	"enseignant enseignante enseignants enseignantes professeur professeurs instituteur institutrice",
	"association associations collectif",
	"agriculteur agricultrice agriculteurs agricultrices exploitant exploitants",
	"technicien technicienne techniciens techniciennes",
	"promeneur promeneuse promeneurs promeneuses randonneur randonneurs",
	"locataire locataires",
	"propriétaire propriétaires bailleur bailleurs",
	"jeune jeunes adolescent adolescents adolescente adolescentes",
	"animateur animatrice animateurs animatrices",
	"agent agents",
}

// frenchStance names, by one of their words, the French groups of stance that have no
// opposite.
var frenchStance = []string{
	"décider", "engager", "obtenir", "reconnaître",
	"habitant", "participant", "élu", "commerçant", "entreprise", "élève", "parent", "enseignant",
	"association", "agriculteur", "technicien", "promeneur", "locataire", "propriétaire", "jeune", "animateur", "agent",
}

// englishClaimGroups are English groups of outcome and actor words, added to englishSynonyms.
var englishClaimGroups = []string{
	"obtain obtained gain gained achieve achieved",
	"acknowledge acknowledged admit admitted concede conceded",
	"tenant tenants",
	"landlord landlords owner owners",
	"parent parents",
	"teacher teachers",
	"pupil pupils student students",
	"officer officers official officials",
	"councillor councillors councilor councilors",
	"shopkeeper shopkeepers trader traders retailer retailers",
	"farmer farmers",
	"volunteer volunteers",
}

// englishStance names the English groups of stance that have no opposite.
var englishStance = []string{
	"decide", "promise", "obtain", "acknowledge", "agree",
	"resident", "participant", "council", "young", "child", "company", "tenant", "landlord",
	"parent", "teacher", "pupil", "officer", "councillor", "shopkeeper", "farmer", "volunteer",
}

// isAllWord reports a folded word of generalisation or intensity. A sentence that has one
// holds one more term, allTerm, as a negated one holds negTerm; it is a word of stance.
func isAllWord(w []byte) bool {
	switch string(w) {
	case "tous", "toutes", "ensemble", "unanime", "unanimes", "unanimement", "unanimite",
		"massivement", "massif", "massive", "massifs", "massives", "totalement", "entierement",
		"integralement", "completement", "definitivement", "systematiquement", "toujours",
		"all", "every", "everyone", "everybody", "entire", "entirely", "whole", "unanimous",
		"unanimously", "always", "definitely", "permanently", "completely", "fully", "totally",
		"massively", "overwhelmingly", "systematically":
		return true
	}
	return false
}

// allTerm is the term of generalisation; no folded word has a '!'.
const allTerm = "!all"
