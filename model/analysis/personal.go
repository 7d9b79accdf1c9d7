package analysis

import (
	"strings"

	"github.com/rapporteur/rapporteur/model"
)

// PersonalKind is the kind of a piece of personal data.
type PersonalKind string

// The kinds of personal data.
const (
	PersonalEmail  PersonalKind = "email"
	PersonalPhone  PersonalKind = "phone"
	PersonalPerson PersonalKind = "person"
)

// Personal is one piece of personal data found in a text; Text == text[Start:End].
type Personal struct {
	Kind       PersonalKind `json:"kind"`
	Text       string       `json:"text"`
	Start, End int
	// Public is true for a person named in a public role (an elected official, a member of
	// staff: « Mme Sophie Martin, adjointe au maire », "Councillor Jane Smith") and for the
	// contacts of a service (« concertation@ville.fr », the town hall's number): they are not
	// a private person's, and masking leaves them.
	Public bool `json:"public,omitempty"`
}

// PersonalData returns the e-mail addresses, phone numbers and names of persons of a text, in
// order. Every e-mail and phone number is listed, even a service's (contact@mairie.fr): the
// user decides. A name found by Facts is a person's when (heuristics):
//
//   - it starts with a title: « Mme Laurent », « M. Karim Diallo », "Dr Chen";
//   - or it has two to four words, no particle (de, of…), no word naming an organisation or a
//     place (Association, Conseil, Maison, Rue, Saint-, Council, Street…), and either its first
//     word is a common first name (« Claire Laurent »), or its last word is a surname the text
//     also gives with a title, or it stands next to a function (« le maire, Karim Diallo »,
//     « Inès Moreau, habitante »): elected officials named with their function are persons;
//   - or it is one word that the text also gives with a title (« Laurent » after « Mme Laurent »).
//
// A person is Public when a public role stands next to the name (maire, adjointe, conseiller,
// chargé de mission, agent, directrice, mayor, councillor, officer…) and no private one does
// (habitante, riverain, participant, resident…), or when the text names the same surname in a
// public role elsewhere. An e-mail address is Public when it is a service's (contact@,
// accueil@, concertation@…, or at a town hall's or a government's domain), a phone number
// when a service is named just before it (« mairie », « accueil », "town hall"…).
//
// The detection is best-effort: a private person named without a title, a common first name
// or a function next to the name is not found, and the user interface and the PDF say so
// where personal data are masked. Each Personal is a whole fact of the text, never part of a
// word; export masks its Text wherever it stands as whole words.
func PersonalData(text string, lang model.Language) []Personal {
	return personalFrom(text, Facts(text, lang))
}

// personalFrom picks the personal data among the facts already found in text.
func personalFrom(text string, facts []Fact) []Personal {
	titled := map[string]bool{}
	for _, f := range facts {
		if ws := nameWords(f.Norm); f.Kind == FactName && hasTitle(f.Text) && len(ws) > 0 {
			titled[ws[len(ws)-1]] = true
		}
	}
	var out []Personal
	for _, f := range facts {
		var kind PersonalKind
		switch {
		case f.Kind == FactEmail:
			kind = PersonalEmail
		case f.Kind == FactPhone:
			kind = PersonalPhone
		case f.Kind == FactName && isPrivatePerson(text, f, titled):
			kind = PersonalPerson
		default:
			continue
		}
		out = append(out, Personal{Kind: kind, Text: f.Text, Start: f.Start, End: f.End})
	}
	markPublic(text, out)
	return out
}

// hasTitle reports a name written with a title.
func hasTitle(name string) bool {
	first, _, _ := strings.Cut(name, " ")
	first = strings.ToLower(strings.TrimSuffix(first, "."))
	return titles[first] || dottedTitles[first]
}

// isPrivatePerson applies the heuristics of PersonalData to a name.
func isPrivatePerson(text string, f Fact, titled map[string]bool) bool {
	if hasTitle(f.Text) {
		return true
	}
	words := strings.Fields(f.Text)
	if len(words) > 4 {
		return false
	}
	for k, w := range words {
		fw := foldName(w)
		if nameConnectors[fw] || strings.ContainsAny(w, "'’") || organisationWords[fw] || organisationWords[fw[:strings.IndexByte(fw+"-", '-')]] ||
			(isNameAcronym(w) && (k == 0 || len(words) == 1)) {
			return false
		}
	}
	last := foldName(words[len(words)-1])
	if len(words) == 1 {
		return titled[last]
	}
	return firstNames[foldName(words[0])] || titled[last] || nearFunction(text, f.Start, f.End)
}

