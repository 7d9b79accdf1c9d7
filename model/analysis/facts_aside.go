package analysis

import "slices"

// asideRun is a run of capitalised words, tokens i to end-1, that is a name only if the text
// names it elsewhere.
type asideRun struct{ i, end int }

// nameAside adds to the facts the runs set aside at sentence starts and on lines in capitals
// that the text names elsewhere: the same name (« Territoires Partagés anime… » when the text
// also writes « avec Territoires Partagés »), for one word at a sentence start a person's surname
// (« Diallo rappelle… » after « M. Karim Diallo »), and the words of a line in capitals that are
// names elsewhere (« PLU » of « BILAN DU PLU »).
func (p *factParser) nameAside() {
	if len(p.aside) == 0 {
		return
	}
	known := make(map[string]bool, len(p.out))
	for _, f := range p.out {
		if f.Kind == FactName {
			known[f.Norm] = true
		}
	}
	surnames := make(map[string]bool, len(p.surnames))
	for _, w := range p.surnames {
		surnames[w] = true
	}
	found := len(p.out)
	for _, r := range p.aside {
		f := p.fact(FactName, r.i, r.end, p.nameNorm(r.i, r.end)).f
		caps := p.toks[r.i].caps
		switch {
		case known[f.Norm] || (!caps && surnames[f.Norm]):
			p.out = append(p.out, f)
		case caps && r.end > r.i+1:
			p.knownWords(r, known)
		}
	}
	if len(p.out) > found {
		slices.SortFunc(p.out, func(a, b Fact) int { return a.Start - b.Start })
	}
}

// knownWords adds the words of the run r that are known names.
func (p *factParser) knownWords(r asideRun, known map[string]bool) {
	for k := r.i; k < r.end; k++ {
		if w := p.fact(FactName, k, k+1, p.nameNorm(k, k+1)).f; p.toks[k].kind == tkWord && known[w.Norm] {
			p.out = append(p.out, w)
		}
	}
}
