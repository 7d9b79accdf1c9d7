package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
)

// maxBlind is how many variants a blind comparison shows: A, B, C, D.
const maxBlind = 4

// blindVote is a blind comparison under way: variants shown as letters in shuffled order, their
// engine and preset hidden until the vote.
type blindVote struct {
	ids       []int64 // variant IDs in the order shown (A, B, C, D)
	preferred *widget.RadioGroup
	reasons   []*widget.CheckGroup
	comments  []*widget.Entry
	submit    *widget.Button
	voted     *model.Vote
}

func (c *comparison) blindOn() bool { return c.blind != nil }

// onBlind starts or ends a blind comparison of the run's done variants.
func (c *comparison) onBlind(on bool) {
	if !on {
		c.blind = nil
		c.show(c.source, c.run, c.variants)
		return
	}
	var ids []int64
	for _, v := range c.variants {
		if v.Status == model.StatusDone && len(ids) < maxBlind {
			ids = append(ids, v.ID)
		}
	}
	if len(ids) < 2 {
		c.blindCheck.SetChecked(false)
		c.svc.showError(blindError{})
		return
	}
	c.blind = newBlindVote(model.BlindOrder(ids, time.Now().UnixNano()), c.onVote)
	c.shown = nil
	for _, id := range c.blind.ids {
		c.shown = append(c.shown, c.indexOf(id))
	}
	c.pickBox.Hide()
	c.layoutColumns()
	c.refreshMetrics()
	c.refreshExport()
}

type blindError struct{}

// userFacing marks the text as written for the user.
func (blindError) userFacing() {}

func (blindError) Error() string {
	return lang.L("A blind comparison needs at least two finished variants.")
}

func (c *comparison) indexOf(id int64) int {
	for i, v := range c.variants {
		if v.ID == id {
			return i
		}
	}
	return -1
}

// reasonLabel names a reason tag in the interface language.
func reasonLabel(r model.Reason) string {
	switch r {
	case model.ReasonUseful:
		return lang.L("useful")
	case model.ReasonComplete:
		return lang.L("complete")
	case model.ReasonCreative:
		return lang.L("creative")
	case model.ReasonClear:
		return lang.L("clear layout")
	case model.ReasonIncorrect:
		return lang.L("incorrect")
	case model.ReasonIgnoredInstructions:
		return lang.L("instructions not followed")
	case model.ReasonSuperficial:
		return lang.L("superficial")
	}
	return string(r)
}

func allReasons() []model.Reason {
	return append(append([]model.Reason(nil), model.PositiveReasons...), model.NegativeReasons...)
}

func newBlindVote(ids []int64, onVote func()) *blindVote {
	b := &blindVote{ids: ids}
	options := make([]string, 0, len(ids)+2)
	for i := range ids {
		options = append(options, model.Letter(i))
	}
	options = append(options, lang.L("Equivalent"), lang.L("None"))
	b.preferred = widget.NewRadioGroup(options, nil)
	var labels []string
	for _, r := range allReasons() {
		labels = append(labels, reasonLabel(r))
	}
	for range ids {
		g := widget.NewCheckGroup(labels, nil)
		b.reasons = append(b.reasons, g)
		e := widget.NewEntry()
		e.PlaceHolder = lang.L("Comment (optional)")
		b.comments = append(b.comments, e)
	}
	b.submit = widget.NewButton(lang.L("Vote and reveal"), onVote)
	b.submit.Importance = widget.HighImportance
	return b
}

// panel lays out the vote form under the columns: the choice of the preferred variant under
// the source, and each variant's reasons and comment under its own column.
func (b *blindVote) panel() fyne.CanvasObject {
	grid := container.NewGridWithColumns(1 + len(b.ids))
	bold := func(text string) *widget.Label {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	grid.Add(container.NewVBox(bold(lang.L("Which variant do you prefer?")), b.preferred, container.NewHBox(b.submit)))
	for i := range b.ids {
		grid.Add(container.NewVBox(bold(lang.L("Variant {{.N}}", map[string]any{"N": model.Letter(i)})), b.reasons[i], b.comments[i]))
	}
	return grid
}

// vote reads the form into a Vote of run.
func (b *blindVote) vote(runID int64) model.Vote {
	v := model.Vote{RunID: runID, Shown: b.ids, Outcome: model.OutcomePreferred}
	switch i := indexOf(b.preferred.Options, b.preferred.Selected); {
	case i < 0:
		v.Outcome = "" // nothing chosen: Validate refuses it
	case i < len(b.ids):
		v.Preferred = b.ids[i]
	case i == len(b.ids):
		v.Outcome = model.OutcomeEquivalent
	default:
		v.Outcome = model.OutcomeNone
	}
	reasons := allReasons()
	for i, id := range b.ids {
		r := model.Reaction{VariantID: id, Label: model.Letter(i), Comment: strings.TrimSpace(b.comments[i].Text)}
		for _, sel := range b.reasons[i].Selected {
			if k := indexOf(b.reasons[i].Options, sel); k >= 0 {
				r.Reasons = append(r.Reasons, reasons[k])
			}
		}
		v.Reactions = append(v.Reactions, r)
	}
	return v
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// onVote stores the vote and reveals which engine and preset wrote each letter.
func (c *comparison) onVote() {
	b := c.blind
	if b == nil || b.voted != nil {
		return
	}
	if b.preferred.Selected == "" {
		c.svc.showError(voteError{})
		return
	}
	saved, err := c.svc.store.SaveVote(c.svc.ctx, b.vote(c.run.ID))
	if err != nil {
		c.svc.showError(err)
		return
	}
	b.voted = &saved
	c.layoutColumns()
	c.refreshMetrics()
	c.refreshExport()
}

type voteError struct{}

// userFacing marks the text as written for the user.
func (voteError) userFacing() {}

func (voteError) Error() string {
	return lang.L("Choose the variant you prefer, or « equivalent » or « none », before voting.")
}

// blindTitle is a column's title in blind mode: a letter, and once voted what it was.
func (c *comparison) blindTitle(v model.Variant) (string, string) {
	letter := ""
	for i, id := range c.blind.ids {
		if id == v.ID {
			letter = model.Letter(i)
		}
	}
	title := lang.L("Variant {{.N}}", map[string]any{"N": letter})
	if c.blind.voted == nil {
		return title, lang.L("engine and preset hidden until you vote")
	}
	sub := variantTitle(c.svc.presets, v) + " · " + engineLabel(v.Spec)
	if c.blind.voted.Preferred == v.ID {
		sub = "★ " + lang.L("your choice") + " — " + sub
	}
	return title, sub
}
