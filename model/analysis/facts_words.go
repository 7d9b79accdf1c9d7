package analysis

// Word lists that tell names from the capitalised words around them (see facts_names.go).
// Entries are in lower case without accents, as foldName writes them.

var (
	// leadWords are the function words that a sentence may start with before a name: the name
	// that follows still counts (« Selon Claire Laurent », « Le Conseil Municipal »).
	leadWords = wordSet("le la les l un une des du de d au aux en a y ce cet cette ces ceci cela " +
		"il elle ils elles on nous vous je tu leur leurs son sa ses mon ma mes notre nos votre vos " +
		"tout tous toute toutes chaque plusieurs certains certaines aucun aucune quelques " +
		"selon pour avec dans par sur sous lors apres avant depuis pendant durant chez entre vers contre " +
		"sans malgre grace face suite afin ainsi enfin puis alors donc mais et ou car si quand comme dont " +
		"merci bonjour oui non ici voici voila " +
		"the an in on at for with by from of to as after before during since according and but or so " +
		"then also this that these those it we they he she you our their his her its every each all " +
		"some many both when while if although because meanwhile dear thanks hello yes no here there")

	// roleWords are roles and functions: capitalised in speaker lists and English titles, they are
	// not names (« Conseiller numérique », "Senior Planner", "Cabinet Member").
	roleWords = wordSet("conseiller conseillere conseillers adjoint adjointe directeur directrice president " +
		"presidente vice-president vice-presidente garant garante habitant habitante habitants maire chef cheffe " +
		"charge chargee responsable secretaire tresorier tresoriere animateur animatrice delegue deleguee " +
		"coordinateur coordinatrice ingenieur ingenieure sociologue elu elue elus rapporteur rapporteure " +
		"intervenant intervenante moderateur moderatrice " +
		"planner architect liaison member officer manager director chair chairman chairwoman chairperson " +
		"president secretary treasurer coordinator facilitator mayor deputy clerk resident engineer " +
		"consultant advisor adviser lead head")

	// institutionHeads begin the names of public bodies: at a sentence start, « Mairie de
	// Chambéry » or "City of Eastport" is a name.
	institutionHeads = wordSet("mairie ville city universite university commission conseil council departement " +
		"department region metropole institut institute fondation foundation ministere ministry prefecture " +
		"communaute syndicat agence agency borough county")

	// orgKinds are kinds of organisations and places written before their name, capitalised at
	// a sentence start: « Association Les Potagers du Canal » names « Les Potagers du Canal ».
	orgKinds = wordSet("association collectif club groupe societe cabinet bureau service entreprise cooperative " +
		"compagnie company group school ecole college lycee gymnase salle parc jardin cafe restaurant residence")

	// notNameWords are capitalised words that name nothing: generic acronyms, languages and
	// nationalities.
	notNameWords = wordSet("ia ai pdf qr faq ok tv sms gps usb url html cv ps nb rdv rsvp ag asap tbc tbd " +
		"english french spanish german italian portuguese arabic chinese european american british " +
		"anglais francais espagnol allemand")

	// moreFirstNames extend firstNames (personal.go) for names at a sentence start.
	moreFirstNames = wordSet("matthieu mathias maria mario marco tanya tania yannick yvonne fatou aissatou " +
		"mamadou moussa ibrahim ismael hamza aminata awa kofi ama lucas enzo nathan louise jade " +
		"ambre lina chloe leonie margaux agathe capucine apolline timothee baptiste gaspard " +
		"quentin florian loic gael erwan ronan goulven maelle nolwenn solene oceane coralie " +
		"sonia sabrina samira nora houria djamel farid nabil sofiane walid karima malika " +
		"jacqueline monique danielle josiane odile ginette bernadette colette huguette " +
		"herve gilbert rene marcel roger andre jean-luc jean-michel jean-francois jean-claude " +
		"pierre-yves marie-france marie-helene anne-marie anne-sophie " +
		"alex alexander anna charlotte daniel david elizabeth emily ethan grace henry isabella jacob " +
		"jennifer joshua kevin lily lucy maria mia noah paul rose sophia tanya victoria " +
		"ruth helen alan margaret samir priya tom amina laurent")
)

// isFirstName reports a common first name, w written as foldName writes it.
func isFirstName(w string) bool {
	return firstNames[w] || moreFirstNames[w]
}
