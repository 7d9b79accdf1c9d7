package analysis

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/rapporteur/rapporteur/model"
)

// Span is a byte range of a text: text[Start:End].
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// SentenceSupport says how well the source supports one sentence of a variant.
type SentenceSupport struct {
	// Text is the sentence as written in the variant.
	Text string `json:"text"`
	// Start and End are the sentence's byte offsets in the variant.
	Start int `json:"start"`
	End   int `json:"end"`
	// Support is from 0 (nothing in the source says this) to 1 (the source says it all).
	Support float64 `json:"support"`
	// Unsupported flags a sentence the source does not really support.
	Unsupported bool `json:"unsupported"`
	// Source are the passages of the source that support the sentence, as byte offsets in the
	// source text, best first.
	Source []Span `json:"source"`
}

// How sentence support is scored.
//
// Each sentence is a bag of terms: its content words (stop words left out, light stems, see
// stem.go, near-synonyms counted as one term, see synonyms.go), a negation when it has one, and
// its facts (numbers, percentages, dates, times, amounts… as CompareFacts matches
// them, see support_facts.go; the words of a name are content words). A term weighs its inverse
// document frequency over the source's sentences, ln(1 + N/df), so that a word every sentence
// uses counts little; a word the source never uses weighs as one it uses half a time, and a
// fact weighs as a rare word, twice that when the source states it nowhere. The support of a
// variant sentence is the share of its weight found in the best source sentence, plus what a
// second one adds of the rest (merged sentences), when it adds at least secondMin of it and
// lies at most secondNear sentences from the best; a word of stance the best source sentence
// lacks weighs twice, and one whose opposite it uses is taken off (see support_cues.go); when
// a word of stance or claim (support_claims.go) is in neither, the support is multiplied by
// claimFactor, and by allFactor when it is a generalisation. A sentence not supported as a whole takes the support of its worst clause when
// it has several (support_clauses.go).
//
// A sentence is flagged Unsupported when its support is under supportThreshold, except when
// there is too little to judge: a Markdown heading or an all-capitals line, or a sentence of
// fewer than minJudged content words and facts (« Décisions », « Prochaines étapes », a list
// item « Stationnement »), unless it holds a fact the source states nowhere.
const (
	supportThreshold = 0.5
	secondMin        = 0.25
	secondNear       = 2
	claimFactor      = 0.85
	allFactor        = 0.7
	stanceExtra      = 3
	minJudged        = 3
	unknownDF        = 0.5
)

// supportIndex is what the source needs, built once, to find the support of variant sentences:
// the source's sentences, an inverted index from each term to the sentences that use it, and
// each sentence's terms, sorted.
type supportIndex struct {
	lang      model.Language
	spans     []Span                        // the source's sentences
	terms     map[string]int32              // stem or fact key → term
	postings  [][]int32                     // term → the source sentences using it, ascending
	weight    []float32                     // term → weight
	sentTerms []int32                       // the terms of every sentence, sorted, one after the other
	sentOff   []int32                       // sentence i's terms are sentTerms[sentOff[i]:sentOff[i+1]]
	sentW     []float32                     // the weight of every sentence's terms
	stance    []bool                        // term → a word of stance, see support_cues.go
	anti      map[int32][maxOpposites]int32 // term of stance → the terms saying its opposite
	facts     *factIndex                    // the source's facts, to tell a name the source never gives
	unknown   float32                       // the weight of a word the source never uses
	factW     float32                       // the weight of a fact
}

// newSupportIndex indexes the source's sentences.
func newSupportIndex(source string, lang model.Language) *supportIndex {
	return newSupportIndexWith(source, lang, Sentences(source, lang), Facts(source, lang))
}

