package generate

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// Default shares of the source's words, when a preset sets none.
const (
	defaultSynthesisRatio = 0.2
	defaultKeyPointsRatio = 0.25
)

// Section labels of the decisions method. They are fixed structure, not text taken from the
// source: the never-invents test knows them.
var decisionLabels = map[model.Language][2]string{
	model.French:  {"Décisions", "Prochaines étapes"},
	model.English: {"Decisions", "Next steps"},
}

// output collects the pieces of a variant; their concatenation is the variant's text.
// Every piece but the first starts with its separator, so each can be streamed as a delta.
type output struct {
	pieces []string
	lang   model.Language
	last   unitKind // the kind of the last block written, to keep list items together
}

// add appends a piece of a new block (sep "\n\n") or of the current one.
func (o *output) add(sep, s string) {
	if len(o.pieces) == 0 {
		sep = ""
	}
	o.pieces = append(o.pieces, sep+s)
}

// newline matches a line break with the indentation and quote markers of the next line.
var newline = regexp.MustCompile(`[ \t]*\r?\n[ \t>]*`)

// flat returns a sentence's text on one line.
func flat(s string) string { return newline.ReplaceAllString(s, " ") }

// verify reports whether piece, split again, gives exactly the sentences want.
func (o *output) verify(piece string, want []unit) bool {
	got := analysis.Sentences(piece, o.lang)
	if len(got) != len(want) {
		return false
	}
	for i, s := range got {
		if analysis.Plain(s.Text) != want[i].plain {
			return false
		}
	}
	return true
}

// sentence writes one sentence as a block: a paragraph, or a list item if that is what it
// was or if a paragraph would read back differently; it drops a sentence that cannot be
// written back as itself.
func (o *output) sentence(u unit, bullet bool) {
	text := flat(u.Text)
	sep := "\n\n"
	if bullet || u.kind == unitItem || u.kind == unitRow || !o.verify(text, []unit{u}) {
		text = "- " + text
		if o.last == unitItem {
			sep = "\n"
		}
		if !o.verify(text, []unit{u}) {
			return
		}
		o.last = unitItem
	} else {
		o.last = unitText
	}
	o.add(sep, text)
}

// run writes sentences that follow each other in one source block as they were written,
// falling back to one block per sentence when the run would read back differently.
func (o *output) run(body string, run []unit) {
	if len(run) == 1 || run[0].kind == unitRow {
		for _, u := range run {
			o.sentence(u, false)
		}
		return
	}
	parts := make([]string, len(run))
	text := ""
	for i, u := range run {
		if i > 0 {
			parts[i] = " "
			if strings.Contains(body[run[i-1].End:u.Start], "\n") {
				parts[i] = "\n"
			}
		}
		parts[i] += flat(u.Text)
		text += parts[i]
	}
	prefix, sep := "", "\n\n"
	if run[0].kind == unitItem {
		prefix = "- "
		if o.last == unitItem {
			sep = "\n"
		}
	}
	if !o.verify(prefix+text, run) {
		for _, u := range run {
			o.sentence(u, false)
		}
		return
	}
	o.add(sep, prefix+parts[0])
	o.pieces = append(o.pieces, parts[1:]...)
	o.last = run[0].kind
}

// heading writes a source heading, with the number of # it had.
func (o *output) heading(body string, units []unit, h int) {
	end := h
	for end+1 < len(units) && units[end+1].block == units[h].block {
		end++
	}
	text := strings.Repeat("#", units[h].level) + " " + flat(body[units[h].Start:units[end].End])
	if o.verify(text, units[h:end+1]) {
		o.add("\n\n", text)
		o.last = unitHeading
	}
}

// minShare is the lowest score, as a share of the best one, a sentence needs to be picked.
const minShare = 0.4