// nearFunction reports a function (maire, adjointe, habitant, councillor…) within a few words of
// text[start:end].
func nearFunction(text string, start, end int) bool {
	before := strings.Fields(strings.ToLower(text[max(0, start-40):start]))
	after := strings.Fields(strings.ToLower(text[end:min(len(text), end+40)]))
	if len(before) > 0 && start-40 > 0 {
		before = before[1:] // a cut word
	}
	if len(after) > 0 && end+40 < len(text) {
		after = after[:len(after)-1]
	}
	for _, w := range append(before[max(0, len(before)-3):], after[:min(len(after), 3)]...) {
		if functionWords[strings.Trim(w, ",.;:()«»\"'’")] {
			return true
		}
	}
	return false
}

// functionWords are the words of a function next to a name that make it a person's.
var functionWords = wordSet("maire adjoint adjointe conseiller conseillère conseillere président présidente " +
	"directeur directrice chargé chargée élu élue habitant habitante habitants riverain riveraine " +
	"animateur animatrice référent référente responsable agent agente secrétaire député députée " +
	"mayor councillor councilor resident chair chairman chairwoman director officer facilitator " +
	"manager secretary deputy clerk")

var organisationWords = wordSet("association associations conseil comite collectif ville mairie maison centre center " +
	"universite university societe agence office service services direction departement region parc place rue " +
	"avenue boulevard chemin quartier ecole college lycee hopital eglise saint sainte st territoires territoire " +
	"metropole communaute commune prefecture ministere fondation foundation groupe group club federation union " +
	"syndicat institut institute council city county department ministry street road lane park square company " +
	"agency trust fund school hospital church district borough bank banque caisse reseau network projet project " +
	"plan programme program budget fonds forum atelier workshop salle hall mediatheque bibliotheque library gare " +
	"station pont bridge lac lake river riviere marche market jardin jardins garden gardens cooperative partners " +
	"partenaires solutions consulting studio lab tiers-lieu espace cafe restaurant hotel residence cite")

// firstNames are common first names in France, Belgium, Switzerland, Quebec and English-speaking
// countries; they let a capitalised pair at a sentence start count as a name, and a pair
// anywhere count as a person.
var firstNames = wordSet("adam adrien agnes aicha alain alexandre alexandra alice aline amandine amelie amina amir amy " +
	"ana anais andre andrew angela anne annie antoine arnaud arthur aurelie axel bastien beatrice benjamin " +
	"benoit bernard brigitte bruno camille carla caroline catherine cecile celine chantal charles charlotte " +
	"chloe christian christine christophe claire claude clement corinne cyril damien daniel david delphine " +
	"denis didier dominique edouard elena elise elodie emilie emma emmanuel eric estelle etienne eva fabien " +
	"fabrice fanny fatima fatou florence francois francoise frederic gabriel gaelle georges gerard gilles " +
	"guillaume helene henri hugo ines irene isabelle jacques james jean jean-marc jean-pierre jean-paul " +
	"jeanne jennifer jerome joel john jonathan jose joseph julie julien juliette justine karim karine kevin " +
	"khadija laetitia laura laure laurence lea leila leo lina louis louise luc lucas lucie lydie malik " +
	"manon marc marie marie-claire marion martin martine mathieu mathilde maxime mehdi michel michele mohamed " +
	"myriam nadia nadine nathalie nicolas noemie olivier omar pascal pascale patrick paul pauline philippe " +
	"pierre rachid raphael remi richard robert romain rose samia samir samuel sandrine sarah sebastien " +
	"simon sophie stephane stephanie sylvie theo thierry thomas valerie vanessa victor vincent virginie " +
	"xavier yann yasmine yves youssef zoe " +
	"alan amanda andy ben beth brian carol chris daniel emily emma george grace hannah harry helen jack " +
	"james jane jessica joe jonathan kate katie laura liam linda lisa margaret mark mary matthew megan " +
	"michael nancy olivia oliver patricia peter rachel rebecca ruth ryan sam sarah scott simon steve susan " +
	"thomas tom william priya raj wei mei hiroshi kwame amara chen")
