package export

import (
	"fmt"
	"strings"

	"github.com/rapporteur/rapporteur/model"
)

// Styles of the review page and the appendix.
var (
	flowText = style{"", 9}
	flowBold = style{"B", 9}
	flowNote = style{"I", 8.5}
)

const (
	flowW     = 210.0 // width of running text on the review page and in the appendix
	flowLineH = 4.6
)

// reviewPage draws the page of reviews: the blind votes with their outcome, letters,
// reasons and comments, the models' critiques and the « relu par » marks. It draws nothing
// when there is none of them.
func (d *document) reviewPage() {
	if len(d.c.Votes) == 0 && len(d.c.Critiques) == 0 && len(d.c.Reviews) == 0 {
		return
	}
	y := d.sectionPage(d.ext.review)
	y = d.h2(y, d.ext.votes)
	if len(d.c.Votes) == 0 {
		y = d.paragraph(marginX, y, flowW, flowNote, colorMuted, d.ext.noVotes, flowLineH)
	}
	for i, v := range d.c.Votes {
		y = d.vote(y, i, v)
	}
	y = d.critiques(y)
	d.reviewMarks(y)
}

// h2 draws a heading of a section with a rule under it from y, on the next page when too
// little room is left, and returns the baseline of the first line under it.
func (d *document) h2(y float64, s string) float64 {
	y = d.room(y+4, 16)
	d.text(marginX, y, coverH2, colorAccent, s)
	d.rule(marginX, pageW-marginX, y+2.5, 0.3, colorAccent)
	return y + 8.5
}

// variantName names the variant with the given ID as the document does, « Variante 2 ».
func (d *document) variantName(id int64) string {
	for i, v := range d.c.Variants {
		if v.ID == id {
			return fmt.Sprintf(d.lab.variant, i+1)
		}
	}
	return fmt.Sprintf(d.lab.variant, 0) + fmt.Sprintf(" (#%d)", id)
}

// vote draws one blind vote: its outcome, who voted and when, the letters the variants were
// shown under, and each reaction.
func (d *document) vote(y float64, i int, v model.Vote) float64 {
	outcome := d.ext.outcomes[v.Outcome]
	if v.Outcome == model.OutcomePreferred && v.Preferred != 0 {
		outcome = fmt.Sprintf(d.ext.preferred, d.variantName(v.Preferred)) // « Variante 2 préférée »
	}
	head := []string{fmt.Sprintf(d.ext.vote, i+1), outcome}
	if !v.Created.IsZero() {
		head = append(head, d.lab.formatDate(v.Created))
	}
	if voter := cleanLine(v.Voter, d.fs); voter != "" {
		head = append(head, fmt.Sprintf(d.ext.by, voter))
	}
	y = d.paragraph(marginX, d.room(y, 3*flowLineH), flowW, flowBold, colorText, joinNonEmpty(" · ", head...), flowLineH)
	shown := make([]string, len(v.Shown))
	for j, id := range v.Shown {
		shown[j] = fmt.Sprintf(d.ext.shownAs, model.Letter(j), d.variantName(id))
	}
	y = d.paragraph(marginX, y, flowW, flowText, colorMuted, strings.Join(shown, " · "), flowLineH)
	for _, r := range v.Reactions {
		if len(r.Reasons) > 0 || cleanLine(r.Comment, d.fs) != "" { // a bare letter says nothing
			y = d.reaction(y, v, r)
		}
	}
	return y + 3
}

// reaction draws a reviewer's reasons and comment on one variant of a vote.
func (d *document) reaction(y float64, v model.Vote, r model.Reaction) float64 {
	letter := r.Label
	if letter == "" {
		for j, id := range v.Shown {
			if id == r.VariantID {
				letter = model.Letter(j)
			}
		}
	}
	reasons := make([]string, len(r.Reasons))
	for j, reason := range r.Reasons {
		reasons[j] = d.ext.reasons[reason]
		if reasons[j] == "" {
			reasons[j] = string(reason)
		}
	}
	text := joinNonEmpty(" — ", letter, strings.Join(reasons, ", "))
	if c := cleanLine(r.Comment, d.fs); c != "" {
		q := "« " + c + " »"
		if d.lab.lang == model.English {
			q = "“" + c + "”"
		}
		text += " — " + q
	}
	return d.paragraph(marginX+4, y, flowW-4, flowText, colorText, text, flowLineH)
}

// critiques draws the models' critiques, variant by variant.
func (d *document) critiques(y float64) float64 {
	if len(d.c.Critiques) == 0 {
		return y
	}
	y = d.h2(y, d.ext.critiques)
	for _, v := range d.c.Variants {
		for _, c := range d.c.Critiques[v.ID] {
			who := d.engineName(model.Variant{Spec: c.Spec}, false)
			title := fmt.Sprintf(d.ext.critiqueBy, d.variantName(v.ID), who)
			if c.Status != model.StatusDone {
				title += " — " + d.lab.statusName(c.Status)
			}
			y = d.paragraph(marginX, d.room(y, 3*flowLineH), flowW, flowBold, colorText, title, flowLineH)
			y = d.markdownFlow(y, marginX+4, flowW-4, flowText, cleanText(c.Text, d.fs)) + 3
		}
	}
	return y
}

// reviewMarks draws who reviewed each variant, when, and their note.
func (d *document) reviewMarks(y float64) {
	if len(d.c.Reviews) == 0 {
		return
	}
	y = d.h2(y, d.ext.reviewMarks)
	for _, v := range d.c.Variants {
		m, ok := d.c.Reviews[v.ID]
		if !ok {
			continue
		}
		text := d.variantName(v.ID) + " — " +
			fmt.Sprintf(d.ext.reviewedBy, cleanLine(m.Reviewer, d.fs), d.lab.formatMetaDate(m.Date))
		if n := cleanLine(m.Note, d.fs); n != "" {
			text += " — " + n
		}
		y = d.paragraph(marginX, y, flowW, flowText, colorText, text, flowLineH)
	}
}

// markdownFlow draws a Markdown text as running text from y: headings in bold, list items
// with their marker, blocks apart; it returns the baseline under it.
func (d *document) markdownFlow(y, x, w float64, st style, text string) float64 {
	for i, b := range parseMarkdown(text) {
		if i > 0 && !b.tight {
			y += 1.6
		}
		switch b.kind {
		case blockHeading:
			y = d.paragraph(x, d.room(y, 2*flowLineH), w, style{"B", st.size}, colorText, b.text, flowLineH)
		case blockItem:
			indent := float64(b.level)*3.6 + 4
			y = d.room(y, flowLineH)
			d.text(x+indent-4, y, st, colorText, b.marker)
			y = d.paragraph(x+indent, y, w-indent, st, colorText, b.text, flowLineH)
		default:
			y = d.paragraph(x, y, w, st, colorText, b.text, flowLineH)
		}
	}
	return y
}
