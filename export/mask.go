package export

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// masker replaces personal data (e-mail addresses, phone numbers, names of private persons) by
// a token such as « [masqué] ». It collects the personal data of every text of a comparison
// first, so that a name found in the source (« Mme Laurent », then « Laurent ») is masked in a
// variant, a prompt or a fact list too, and replaces every occurrence written as whole words,
// leftmost and longest first: « Laurent » is masked in « Mme Laurent » and « d’Laurent », not
// in « Saint-Laurent » or « Laurentin ». What is shown all the same — a person named in a
// public role, a service's contact, a term the user unmasked — is replaced by itself, so that
// no shorter term masks part of it. Masking is best-effort: it hides what the analysis
// recognises as personal data (see analysis.PersonalData), nothing more.
type masker struct {
	terms []maskTerm // longest first
}

// maskTerm is a term to replace, and what replaces it.
type maskTerm struct {
	text, by string
}

// MaskedTerms returns the personal data that masking would hide in c, sorted: the e-mail
// addresses, phone numbers and names of private persons of every text the document shows.
// The export dialog lists them so that the user can show some all the same
// (ComparisonOptions.Unmasked).
func MaskedTerms(c Comparison) []string {
	hidden, _ := maskTerms(c)
	list := slices.Collect(maps.Keys(hidden))
	slices.SortFunc(list, func(a, b string) int { return cmp.Compare(model.Fold(a), model.Fold(b)) })
	return list
}

// maskTerms sorts the personal data of every text of c into those to hide and those to show:
// the public ones, and every name whose surname is given in a public role somewhere.
func maskTerms(c Comparison) (hidden, shown map[string]bool) {
	lang := languageOf(c)
	var all []analysis.Personal
	eachText(cloneTexts(c), func(s string) string {
		if strings.TrimSpace(s) != "" {
			all = append(all, analysis.PersonalData(s, lang)...)
		}
		return s
	})
	if c.SourceAnalysis != nil {
		all = append(all, c.SourceAnalysis.Personal...)
	}
	for _, va := range c.VariantAnalyses {
		all = append(all, va.Personal...)
	}
	publicSurnames := map[string]bool{}
	for _, p := range all {
		if p.Public && p.Kind == analysis.PersonalPerson {
			publicSurnames[surname(p.Text)] = true
		}
	}
	hidden, shown = map[string]bool{}, map[string]bool{}
	for _, p := range all {
		t := strings.TrimSpace(p.Text)
		switch {
		case t == "":
		case p.Public || p.Kind == analysis.PersonalPerson && publicSurnames[surname(t)]:
			shown[t] = true
		default:
			hidden[t] = true
		}
	}
	for t := range shown {
		delete(hidden, t)
	}
	return hidden, shown
}

// surname is the last word of a name, folded.
func surname(name string) string {
	ws := strings.Fields(name)
	if len(ws) == 0 {
		return ""
	}
	return model.Fold(ws[len(ws)-1])
}

// newMasker finds the personal data of every text c shows and prepares their replacement
// by token, except the terms of c.Options.Unmasked. The names of voters and reviewers are not
// masked: they sign the document.
func newMasker(c Comparison, token string) *masker {
	hidden, shown := maskTerms(c)
	for _, t := range c.Options.Unmasked {
		if t = strings.TrimSpace(t); hidden[t] {
			delete(hidden, t)
			shown[t] = true
		}
	}
	list := slices.Collect(maps.Keys(hidden))
	list = append(list, slices.Collect(maps.Keys(shown))...)
	slices.SortFunc(list, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(a, b))
	})
	terms := make([]maskTerm, 0, len(list))
	for _, t := range list {
		if shown[t] {
			terms = append(terms, maskTerm{t, t})
		} else {
			terms = append(terms, maskTerm{t, token})
		}
	}
	return &masker{terms: terms}
}

// text returns s with its personal data masked; a nil masker returns s unchanged.
func (m *masker) text(s string) string {
	if m == nil || len(m.terms) == 0 {
		return s
	}
	found := m.matches(s)
	if len(found) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, f := range found {
		b.WriteString(s[last:f.start])
		b.WriteString(m.terms[f.term].by)
		last = f.start + len(m.terms[f.term].text)
	}
	b.WriteString(s[last:])
	return b.String()
}

// maskMatch is an occurrence of the masker's term number term at byte start.
type maskMatch struct{ start, term int }

