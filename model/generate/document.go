package generate

import (
	"math"
	"regexp"
	"strings"
	"unicode"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// unitKind is the Markdown block a sentence belongs to.
type unitKind int

const (
	unitText    unitKind = iota // a paragraph
	unitItem                    // a list item
	unitHeading                 // a heading
	unitRow                     // a table row
)

// unit is one sentence of the source with what the extraction needs to know about it.
type unit struct {
	analysis.Sentence
	plain   string
	kind    unitKind // the kind of the block the sentence is in
	level   int      // heading level, for headings
	block   int      // the block's number: sentences of one paragraph share it
	section int      // the heading unit the sentence is under, or -1
	parent  int      // for headings: the enclosing heading, or -1
	words   int      // number of words
	content []string // content words, lower case, in order, without repeats
	score   float64
}

var markerPrefix = regexp.MustCompile(`^[ \t>]*(#{1,6}[ \t]+|\|[ \t]*|([-*+]|\d{1,9}[.)])[ \t]+(\[[ xX]\][ \t]+)?)$`)

// document splits body into units and scores them.
func document(body string, lang model.Language) []unit {
	sentences := analysis.Sentences(body, lang)
	units := make([]unit, len(sentences))
	block, section := -1, -1
	var headings []int // the open headings, outermost first
	for i, s := range sentences {
		u := unit{Sentence: s, plain: analysis.Plain(s.Text), section: section, parent: -1}
		lineStart := strings.LastIndexByte(body[:s.Start], '\n') + 1
		kind, level, marker := markerKind(body[lineStart:s.Start])
		if i == 0 || marker || newBlock(body[sentences[i-1].End:s.Start], units[i-1].kind) {
			block++
		} else {
			kind, level = units[i-1].kind, units[i-1].level
		}
		u.kind, u.level, u.block = kind, level, block
		if kind == unitHeading && marker {
			for len(headings) > 0 && units[headings[len(headings)-1]].level >= level {
				headings = headings[:len(headings)-1]
			}
			if len(headings) > 0 {
				u.parent = headings[len(headings)-1]
			}
			headings = append(headings, i)
			section = i
			u.section = i
		}
		u.words, u.content = contentWords(u.plain)
		units[i] = u
	}
	score(units)
	return units
}

// markerKind tells the block kind from what precedes a sentence on its line, and whether
// that is a block marker (the sentence opens its block).
func markerKind(prefix string) (unitKind, int, bool) {
	m := markerPrefix.FindStringSubmatch(prefix)
	switch {
	case strings.TrimLeft(prefix, " \t>") == "":
		return unitText, 0, false
	case m == nil:
		return unitText, 0, false
	case strings.HasPrefix(m[1], "#"):
		return unitHeading, strings.Count(m[1], "#"), true
	case strings.HasPrefix(m[1], "|"):
		return unitRow, 0, true
	}
	return unitItem, 0, true
}

// newBlock reports whether the text between two sentences separates two blocks: a blank
// line or skipped Markdown (a rule, a code block), or the end of a single-line block (a
// heading's closing #, a table row's last pipe).
func newBlock(gap string, prev unitKind) bool {
	lines := strings.Split(gap, "\n")
	switch {
	case len(lines) == 1:
		return false
	case len(lines) > 2, prev == unitHeading, prev == unitRow:
		return true
	}
	return strings.TrimLeft(lines[0], " \t\r") != ""
}

// contentWords returns the number of words of s and its content words.
func contentWords(s string) (int, []string) {
	words := analysis.Words(s)
	seen := map[string]bool{}
	var content []string
	for _, w := range words {
		w = strings.ToLower(w)
		if len([]rune(w)) < 2 || stopWords[w] || strings.HasSuffix(w, "'") || strings.HasSuffix(w, "’") || seen[w] {
			continue
		}
		seen[w] = true
		content = append(content, w)
	}
	return len(words), content
}

// score gives every sentence that can be picked a score: how central its words are to the
// whole text, with bonuses for the opening of a section and for figures and names.
func score(units []unit) {
	freq := map[string]int{}
	for _, u := range units {
		if u.kind != unitHeading {
			for _, w := range u.content {
				freq[w]++
			}
		}
	}
	for i := range units {
		u := &units[i]
		if u.kind == unitHeading || u.kind == unitRow || len(u.content) == 0 {
			continue
		}
		sum := 0.0
		for _, w := range u.content {
			sum += math.Log1p(float64(freq[w] - 1))
		}
		u.score = (1 + sum) / math.Sqrt(float64(len(u.content)))
		u.score *= bonus(units, i)
	}
}

// bonus returns the factor applied to unit i's centrality.
func bonus(units []unit, i int) float64 {
	u := units[i]
	f := 1.0
	if i == 0 || units[i-1].kind == unitHeading {
		f *= 1.3 // opens the text or a section
	}
	if firstSentence(units, i) {
		f *= 1.3 // the text's opening says what the session was about
	}
	if strings.IndexFunc(u.plain, unicode.IsDigit) >= 0 {
		f *= 1.15
	}
	if hasName(u.plain) {
		f *= 1.1
	}
	if anaphora.MatchString(u.plain) {
		f *= 0.7
	}
	if c := cueOf(u.plain); c == cueDecision || c == cueNext {
		f *= 1.5 // what was decided and what comes next belong in any summary
	}
	if strings.HasSuffix(strings.TrimSpace(u.plain), "?") {
		f *= 0.5 // a question alone rarely sums up a session; its answer does
	}
	switch {
	case u.words < 4:
		f *= 0.5
	case u.words > 60:
		f *= 0.8
	}
	return f
}

// hasName reports a capitalised word after the first one, a likely proper name.
func hasName(s string) bool {
	words := analysis.Words(s)
	for _, w := range words[min(1, len(words)):] {
		r := []rune(w)
		if unicode.IsUpper(r[0]) {
			return true
		}
	}
	return false
}

// firstSentence reports whether unit i is the first sentence of the text that is not a heading.
func firstSentence(units []unit, i int) bool {
	for j := range i {
		if units[j].kind != unitHeading {
			return false
		}
	}
	return units[i].kind != unitHeading
}
