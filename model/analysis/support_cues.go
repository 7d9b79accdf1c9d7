package analysis

import (
	"slices"
	"strings"
)

// stanceExtra returns the weight that the terms of stance the best source sentence lacks add to
// the sentence's weight: their weight once more.
func (sc *scorer) stanceExtra() float32 {
	var w float32
	for i, t := range sc.vt {
		if t.stance && !sc.covered[i] {
			w += t.w
		}
	}
	return w
}

// Cues that a variant sentence says something else than the source sentence it shares words
// with: a negation the source sentence lacks, a word of stance it lacks, and a word whose
// opposite it uses (see synonyms.go).
//
// A word of stance, one that has an opposite (« rejeter », "approve", « fermer »), decides what
// the sentence claims: when the best source sentence lacks it, it weighs twice, so that
// « Le jardin sera fermé » is not supported by a sentence about the garden that says nothing of
// closing it, even when another sentence of the source closes something else.
//
// A negated sentence (« ne … pas », « jamais », « aucun », « ne … plus », "not", "never",
// "n't"…; not « ne … que », which restricts) holds one more term, negTerm, which every negated
// sentence of the source holds: a variant sentence that denies what the source affirms lacks it.

// negTerm is the term of a negation; no folded word has a '!'.
const negTerm = "!neg"

// noOpposite is the opposites of a term that has none.
var noOpposite = [maxOpposites]int32{-1, -1}

// negation notes in tz whether the folded word w negates its sentence.
func (tz *tokenizer) negation(w []byte) {
	if len(w) > 8 {
		tz.all = tz.all || isAllWord(w)
		return
	}
	tz.all = tz.all || isAllWord(w)
	switch string(w) {
	case "ne", "n'":
		tz.ne = true
	case "pas", "jamais", "aucun", "aucune", "rien", "nul", "nulle", "guere",
		"not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot":
		tz.neg = true
	case "plus":
		tz.neg = tz.neg || tz.ne
	default:
		tz.neg = tz.neg || strings.HasSuffix(string(w), "n't")
	}
}

// termOf returns the term of a source word's stem, adding it when new: the term of its group
// when it has one (see synonyms.go), under the group's stem and its own.
func (ix *supportIndex) termOf(stem []byte) int32 {
	if id, ok := ix.terms[string(stem)]; ok {
		return id
	}
	c, ok := tableFor(ix.lang).canonical[string(stem)]
	if !ok {
		return ix.term(string(stem))
	}
	id := ix.term(c)
	ix.terms[string(stem)] = id
	return id
}

// lookup returns the term of a variant word's stem: its own, or its group's.
func (ix *supportIndex) lookup(stem []byte) (int32, bool) {
	if id, ok := ix.terms[string(stem)]; ok {
		return id, true
	}
	if c, ok := tableFor(ix.lang).canonical[string(stem)]; ok {
		id, ok := ix.terms[c]
		return id, ok
	}
	return -1, false
}

// stanceTerms notes the source's terms of stance and the terms saying their opposite.
func (ix *supportIndex) stanceTerms() {
	ix.stance = make([]bool, len(ix.postings))
	ix.anti = map[int32][maxOpposites]int32{}
	tab := tableFor(ix.lang)
	for c := range tab.stance {
		if id, ok := ix.terms[c]; ok {
			ix.stance[id] = true
			if ops, ok := tab.opposite[c]; ok {
				ix.anti[id] = ix.opposites(ops)
			}
		}
	}
	if id, ok := ix.terms[allTerm]; ok {
		ix.stance[id] = true
	}
}

// opposites returns the source's terms of the groups ops, -1 for those it lacks.
func (ix *supportIndex) opposites(ops []string) [maxOpposites]int32 {
	out := noOpposite
	for i, o := range ops {
		if id, ok := ix.terms[o]; ok {
			out[i] = id
		}
	}
	return out
}

// knownTerm returns the variant's term for the source's term id.
func (ix *supportIndex) knownTerm(id int32) vterm {
	t := vterm{id: id, w: ix.weight[id], anti: noOpposite}
	if ix.stance[id] {
		t.stance, t.anti = true, ix.anti[id]
	}
	return t
}

// unknownTerm returns the variant's term for a stem the source lacks, a word of stance when
// its group has an opposite.
func (ix *supportIndex) unknownTerm(stem []byte) vterm {
	t := vterm{id: -1, w: ix.unknown, anti: noOpposite}
	tab := tableFor(ix.lang)
	if c, ok := tab.canonical[string(stem)]; ok && tab.stance[c] {
		t.stance = true
		if ops, ok := tab.opposite[c]; ok {
			t.anti = ix.opposites(ops)
		}
	}
	return t
}

// cover marks the terms of the variant sentence that source sentence s holds.
func (sc *scorer) cover(s int32) {
	terms := sc.ix.sentTerms[sc.ix.sentOff[s]:sc.ix.sentOff[s+1]]
	for i, t := range sc.vt {
		if !sc.covered[i] {
			_, sc.covered[i] = slices.BinarySearch(terms, t.id)
		}
	}
}

// contradicted returns the weight of the variant sentence's terms that its best source
// sentences lack while holding their opposite.
func (sc *scorer) contradicted(best [2]int32) float32 {
	var w float32
	for i, t := range sc.vt {
		if sc.covered[i] || t.anti[0] < 0 && t.anti[1] < 0 {
			continue
		}
		if sc.holdsAny(best, t.anti) {
			w += t.w
		}
	}
	return w
}

// holdsAny reports whether one of the source sentences best holds one of the terms ids.
func (sc *scorer) holdsAny(best [2]int32, ids [maxOpposites]int32) bool {
	for _, b := range best {
		if b < 0 {
			continue
		}
		terms := sc.ix.sentTerms[sc.ix.sentOff[b]:sc.ix.sentOff[b+1]]
		for _, id := range ids {
			if _, ok := slices.BinarySearch(terms, id); ok && id >= 0 {
				return true
			}
		}
	}
	return false
}

// cueTerm returns the variant's term for a cue, negTerm or allTerm.
func (ix *supportIndex) cueTerm(key string) vterm {
	if id, ok := ix.terms[key]; ok {
		return vterm{id: id, w: ix.weight[id], anti: noOpposite}
	}
	return vterm{id: -1, w: ix.unknown, anti: noOpposite}
}
