package analysis

import (
	"slices"
	"strings"
)

// Merged sentences. A summary often joins two sentences of the source into one with a comma
// and a conjunction (« …, et aucun projet ne peut dépasser 40 000 € », "…, and the council will
// reply"). When a variant sentence is not supported as a whole, each of its clauses is scored
// on its own and the sentence takes the support of its worst clause: it is supported when
// every clause is, each by its own source sentence. A clause too short to judge (fewer than
// minJudged terms) is not split off.

// clauseMarks are the joints between two clauses, in plain text, lower case.
var clauseMarks = []string{
	", et ", ", mais ", ", tandis que ", ", alors que ", ", tandis qu'", ", alors qu'", " ; ", "; ",
	", and ", ", but ", ", while ", ", whereas ",
}

// maxClauses bounds the clauses a sentence is split into.
const maxClauses = 4

// clauses appends to dst the clauses of s, split at clauseMarks; it appends nothing when s has
// one clause.
func clauses(dst []Sentence, s Sentence) []Sentence {
	lower := strings.ToLower(s.Text)
	start, n := 0, len(dst)
	for i := 0; i < len(lower) && len(dst)-n < maxClauses-1; i++ {
		if lower[i] != ',' && lower[i] != ';' && lower[i] != ' ' {
			continue
		}
		for _, m := range clauseMarks {
			if strings.HasPrefix(lower[i:], m) {
				dst = append(dst, Sentence{Text: s.Text[start:i], Start: s.Start + start, End: s.Start + i})
				start = i + 1
				i += len(m) - 1
				break
			}
		}
	}
	if len(dst) == n {
		return dst
	}
	return append(dst, Sentence{Text: s.Text[start:], Start: s.Start + start, End: s.End})
}

// clauseSupport returns the support of the sentence s by its worst clause, and puts the best
// source sentence of each clause in sc.clauseSpans; ok is false when s has one clause, or one
// too short to judge. fi is the first fact that may lie in s.
func (sc *scorer) clauseSupport(text string, s Sentence, facts []Fact, fi int) (worst float32, ok bool) {
	sc.parts = clauses(sc.parts[:0], s)
	sc.clauseSpans = sc.clauseSpans[:0]
	if len(sc.parts) == 0 {
		return 0, false
	}
	worst = 1
	for _, c := range sc.parts {
		k := fi
		sc.collect(text, c, facts, &k)
		if len(sc.vt) < minJudged {
			return 0, false
		}
		support, best := sc.score()
		worst = min(worst, support)
		if best[0] >= 0 && !slices.Contains(sc.clauseSpans, sc.ix.spans[best[0]]) {
			sc.clauseSpans = append(sc.clauseSpans, sc.ix.spans[best[0]])
		}
	}
	return worst, true
}
