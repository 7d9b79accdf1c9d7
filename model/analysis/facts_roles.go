package analysis

// Runs of capitalised words that are not names as a whole: at sentence starts, roles, and
// institutions written with an adjective (see facts_names.go).

// sentenceStart reads a run of capitalised words from i to end at a sentence start, which is not
// a name as a whole: after a function word (« Selon Claire Laurent ») or after a common noun and
// a particle (« Quartier des Tilleuls », « Réponse de Jean-Marc Leroy ») the rest is read again;
// after an organisation's kind (« Association Les Potagers du Canal ») the rest is a name; a run
// of capitalised words (« Participation Citoyenne ») is set aside.
func (p *factParser) sentenceStart(i, end int) match {
	first := p.fold(i)
	if leadWords[first] {
		return match{end: i + 1}
	}
	if orgKinds[first] && end-i >= 2 && p.isNameWord(i+1) {
		p.out = append(p.out, p.fact(FactName, i+1, end, p.nameNorm(i+1, end)).f)
		return match{end: end}
	}
	for k := i + 1; k < end; k++ {
		if !p.isNameWord(k) {
			return p.setAside(i, k)
		}
	}
	return p.setAside(i, end)
}

// roleAt reports a capitalised role or title after a space at token k.
func (p *factParser) roleAt(k int) bool {
	if !p.is(k, tkWord, false, gapSpace) || !isUpperStart(p.tok(k)) {
		return false
	}
	w := p.lower(k)
	return roleWords[w] || titles[w]
}

// institutionAdjectives follow the name of an institution in lower case: « Parlement européen »,
// « Conseil municipal », « Assemblée nationale ».
var institutionAdjectives = wordSet("européen européenne municipal municipale régional régionale départemental " +
	"départementale national nationale métropolitain métropolitaine communautaire intercommunal intercommunale")

// institutionNouns are the institutions that institutionAdjectives follow.
var institutionNouns = wordSet("parlement assemblee conseil commission cour banque union agence comite")

// institutionAdjective returns the end of a one-word institution's name and its adjective.
func (p *factParser) institutionAdjective(i, end int) int {
	if end == i+1 && institutionNouns[p.fold(i)] && p.is(end, tkWord, false, gapSpace) && institutionAdjectives[p.tok(end)] {
		return end + 1
	}
	return end
}

// startsName reports whether the run of capitalised words from i to end, at a sentence start,
// is a name all the same: a first name and a surname, or a public body (« Mairie de Chambéry »,
// "Ashford Borough Council").
func (p *factParser) startsName(i, end int) bool {
	if end-i < 2 {
		return false
	}
	first := p.fold(i)
	return isFirstName(first) || institutionHeads[first] || organisationWords[p.fold(end-1)]
}

// setAside skips the run from i to end and keeps it to be named if the text names it elsewhere.
func (p *factParser) setAside(i, end int) match {
	p.aside = append(p.aside, asideRun{i, end})
	return match{end: end}
}

// role skips a role written in capitals (« Conseiller numérique », "Senior Planner", "Cabinet
// Member for Economic Development"); a role before a name reads as a title ("Mayor Jane Smith").
func (p *factParser) role(i, end int) (match, bool) {
	k := i
	for k < end && !roleWords[p.fold(k)] {
		k++
	}
	switch {
	case k < end && k == i && k+1 < end && p.isNameWord(k+1):
		return p.fact(FactName, i, end, p.nameNorm(i+1, end)), true
	case k < end:
		end = k + 1
	case p.roleAt(end):
		end++ // "Ward Councillor"
	default:
		return match{}, false
	}
	if w := p.wordAt(end, false); (w == "for" || w == "of") && p.is(end+1, tkWord, false, gapSpace) && p.isNameWord(end+1) {
		end = p.nameRun(end + 1)
	}
	return match{end: end}, true
}
