package analysis

import (
	"slices"
	"strings"

	"github.com/rapporteur/rapporteur/model"
)

// Near-synonyms and opposites for sentence support. A summary rarely repeats the source's words:
// « craignent » for « redoutent », "fixed" for "repaired", « séance » for « réunion ». Each
// group below is a set of general words that a faithful report of a public meeting uses for one
// another; every word of a group is folded and stemmed as the texts are (see stem.go), and its
// stem is replaced by the group's first stem, on both sides of the comparison, so that they
// count as one term. A group that both sides use often weighs little, as any frequent word.
//
// The groups are general meeting-report vocabulary (saying, asking, fearing, proposing,
// deciding, building, repairing, opening and closing; people, places, bodies and meetings), not
// the words of any one report. Ambiguous words stay out: « poser » (a question, or a sign),
// « local » (premises, or local produce), "close" (to shut, or near), « louer » (to praise, or
// to rent), "report" (to tell, or the document).
//
// Opposites are pairs of groups: a variant sentence whose word is missing from its best source
// sentence while that sentence says the opposite (« saluent » where the source « regrette »,
// "rejected" where it "approved") loses that word's weight twice, once for the word it lacks
// and once for the contradiction.

// frenchSynonyms are the French groups, words separated by spaces, most common word first.
var frenchSynonyms = []string{
	// saying and telling
	"dire dit dits disent déclarer déclare déclarent affirmer indiquer souligner préciser " +
		"expliquer explique expliquent explication rappeler rappelle rappellent mentionner évoquer " +
		"raconter témoigner témoignage répondre répond répondent répondu signaler insister " +
		"remarquer observer exprimer exprime expriment",
	"estimer juger considérer penser pense pensent croire croit croient",
	// fearing and worrying
	"craindre craint craignent crainte craintes redouter peur inquiet inquiète inquiètes " +
		"inquiets inquiéter inquiètent inquiétude inquiétudes préoccuper préoccupation appréhender",
	// asking and wishing
	"demander demande demandes réclamer souhaiter souhait souhaits vouloir veut veulent voulu " +
		"voudrait voudraient désirer solliciter interroger interrogent interrogation questionner",
	"proposer proposition suggérer suggestion recommander recommandation préconiser",
	"décider décision décisions trancher",
	"choisir choix sélectionner sélection retenir retenu retenus retenue retenues retient retiennent",
	"accepter approuver approbation adopter valider validation entériner",
	"refuser refus rejeter rejet repousser écarter",
	"soutenir soutien soutient soutiennent appuyer défendre défend défendent favorable " +
		"favorables partisan partisane partisans plaider plaide plaident",
	"opposer opposé opposée opposés opposition contester contestation hostile hostiles",
	"saluer féliciter apprécier réjouir satisfait satisfaite satisfaits satisfaction",
	"regretter regret déplorer critiquer critique critiques dénoncer reprocher mécontent " +
		"mécontents mécontentement déçu déçus déception plainte plaintes plaindre plaint plaignent " +
		"doléance doléances",
	"prévoir prévoit prévoient prévu prévue prévus prévues envisager planifier",
	"commencer commence commencent début débuter démarrer démarrage",
	"informer avertir prévenir prévenu prévenus aviser",
	"montrer présenter présentation exposer démontrer",
	"étudier étude examiner analyser analyse",
	"interdire interdit interdiction",
	"autoriser autorisation",
	"supprimer suppression retirer retrait",
	"créer création ajouter ajout",
	"abandonner abandon renoncer annuler annulation",
	"maintenir maintien maintient maintiennent poursuivre continuer continue continuent confirmer confirmation",
	"améliorer amélioration",
	"dégrader dégradation détériorer détérioration aggraver abîmer abîmé abîmée abîmés abîmées endommager",
	// doing
	"installer installation implanter implantation",
	"réparer réparation réfection restaurer restauration rénover rénovation",
	"construire construit construisent construction bâtir édifier",
	"fermer fermeture",
	"ouvrir ouvert ouverte ouverts ouvertes ouvre ouvrent ouverture",
	"augmenter augmentation hausse croître croissance accroître",
	"baisser baisse diminuer diminution réduire réduit réduisent réduction perdre perd perdent perte",
	"nettoyer nettoyage",
	"gaspiller gaspillage gâchis",
	"tester test essai essayer expérimenter expérimentation",
	"stationner stationnement parking",
	"financer financement budget",
	// people, bodies, places, things
	"habitant habitante habitants habitantes résident résidente résidents riverain riveraine " +
		"riverains citoyen citoyenne citoyens",
	"participant participante participants personne personnes visiteur visiteurs visiteuse gens",
	"élu élue élus élues conseiller conseillère conseillers conseillères",
	"beaucoup nombreux nombreuses",
	"plusieurs certains certaines quelques",
	"commune mairie ville municipalité municipal municipale municipaux communal communale communaux " +
		"communales collectivité",
	"réunion séance rencontre assemblée",
	"travaux chantier chantiers",
	"voiture voitures véhicule véhicules automobile automobiles",
	"vélo vélos bicyclette bicyclettes",
	"endroit endroits lieu lieux espace espaces emplacement",
	"terre terres terrain terrains parcelle parcelles",
	"problème problèmes difficulté difficultés souci soucis",
	"coût coûts coûter coûteux coûteuse tarif tarifs cher chère chers onéreux",
	"sécurité sécuriser sécurisé sécurisée sûreté",
	"bruit bruits bruyant bruyante bruyants nuisance nuisances",
	"nuit nuits nocturne nocturnes",
	"commerce commerçant commerçants boutique boutiques magasin magasins",
	"sondage sondages questionnaire questionnaires",
	"vote votes voter scrutin",
	"nécessaire nécessaires indispensable indispensables essentiel essentielle",
	"logement logements appartement appartements",
	"entreprise entreprises prestataire prestataires",
	"engager engagement engagements promettre promet promettent promis promesse promesses",
	"manque manquer manquent insuffisance pénurie",
	"difficile difficiles compliqué compliquée compliqués",
	"danger dangers dangereux dangereuse risque risques",
	"accord consensus entente",
	"adapté adaptée adaptés adaptées adapter convenir convient conviennent approprié appropriée",
	"obliger oblige obligent obligation imposer impose imposent contraindre",
	"limiter limite limitent limitation freiner freine freinent restreindre",
	"élève élèves écolier écolière écoliers écolières collégien collégiens lycéen lycéens",
	"semaine semaines hebdomadaire hebdomadaires",
	"repas menu menus",
	"sauf excepté exception exceptions hormis",
	"souffrir souffre souffrent pâtir pâtit pâtissent subir",
	"successif successifs successive successives répété répétés répétée répétées répétition " +
		"répétitions récurrent récurrents récurrente récurrentes",
	"petit petite petits petites modeste modestes",
	"parcours circuit circuits itinéraire itinéraires trajet trajets",
}