// matches returns the occurrences of the masker's terms in s written as whole words, in order,
// none overlapping: of those starting at the same place, the longest; of overlapping ones, the
// leftmost.
func (m *masker) matches(s string) []maskMatch {
	var all []maskMatch
	for k, t := range m.terms {
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], t.text)
			if i < 0 {
				break
			}
			start := from + i
			if wholeWords(s, start, start+len(t.text)) {
				all = append(all, maskMatch{start, k})
			}
			_, size := utf8.DecodeRuneInString(s[start:])
			from = start + size
		}
	}
	// terms are longest first, so at one start the lower term number is the longer
	slices.SortFunc(all, func(a, b maskMatch) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.term, b.term)) })
	out := all[:0]
	end := 0
	for _, f := range all {
		if f.start >= end {
			out = append(out, f)
			end = f.start + len(m.terms[f.term].text)
		}
	}
	return out
}

// wholeWords reports whether s[start:end] is made of whole words: it neither begins nor ends
// inside a word, a word joined by a hyphen counting as one (« Saint-Laurent », « Laurent-
// Bonnevay »). A term that begins or ends with punctuation (« +33 6 … ») is bounded there.
func wholeWords(s string, start, end int) bool {
	first, _ := utf8.DecodeRuneInString(s[start:end])
	if isWordRune(first) {
		before, n := utf8.DecodeLastRuneInString(s[:start])
		if isWordRune(before) {
			return false
		}
		if before == '-' {
			if r, _ := utf8.DecodeLastRuneInString(s[:start-n]); isWordRune(r) {
				return false
			}
		}
	}
	last, _ := utf8.DecodeLastRuneInString(s[start:end])
	if isWordRune(last) {
		after, n := utf8.DecodeRuneInString(s[end:])
		if isWordRune(after) {
			return false
		}
		if after == '-' {
			if r, _ := utf8.DecodeRuneInString(s[end+n:]); isWordRune(r) {
				return false
			}
		}
	}
	return true
}

// isWordRune reports a rune that is part of a word: a letter, a digit, a combining mark or an
// underscore.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_'
}

// comparison returns a copy of c whose texts are masked; c itself is left unchanged. The
// analyses keep their positions in the unmasked texts: the document uses the texts of their
// facts, masked with text.
func (m *masker) comparison(c Comparison) Comparison {
	return eachText(cloneTexts(c), m.text)
}

// cloneTexts returns c with its own copies of the slices and maps whose texts eachText
// replaces.
func cloneTexts(c Comparison) Comparison {
	c.Variants = slices.Clone(c.Variants)
	c.Votes = slices.Clone(c.Votes)
	for i := range c.Votes {
		c.Votes[i].Reactions = slices.Clone(c.Votes[i].Reactions)
	}
	c.Critiques = maps.Clone(c.Critiques)
	for id, cs := range c.Critiques {
		c.Critiques[id] = slices.Clone(cs)
	}
	c.Reviews = maps.Clone(c.Reviews)
	c.Prompts = maps.Clone(c.Prompts)
	for id, ps := range c.Prompts {
		c.Prompts[id] = slices.Clone(ps)
	}
	return c
}

// eachText replaces every text of c that may hold personal data by f of it and returns c;
// c's slices and maps must be c's own when f changes them.
func eachText(c Comparison, f func(string) string) Comparison {
	meta := &c.Source.Meta
	for _, s := range []*string{&meta.Title, &meta.Place, &meta.Organisers, &meta.Audience, &c.Source.Body} {
		*s = f(*s)
	}
	for i := range c.Variants {
		c.Variants[i].Text = f(c.Variants[i].Text)
		c.Variants[i].Error = f(c.Variants[i].Error)
	}
	for _, v := range c.Votes {
		for j := range v.Reactions {
			v.Reactions[j].Comment = f(v.Reactions[j].Comment)
		}
	}
	for _, cs := range c.Critiques {
		for j := range cs {
			cs[j].Text = f(cs[j].Text)
		}
	}
	for id, r := range c.Reviews {
		r.Note = f(r.Note)
		c.Reviews[id] = r
	}
	for _, ps := range c.Prompts {
		for j := range ps {
			ps[j].Content = f(ps[j].Content)
		}
	}
	return c
}

// factTexts returns the texts of facts, masked when personal data are, and cleaned.
func (d *document) factTexts(facts []analysis.Fact) []string {
	out := make([]string, 0, len(facts))
	for _, f := range facts {
		if t := cleanLine(d.mask.text(f.Text), d.fs); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// languageOf is the language the texts of c are analysed in: the source's, else the labels'.
func languageOf(c Comparison) model.Language {
	if c.Source.Meta.Language.Valid() {
		return c.Source.Meta.Language
	}
	return labelsFor(c.Language).lang
}