// newSupportIndexWith is newSupportIndex with the source's sentences and facts already found by
// Sentences and Facts.
func newSupportIndexWith(source string, lang model.Language, sents []Sentence, facts []Fact) *supportIndex {
	ix := &supportIndex{lang: lang, spans: make([]Span, len(sents)), terms: make(map[string]int32, len(sents)*4),
		sentOff: make([]int32, 1, len(sents)+1), facts: newFactIndex(facts, true)}
	var (
		tz   tokenizer
		ids  []int32
		keys []string
	)
	fi := 0
	for si, s := range sents {
		ix.spans[si] = Span{s.Start, s.End}
		ids = ids[:0]
		tz.words(source, s, facts, &fi, lang, func(stem []byte) {
			ids = append(ids, ix.termOf(stem))
		})
		if tz.neg {
			ids = append(ids, ix.term(negTerm))
		}
		if tz.all {
			ids = append(ids, ix.term(allTerm))
		}
		keys = keys[:0]
		for _, f := range sentenceFacts(facts, &fi, s) {
			keys = providedKeys(keys, f)
		}
		for _, k := range keys {
			ids = append(ids, ix.term(k))
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		for _, id := range ids {
			ix.postings[id] = append(ix.postings[id], int32(si))
		}
		ix.sentTerms = append(ix.sentTerms, ids...)
		ix.sentOff = append(ix.sentOff, int32(len(ix.sentTerms)))
	}
	n := float64(len(sents))
	ix.weight = make([]float32, len(ix.postings))
	for id, p := range ix.postings {
		ix.weight[id] = float32(math.Log(1 + n/float64(len(p))))
	}
	ix.unknown = float32(math.Log(1 + n/unknownDF))
	ix.factW = ix.unknown
	for _, k := range keysOnly(ix.terms) {
		ix.weight[ix.terms[k]] = ix.factW
	}
	ix.stanceTerms()
	ix.sentW = make([]float32, len(sents))
	for si := range sents {
		for _, id := range ix.sentTerms[ix.sentOff[si]:ix.sentOff[si+1]] {
			ix.sentW[si] += ix.weight[id]
		}
	}
	return ix
}

// term returns the term of key, adding it when new.
func (ix *supportIndex) term(key string) int32 {
	if id, ok := ix.terms[key]; ok {
		return id
	}
	id := int32(len(ix.postings))
	ix.terms[key] = id
	ix.postings = append(ix.postings, nil)
	return id
}

// keysOnly returns the fact keys among terms: those with a colon, which no folded word has.
func keysOnly(terms map[string]int32) []string {
	var out []string
	for k := range terms {
		if strings.IndexByte(k, ':') > 0 {
			out = append(out, k)
		}
	}
	return out
}

// sentenceFacts returns the facts that start inside s, advancing *fi past them.
func sentenceFacts(facts []Fact, fi *int, s Sentence) []Fact {
	for *fi < len(facts) && facts[*fi].Start < s.Start {
		*fi++
	}
	from := *fi
	for *fi < len(facts) && facts[*fi].Start < s.End {
		*fi++
	}
	return facts[from:*fi]
}

// tokenizer turns a sentence into stems, reusing its buffer; it notes whether the sentence is
// negated.
type tokenizer struct {
	buf     []byte
	ne, neg bool // « ne » seen; a negation seen
	all     bool // a word of generalisation seen, see allWords
}

// words calls fn with the stem of every content word of s: stop words are left out, and so are
// the words inside facts other than names (« quarante-cinq pour cent » is a fact, not words).
// *fi is the first fact that may lie in s; it is left there.
func (tz *tokenizer) words(text string, s Sentence, facts []Fact, fi *int, lang model.Language, fn func([]byte)) {
	k := *fi
	for k < len(facts) && facts[k].End <= s.Start {
		k++
	}
	pos := s.Start
	tz.ne, tz.neg, tz.all = false, false, false
	eachWord(text[s.Start:s.End], func(w string) {
		off := pos + strings.Index(text[pos:s.End], w)
		pos = off + len(w)
		for k < len(facts) && facts[k].End <= off {
			k++
		}
		if k < len(facts) && facts[k].Start <= off && facts[k].Kind != FactName {
			return
		}
		tz.parts(w, lang, fn)
	})
}

// parts calls fn with the stem of every content word among the hyphenated parts of w.
func (tz *tokenizer) parts(w string, lang model.Language, fn func([]byte)) {
	for w != "" {
		part := w
		if k := strings.IndexByte(w, '-'); k >= 0 {
			part, w = w[:k], w[k+1:]
		} else {
			w = ""
		}
		tz.buf = foldWord(tz.buf[:0], part)
		tz.negation(tz.buf)
		if len(tz.buf) < 2 || supportStopWords[string(tz.buf)] {
			continue
		}
		tz.buf = stemWord(tz.buf, lang)
		fn(tz.buf)
	}
}

// sentences scores every sentence of variant against the source.
func (ix *supportIndex) sentences(variant string) []SentenceSupport {
	if ix == nil {
		return nil
	}
	return ix.sentencesWith(variant, Sentences(variant, ix.lang), Facts(variant, ix.lang))
}

// vterm is a term of a variant sentence: a term of the source (id ≥ 0) or one it lacks (-1).
type vterm struct {
	id      int32
	w       float32
	anti    [maxOpposites]int32 // the source's terms saying the opposite, or -1
	stance  bool                // a word of stance, see support_cues.go
	general bool                // the term of generalisation, see support_claims.go
}

// scorer holds what scoring one variant needs, reused from sentence to sentence.
type scorer struct {
	ix          *supportIndex
	acc         []float32 // per source sentence, the weight it covers
	touched     []int32   // the source sentences whose acc is not zero
	covered     []bool    // per term of the sentence, covered by the best source sentence
	vt          []vterm
	parts       []Sentence // the clauses of a sentence, see support_clauses.go
	clauseSpans []Span     // their best source sentences
	keys        []string
	tz          tokenizer
}

// sentencesWith is sentences with the variant's sentences and facts already found by Sentences
// and Facts.
func (ix *supportIndex) sentencesWith(variant string, sents []Sentence, facts []Fact) []SentenceSupport {
	if ix == nil {
		return nil
	}
	out := make([]SentenceSupport, len(sents))
	spans := make([]Span, 0, 2*len(sents))
	sc := scorer{ix: ix, acc: make([]float32, len(ix.spans))}
	fi, line, prev := 0, 0, 0
	for i, s := range sents {
		if k := strings.LastIndexByte(variant[prev:s.Start], '\n'); k >= 0 {
			line = prev + k + 1
		}
		prev = s.Start
		fs := fi
		invented := sc.collect(variant, s, facts, &fi)
		judged := invented || (len(sc.vt) >= minJudged && !isHeading(variant[line:s.Start], s.Text))
		support, best := sc.score()
		from := len(spans)
		for _, b := range best {
			if b >= 0 {
				spans = append(spans, ix.spans[b])
			}
		}
		if judged && support < supportThreshold {
			if worst, ok := sc.clauseSupport(variant, s, facts, fs); ok && worst > support {
				support, spans = worst, append(spans[:from], sc.clauseSpans...)
			}
		}
		out[i] = SentenceSupport{Text: s.Text, Start: s.Start, End: s.End, Support: math.Round(float64(support)*1000) / 1000,
			Source: spans[from:len(spans):len(spans)]}
		out[i].Unsupported = judged && support < supportThreshold
	}
	return out
}

// collect gathers the terms of the variant sentence s into sc.vt; it reports whether the
// sentence holds a fact the source states nowhere.
func (sc *scorer) collect(text string, s Sentence, facts []Fact, fi *int) bool {
	ix := sc.ix
	sc.vt = sc.vt[:0]
	sc.tz.words(text, s, facts, fi, ix.lang, func(stem []byte) {
		id, ok := ix.lookup(stem)
		if !ok {
			sc.vt = append(sc.vt, ix.unknownTerm(stem))
			return
		}
		for _, t := range sc.vt {
			if t.id == id {
				return
			}
		}
		sc.vt = append(sc.vt, ix.knownTerm(id))
	})
	if sc.tz.neg {
		sc.vt = append(sc.vt, ix.cueTerm(negTerm))
	}
	if sc.tz.all {
		t := ix.cueTerm(allTerm)
		t.stance, t.general = true, true
		sc.vt = append(sc.vt, t)
	}
	invented := false
	for _, f := range sentenceFacts(facts, fi, s) {
		if f.Kind == FactName {
			if !sc.knownWords(f.Text) && !ix.facts.has(f) {
				sc.vt, invented = append(sc.vt, vterm{id: -1, w: ix.factW, anti: noOpposite}), true
			}
			continue
		}
		t := vterm{id: -1, w: 2 * ix.factW, anti: noOpposite}
		sc.keys = wantedKeys(sc.keys[:0], f)
		for _, k := range sc.keys {
			if id, ok := ix.terms[k]; ok {
				t = vterm{id: id, w: ix.factW, anti: noOpposite}
				break
			}
		}
		invented = invented || t.id < 0
		sc.vt = append(sc.vt, t)
	}
	return invented
}

// knownWords reports whether every content word of a name is a word of the source, as when
// the source writes it without capitals (« Participation », « participation »).
func (sc *scorer) knownWords(name string) bool {
	known := true
	eachWord(name, func(w string) {
		sc.tz.parts(w, sc.ix.lang, func(stem []byte) {
			_, ok := sc.ix.lookup(stem)
			known = known && ok
		})
	})
	return known
}

// isHeading reports a sentence written in capitals only, or after a Markdown heading's marker
// (before is what comes before it on its line).
func isHeading(before, sentence string) bool {
	if strings.HasPrefix(strings.TrimSpace(before), "#") {
		return true
	}
	return strings.IndexFunc(sentence, unicode.IsLower) < 0 && strings.IndexFunc(sentence, unicode.IsUpper) >= 0
}
