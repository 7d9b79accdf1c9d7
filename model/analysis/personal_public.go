package analysis

import (
	"strings"
)

// role is what the words around a name say of the person.
type role int

const (
	roleNone    role = iota
	rolePublic       // an elected official or a member of staff, in that capacity
	rolePrivate      // a resident, a participant: a private person
)

// publicRoles are the functions of elected officials and staff; « chargé de mission » counts
// by its first word.
var publicRoles = wordSet("maire adjoint adjointe adjoints conseiller conseillère conseillere conseillers élu élue élus " +
	"député députée sénateur sénatrice président présidente directeur directrice chargé chargée agent agente " +
	"secrétaire responsable référent référente animateur animatrice technicien technicienne chef cheffe " +
	"mayor councillor councilor deputy chair chairman chairwoman director officer facilitator manager secretary " +
	"clerk coordinator staff")

// privateRoles are what a private person is called in a report.
var privateRoles = wordSet("habitant habitante habitants habitantes riverain riveraine riverains participant participante " +
	"participants participantes commerçant commerçante retraité retraitée parent parents mère père résident " +
	"résidente usager usagère citoyen citoyenne bénévole resident residents neighbour neighbor shopkeeper " +
	"volunteer parent citizen")

// serviceWords, just before a phone number, make it a service's.
var serviceWords = wordSet("mairie accueil standard service services secrétariat secretariat hôtel " +
	"town hall council office reception helpline")

// serviceMailboxes are the local parts of a service's e-mail addresses.
var serviceMailboxes = wordSet("contact contacts accueil info infos information concertation participation mairie " +
	"urbanisme secretariat communication service services bonjour hello webmaster admin office enquiries " +
	"inquiries support citoyens democratie consultation courrier mail noreply no-reply ne-pas-repondre")

// publicDomains, in the domain of an e-mail address, make it an institution's.
var publicDomains = []string{"mairie", "ville-", "ville.", "gouv.", ".gouv", "gov.", ".gov", "council", "agglo",
	"metropole", "departement", "region", "prefecture"}

// markPublic sets Public on the items of ps that are not a private person's data (see
// PersonalData).
func markPublic(text string, ps []Personal) {
	publicNames := map[string]bool{}
	roles := make([]role, len(ps))
	for i, p := range ps {
		if p.Kind != PersonalPerson {
			continue
		}
		roles[i] = roleOf(text, p)
		if ws := nameWords(foldName(p.Text)); roles[i] == rolePublic && len(ws) > 0 {
			publicNames[ws[len(ws)-1]] = true
		}
	}
	for i := range ps {
		p := &ps[i]
		switch p.Kind {
		case PersonalPerson:
			ws := nameWords(foldName(p.Text))
			p.Public = roles[i] == rolePublic || roles[i] == roleNone && len(ws) > 0 && publicNames[ws[len(ws)-1]]
		case PersonalEmail:
			p.Public = serviceEmail(p.Text)
		case PersonalPhone:
			p.Public = serviceBefore(text, p.Start)
		}
	}
}

// roleOf reads the role given to the person named at p: its own first word (« Councillor
// Jane Smith »), or the nearest role within three words before or after it.
func roleOf(text string, p Personal) role {
	first, _, _ := strings.Cut(p.Text, " ")
	if publicRoles[strings.ToLower(first)] {
		return rolePublic
	}
	before, after := wordsAround(text, p.Start, p.End, 3)
	found := roleNone
	for _, w := range append(before, after...) {
		switch {
		case privateRoles[w]:
			return rolePrivate
		case publicRoles[w]:
			found = rolePublic
		}
	}
	return found
}

// wordsAround returns up to n whole words, lower-cased and without punctuation, before start
// and after end in text, within the same sentence.
func wordsAround(text string, start, end, n int) (before, after []string) {
	lo, hi := max(0, start-60), min(len(text), end+60)
	b := text[lo:start]
	if k := strings.LastIndexAny(b, ".!?\n"); k >= 0 {
		b = b[k+1:]
	} else if lo > 0 {
		b = b[min(len(b), strings.IndexByte(b+" ", ' ')):] // a cut word
	}
	a := text[end:hi]
	if k := strings.IndexAny(a, ".!?\n"); k >= 0 {
		a = a[:k]
	} else if hi < len(text) {
		a = a[:max(0, strings.LastIndexByte(a, ' '))]
	}
	clean := func(ws []string) []string {
		for i, w := range ws {
			ws[i] = strings.ToLower(strings.Trim(w, ",;:()«»\"'’"))
		}
		return ws
	}
	before, after = clean(strings.Fields(b)), clean(strings.Fields(a))
	return before[max(0, len(before)-n):], after[:min(len(after), n)]
}

// serviceEmail reports an e-mail address of a service or an institution.
func serviceEmail(addr string) bool {
	local, domain, ok := strings.Cut(strings.ToLower(addr), "@")
	if !ok {
		return false
	}
	if serviceMailboxes[local] {
		return true
	}
	for _, d := range publicDomains {
		if strings.Contains(domain, d) {
			return true
		}
	}
	return false
}

// serviceBefore reports a service named within four words before a phone number at start.
func serviceBefore(text string, start int) bool {
	before, _ := wordsAround(text, start, start, 4)
	for _, w := range before {
		if serviceWords[w] {
			return true
		}
	}
	return false
}