// englishSynonyms are the English groups.
var englishSynonyms = []string{
	"say said says explain explained explains explanation mention " +
		"mentioned tell told reply replied answer answered remark remarked stress stressed " +
		"emphasise emphasised emphasize emphasized underline underlined express expressed " +
		"describe described",
	"think thinks thought believe believed consider considered weigh weighed weighing ponder",
	"fear fears feared afraid worry worried worries concern concerns concerned anxious",
	"ask asked asks request requested requests want wanted wants wish wished query queried",
	"propose proposed proposal suggest suggested suggestion recommend recommended recommendation",
	"decide decided decision decisions",
	"accept accepted approve approved approval adopt adopted endorse endorsed agree agreed agrees",
	"reject rejected refuse refused refusal decline declined",
	"support supported supports favour favoured favor favored",
	"oppose opposed opposition",
	"praise praised welcome welcomed commend commended applaud applauded",
	"criticise criticised criticize criticized criticism blame blamed",
	"complain complained complains complaint complaints",
	"plan plans planned intend intended",
	"begin began begun start started",
	"inform informed notify notified warn warned",
	"study studied examine examined assess assessed assessment evaluate evaluated evaluation",
	"install installed installing installation fit fitted fitting",
	"repair repaired repairs fix fixed mend mended",
	"build built building construct constructed construction",
	"closed closure closing shut",
	"open opened opening",
	"increase increased rise grow grew growth",
	"decrease decreased drop dropped reduce reduced reduction",
	"improve improved improvement",
	"worsen worsened deteriorate deteriorated",
	"abandon abandoned cancel cancelled canceled scrap scrapped",
	"keep kept maintain maintained continue continued confirm confirmed",
	"resident residents inhabitant inhabitants neighbour neighbours neighbor neighbors",
	"participant participants attendee attendees visitor visitors person persons people",
	"council councils municipality",
	"many numerous",
	"flat flats apartment apartments",
	"company companies firm firms",
	"promise promised pledge pledged commit committed commitment",
	"lack lacking shortage",
	"hard difficult",
	"danger dangerous risk risks hazard hazards",
	"meeting meetings session sessions gathering",
	"cars vehicle vehicles",
	"space spaces venue location",
	"problem problems issue issues difficulty difficulties trouble",
	"cost costs costly price prices expensive",
	"noise noisy loud",
	"safe safety secure security",
	"survey surveys poll questionnaire",
	"child children kid kids",
	"young youth teenager teenagers teen teens",
	"light lights lit lighting",
	"help helped assist assistance",
	"several various",
	"old former previous",
	"check checks checked inspect inspected inspection inspections",
}

