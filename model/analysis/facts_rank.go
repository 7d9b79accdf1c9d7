package analysis

import (
	"slices"
	"strings"
)

// Lost facts are listed once, each with the number of times the source states it, and ranked by
// what matters in a report, so that a short list shows the facts that matter first:
//
//  1. facts stated in a sentence that records a decision (« décidé », « validé », « adopté »,
//     « voté », « approuvé », "agreed", "decided", "approved"…: see Fact.Decision);
//  2. amounts of money and percentages;
//  3. dates, times and durations;
//  4. other numbers;
//  5. people (a titled name, or one starting with a common first name);
//  6. organisations, places and other names;
//  7. e-mails, URLs and phone numbers.
//
// Within a rank, a fact the source states more often comes first, then the first stated.

// listOnce lists each fact of facts once, at its first occurrence, with Count set to the number
// of its occurrences. With people, names of one person are listed once too (« Mme Roussel » with
// « Mme Hélène Roussel »), under the longer. It reuses the array of facts.
func listOnce(facts []Fact, people bool) []Fact {
	out := facts[:0]
	at := make(map[factKey]int, len(facts))
	var byLast map[string][]int // people's names listed, by their last word
	if people {
		byLast = map[string][]int{}
	}
	for _, f := range facts {
		key := factKey{f.Kind, f.Norm}
		k, ok := at[key]
		if !ok && people && f.Kind == FactName {
			if k, ok = sameName(out, byLast, f); ok {
				at[key] = k
			}
		}
		if !ok {
			f.Count = 1
			at[key] = len(out)
			if people && f.Kind == FactName {
				last := lastNameWord(f.Norm)
				byLast[last] = append(byLast[last], len(out))
			}
			out = append(out, f)
			continue
		}
		g := &out[k]
		if f.Kind == FactName && strings.Count(f.Norm, " ") > strings.Count(g.Norm, " ") {
			f.Count, f.Decision = g.Count, g.Decision
			*g = f
		}
		g.Count++
		g.Decision = g.Decision || f.Decision
	}
	return out
}

// lastNameWord returns the last word of a name key, after an elision: what nameWords ends with.
func lastNameWord(norm string) string {
	last := norm[strings.LastIndexByte(norm, ' ')+1:]
	if k := strings.IndexByte(last, '\''); k >= 0 && k+1 < len(last) {
		last = last[k+1:]
	}
	return last
}

// CountFacts returns the number of distinct facts among facts, counted as FactCheck counts
// those it keeps and loses: each fact once, and a person once under all the names the text gives.
func CountFacts(facts []Fact) int {
	return len(listOnce(slices.Clone(facts), true))
}

// sameName returns the index in out of a person's name that f names too.
func sameName(out []Fact, byLast map[string][]int, f Fact) (int, bool) {
	bucket := byLast[lastNameWord(f.Norm)]
	if len(bucket) == 0 {
		return 0, false
	}
	ws := nameWords(f.Norm)
	for _, k := range bucket {
		other := nameWords(out[k].Norm)
		if (isPersonName(f) || isPersonName(out[k])) && compatibleNames(ws, other) {
			return k, true
		}
	}
	return 0, false
}

// isPersonName reports a name with a title or starting with a common first name.
func isPersonName(f Fact) bool {
	first, _, _ := strings.Cut(f.Text, " ")
	first = strings.TrimSuffix(strings.ToLower(first), ".")
	if titles[first] || dottedTitles[first] {
		return true
	}
	w, _, _ := strings.Cut(f.Norm, " ")
	return strings.Contains(f.Norm, " ") && isFirstName(w)
}

// lostRank is the rank of a lost fact: lower matters more.
func lostRank(f Fact) int {
	switch {
	case f.Decision:
		return 0
	case f.Kind == FactMoney || f.Kind == FactPercent:
		return 1
	case f.Kind == FactDate || f.Kind == FactTime || f.Kind == FactDuration:
		return 2
	case f.Kind == FactNumber:
		return 3
	case f.Kind == FactName && isPersonName(f):
		return 4
	case f.Kind == FactName:
		return 5
	}
	return 6
}

// rankLost sorts lost facts by rank, then by how often the source states them, then by position.
func rankLost(facts []Fact) {
	slices.SortStableFunc(facts, func(a, b Fact) int {
		if ra, rb := lostRank(a), lostRank(b); ra != rb {
			return ra - rb
		}
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return a.Start - b.Start
	})
}

// decisionStems begin the words that record a decision, in lower case.
var decisionStems = []string{"décid", "decid", "décision", "valid", "adopt", "voté", "votée", "voted",
	"approuv", "approv", "acté", "agree", "resolved", "entériné", "endorsed", "arrêté"}

// markDecisions sets Decision on the facts stated in a sentence with a word of decisionStems,
// and Count to 1 on every fact.
func (p *factParser) markDecisions() {
	k, end, decided := 0, -1, false
	for i := range p.out {
		f := &p.out[i]
		for k < len(p.toks)-1 && p.toks[k+1].s <= f.Start {
			k++
		}
		if k >= end {
			start := k
			for start > 0 && !p.toks[start].sentStart {
				start--
			}
			end = k + 1
			for end < len(p.toks) && !p.toks[end].sentStart {
				end++
			}
			decided = p.decides(start, end)
		}
		f.Decision, f.Count = decided, 1
	}
}

// decides reports a word of decisionStems among the tokens from start to end.
func (p *factParser) decides(start, end int) bool {
	for k := start; k < end; k++ {
		t := p.toks[k]
		if t.kind != tkWord || t.e-t.s < 4 {
			continue
		}
		switch p.text[t.s] | 0x20 {
		case 'd', 'v', 'a', 'r', 'e', 0xc3 | 0x20: // 0xc3: the first byte of « é »
		default:
			continue
		}
		w := p.low[t.s:t.e]
		for _, stem := range decisionStems {
			if strings.HasPrefix(w, stem) {
				return true
			}
		}
	}
	return false
}
