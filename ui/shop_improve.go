package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
	"github.com/rapporteur/rapporteur/model/generate"
)

// coachError says the prompt coach needs an Ollama model.
type coachError struct{}

// userFacing marks the text as written for the user.
func (coachError) userFacing() {}

func (coachError) Error() string {
	return lang.L("Improving instructions needs an Ollama model: none was found. The built-in engine cannot do it.")
}

// onImprove asks which model should review the instructions on screen, then runs it.
func (e *presetEditor) onImprove() {
	if err := e.commit(); err != nil {
		e.status.SetText(ErrorText(err))
		return
	}
	models := e.w.svc.hosts.models()
	if len(models) == 0 {
		e.w.svc.showError(coachError{})
		return
	}
	choice, picked := newModelChoice(models)
	intro := wrapLabel(lang.L("A model reads your instructions and points out ambiguities, missing constraints and risks of bias, then proposes a revision. You see what it would change and decide."))
	d := dialog.NewCustomConfirm(lang.L("Improve my instructions"), lang.L("Start"), lang.L("Cancel"),
		container.NewVBox(intro, choice), func(ok bool) {
			if hm, chosen := picked(); ok && chosen {
				e.runCoach(hm.spec())
			}
		}, e.w.svc.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// coach is the prompt coach's window: the answer streaming in, then the remarks and the
// revision as a diff, to accept or not.
type coach struct {
	e       *presetEditor
	before  string // the instructions reviewed
	lang    model.Language
	cancel  context.CancelFunc
	status  *widget.Label
	body    *fyne.Container
	accept  *widget.Button
	dlg     *dialog.CustomDialog
	revised string
}

// runCoach asks the model of spec to review the instructions in the language on screen.
func (e *presetEditor) runCoach(spec model.Spec) *coach {
	u := e.w.svc
	req, err := generate.ImproveRequest(e.p, e.lang, u.presets, spec)
	if err != nil {
		u.showError(err)
		return nil
	}
	ctx, cancel := context.WithCancel(u.ctx)
	c := &coach{e: e, before: e.p.Instructions.In(e.lang), lang: e.lang, cancel: cancel,
		status: wrapLabel(lang.L("The model is reading your instructions…")), body: container.NewVBox()}
	c.accept = widget.NewButton(lang.L("Accept the revision"), c.onAccept)
	c.accept.Importance = widget.HighImportance
	c.accept.Disable()
	keep := widget.NewButton(lang.L("Keep mine"), c.close)
	content := container.NewBorder(c.status, nil, nil, nil, container.NewVScroll(c.body))
	c.dlg = dialog.NewCustomWithoutButtons(lang.L("Improve my instructions"), content, u.win)
	c.dlg.SetButtons([]fyne.CanvasObject{keep, c.accept})
	c.dlg.Resize(fyne.NewSize(900, 640))
	c.dlg.Show()
	engines := u.engines
	u.background.Go(func() {
		progress, stop := partialText(func(partial string) { c.showRaw(partial) })
		out, _, err := generate.Critic(ctx, engines, req, progress)
		stop() // a late partial text must not overwrite the outcome
		runOnUI(func() { c.finish(out, err) })
	})
	return c
}

// showRaw shows the answer as written so far.
func (c *coach) showRaw(text string) {
	c.body.Objects = []fyne.CanvasObject{wrapLabel(text)}
	c.body.Refresh()
}

// finish shows the outcome: the remarks and the revision's diff, or why there is none. A
// failed answer keeps what the model wrote.
func (c *coach) finish(text string, err error) {
	if err != nil {
		c.status.SetText(lang.L("The review stopped: {{.Reason}}", map[string]any{"Reason": ErrorText(err)}))
		c.showRaw(text)
		return
	}
	imp, ok := generate.ParseImprovement(text, c.lang)
	if !ok {
		c.status.SetText(lang.L("The answer does not follow the expected format (remarks, then revised instructions): nothing was changed. Here it is as written."))
		c.showRaw(text)
		return
	}
	c.revised = imp.Revised
	remarks := widget.NewRichTextFromMarkdown(imp.Remarks)
	remarks.Wrapping = fyne.TextWrapWord
	diff := widget.NewRichText(wordDiffSegments(analysis.WordDiff(c.before, imp.Revised))...)
	diff.Wrapping = fyne.TextWrapWord
	c.body.Objects = []fyne.CanvasObject{
		widget.NewLabelWithStyle(lang.L("Remarks"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), remarks,
		widget.NewLabelWithStyle(lang.L("Proposed revision (added words in bold, removed words in red)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), diff,
	}
	c.body.Refresh()
	c.status.SetText(lang.L("Read the remarks and the changes. Accepting puts the revision in the editor; save it to make a new version."))
	if strings.TrimSpace(imp.Revised) != strings.TrimSpace(c.before) {
		c.accept.Enable()
	}
}

// onAccept puts the revision in the editor, in the language that was reviewed.
func (c *coach) onAccept() {
	e := c.e
	if e.lang != c.lang {
		_ = e.commit()
		e.lang = c.lang
		e.load()
	}
	e.instructions.SetText(c.revised)
	c.close()
}

// close stops the model if it is still writing and closes the window.
func (c *coach) close() {
	c.cancel()
	c.dlg.Hide()
}