// frenchOpposites and englishOpposites pair groups that say the opposite of each other, each
// group named by one of its words; a group has at most maxOpposites opposites.
var frenchOpposites = [][2]string{
	{"accepter", "refuser"}, {"accepter", "opposer"}, {"soutenir", "opposer"},
	{"soutenir", "refuser"}, {"saluer", "regretter"},
	{"fermer", "ouvrir"}, {"augmenter", "baisser"}, {"interdire", "autoriser"},
	{"améliorer", "dégrader"}, {"créer", "supprimer"}, {"abandonner", "maintenir"},
}

const maxOpposites = 2

var englishOpposites = [][2]string{
	{"accept", "reject"}, {"accept", "oppose"}, {"support", "oppose"}, {"support", "reject"},
	{"praise", "criticise"},
	{"closed", "open"}, {"increase", "decrease"}, {"improve", "worsen"}, {"abandon", "keep"},
}

// wordTable maps stems to the stem of their group, a group's stem to its opposites', and
// notes the groups of stance: those with an opposite, and those of support_claims.go.
type wordTable struct {
	canonical map[string]string
	opposite  map[string][]string
	stance    map[string]bool
}

var frenchTable, englishTable = newWordTable(slices.Concat(frenchSynonyms, frenchClaimGroups), frenchOpposites, frenchStance, model.French),
	newWordTable(slices.Concat(englishSynonyms, englishClaimGroups), englishOpposites, englishStance, model.English)

// tableFor returns the table of lang.
func tableFor(lang model.Language) *wordTable {
	if lang == model.English {
		return &englishTable
	}
	return &frenchTable
}

func newWordTable(groups []string, opposites [][2]string, stance []string, lang model.Language) wordTable {
	t := wordTable{canonical: map[string]string{}, opposite: map[string][]string{}, stance: map[string]bool{}}
	for _, g := range groups {
		words := strings.Fields(g)
		first := tableStem(words[0], lang)
		for _, w := range words {
			t.canonical[tableStem(w, lang)] = first
		}
	}
	for _, o := range opposites {
		a, b := t.canon(tableStem(o[0], lang)), t.canon(tableStem(o[1], lang))
		t.opposite[a], t.opposite[b] = append(t.opposite[a], b), append(t.opposite[b], a)
		t.stance[a], t.stance[b] = true, true
	}
	for _, w := range stance {
		t.stance[t.canon(tableStem(w, lang))] = true
	}
	return t
}

// tableStem folds and stems a word of a table as the texts' words are.
func tableStem(w string, lang model.Language) string {
	return string(stemWord(foldWord(nil, w), lang))
}

// canon returns the stem of the group of stem, or stem itself.
func (t *wordTable) canon(stem string) string {
	if c, ok := t.canonical[stem]; ok {
		return c
	}
	return stem
}