// pick returns the indexes of the best-scored sentences, in source order, until they hold
// about ratio of the source's words.
func pick(units []unit, ratio float64) []int {
	total := 0
	var candidates []int
	for i, u := range units {
		total += u.words
		if u.score > 0 {
			candidates = append(candidates, i)
		}
	}
	slices.SortStableFunc(candidates, func(a, b int) int { return cmp.Compare(units[b].score, units[a].score) })
	target := int(math.Ceil(ratio * float64(total)))
	var chosen []int
	sum := 0
	for _, i := range candidates {
		if sum >= target || (sum > 0 && units[i].score < minShare*units[candidates[0]].score) {
			break // filling the length with weak sentences would only add noise
		}
		if n := units[i].words; sum == 0 || float64(sum+n) <= 1.1*float64(target) {
			chosen = append(chosen, i)
			sum += n
		}
	}
	slices.Sort(chosen)
	return chosen
}

// synthesis writes the chosen sentences in source order under the headings of their sections,
// keeping sentences that follow each other in the source together.
func synthesis(body string, units []unit, o *output, ratio float64) {
	chosen := pick(units, ratio)
	written := map[int]bool{}
	for k := 0; k < len(chosen); {
		end := k + 1
		for end < len(chosen) && chosen[end] == chosen[end-1]+1 && units[chosen[end]].block == units[chosen[k]].block {
			end++
		}
		first := units[chosen[k]]
		o.headings(body, units, first.section, written)
		run := make([]unit, 0, end-k)
		for _, i := range chosen[k:end] {
			run = append(run, units[i])
		}
		o.run(body, run)
		k = end
	}
}

// headings writes heading h and the headings enclosing it, unless already written.
func (o *output) headings(body string, units []unit, h int, written map[int]bool) {
	if h < 0 || written[h] {
		return
	}
	o.headings(body, units, units[h].parent, written)
	written[h] = true
	o.heading(body, units, h)
}

// keyPoints writes the chosen sentences as a bullet list, in source order.
func keyPoints(units []unit, o *output, ratio float64) {
	for _, i := range pick(units, ratio) {
		o.sentence(units[i], true)
	}
}

// inherit returns what a sentence counts as in a section whose heading announces section: a
// sentence without a cue of its own takes the section's, unless it is in the past tense and
// the section is one of next steps; one that only gives a date or a deadline is a next step.
func inherit(own, section cue) cue {
	switch {
	case own == cueNone, own == cuePast && section == cueDecision:
		return section
	case own == cuePast, own == cueTimed && section == cueNone:
		return cueNone
	case own == cueTimed:
		return cueNext
	}
	return own
}

// decisions writes the sentences announcing a decision, then those announcing a next step,
// each under its fixed label. A sentence counts if it carries a cue itself or sits in a
// section whose heading does (see cueOf and inherit). ratio, when positive, caps the words written.
func decisions(units []unit, o *output, ratio float64) {
	var groups [2][]unit
	total := 0
	sectionCue := map[int]cue{}
	for i, u := range units {
		total += u.words
		if u.kind == unitHeading {
			if u.section == i {
				sectionCue[i] = headingCue(u.plain)
			}
			continue
		}
		if c := inherit(cueOf(u.plain), sectionCue[u.section]); c == cueDecision || c == cueNext {
			groups[c-cueDecision] = append(groups[c-cueDecision], u)
		}
	}
	budget := math.MaxInt
	if ratio > 0 {
		budget = int(math.Ceil(ratio * float64(total)))
	}
	labels := decisionLabels[o.lang]
	for g, list := range groups {
		if len(list) == 0 || budget <= 0 {
			continue
		}
		mark := len(o.pieces)
		o.add("\n\n", "## "+labels[g])
		o.last = unitHeading
		for _, u := range list {
			if budget <= 0 {
				break
			}
			o.sentence(u, true)
			budget -= u.words
		}
		if len(o.pieces) == mark+1 { // every sentence was dropped: no empty section
			o.pieces = o.pieces[:mark]
		}
	}
}
