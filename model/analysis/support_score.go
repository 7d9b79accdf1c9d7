package analysis

import "slices"

// score returns the support of the terms in sc.vt and the best one or two source sentences
// (-1 for none).
func (sc *scorer) score() (float32, [2]int32) {
	best := [2]int32{-1, -1}
	var total float32
	for _, t := range sc.vt {
		total += t.w
	}
	if total == 0 {
		return 0, best
	}
	sc.covered = slices.Grow(sc.covered[:0], len(sc.vt))[:len(sc.vt)]
	clear(sc.covered)
	first, got := sc.bestSentence()
	if first < 0 {
		return 0, best
	}
	best[0] = first
	terms := sc.ix.sentTerms[sc.ix.sentOff[first]:sc.ix.sentOff[first+1]]
	for i, t := range sc.vt {
		_, sc.covered[i] = slices.BinarySearch(terms, t.id)
	}
	total += sc.stanceExtra()
	if second, more := sc.bestSentence(); second >= 0 && more >= secondMin*total && abs32(second-first) <= secondNear {
		best[1] = second
		got += more
		sc.cover(second)
	}
	got -= sc.contradicted(best)
	support := max(0, min(1, got/total))
	return support * sc.claimFactor(), best
}

// bestSentence returns the source sentence covering the most weight of the terms not yet
// covered, the earliest on a tie, and that weight; -1 when none covers any.
func (sc *scorer) bestSentence() (int32, float32) {
	ix := sc.ix
	for i, t := range sc.vt {
		if t.id < 0 || sc.covered[i] {
			continue
		}
		for _, s := range ix.postings[t.id] {
			if sc.acc[s] == 0 {
				sc.touched = append(sc.touched, s)
			}
			sc.acc[s] += t.w
		}
	}
	best, got := int32(-1), float32(0)
	for _, s := range sc.touched {
		if a := sc.acc[s]; a > got || (a == got && ix.sentW[s] < ix.sentW[best]) || (a == got && ix.sentW[s] == ix.sentW[best] && s < best) {
			best, got = s, a
		}
		sc.acc[s] = 0
	}
	sc.touched = sc.touched[:0]
	return best, got
}

func abs32(v int32) int32 {
	if v < 0 {
		return -v
	}
	return v
}

// claimFactor returns what the support is multiplied by when terms of stance of the sentence
// are in none of its best source sentences: claimFactor when one is, times allFactor when it
// is the term of generalisation.
func (sc *scorer) claimFactor() float32 {
	f := float32(1)
	for i, t := range sc.vt {
		switch {
		case !t.stance || sc.covered[i]:
		case t.general:
			f *= allFactor
		case f == 1 || f == allFactor:
			f *= claimFactor
		}
	}
	return f
}
