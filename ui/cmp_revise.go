package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// onRevise writes a new variant of the run from v and its critique, with the model that wrote v
// (or the critic when v came from the built-in engine), and shows it in the comparison.
func (c *comparison) onRevise(v model.Variant, cr model.Critique) {
	u := c.svc
	spec := v.Spec
	if spec.Engine == model.EngineBuiltin {
		spec = cr.Spec
	}
	spec.PresetID = generate.PresetRevise
	req, err := generate.ReviseRequest(c.source, v, cr, u.presets, spec)
	if err != nil {
		u.showError(err)
		return
	}
	engine, ok := u.engineNamed(req.Spec.Engine).(generate.Prompter)
	if !ok {
		u.showError(&generate.Error{Code: generate.CodeEngineMissing, Err: errors.New("no engine " + req.Spec.Engine)})
		return
	}
	nv, err := u.store.AddVariant(u.ctx, c.run.ID, model.Variant{RevisionID: c.source.ID, Spec: req.Spec, Status: model.StatusRunning,
		Prompt: engine.SystemPrompt(req)})
	if err != nil {
		u.showError(err)
		return
	}
	c.variants = append(c.variants, nv)
	c.show(c.source, c.run, c.variants)
	u.background.Go(func() {
		res, err := engine.(generate.Engine).Generate(u.ctx, req, func(generate.Progress) {})
		nv.Text, nv.Stats, nv.Status = res.Text, res.Stats, model.StatusDone
		if err != nil {
			nv.Status, nv.Error, nv.ErrorCode = model.StatusFailed, err.Error(), string(generate.CodeOf(err))
		}
		saveErr := u.store.SaveVariant(u.ctx, nv)
		runOnUI(func() {
			if i := c.indexOf(nv.ID); i >= 0 {
				c.variants[i] = nv
				c.refreshColumns()
				c.analyze()
			}
			u.showError(saveErr)
		})
	})
}

// onReviewed asks who reviewed v and when, and keeps the mark: the person takes editorial
// responsibility for the text.
func (c *comparison) onReviewed(v model.Variant) {
	name := widget.NewEntry()
	name.PlaceHolder = lang.L("First and last name")
	if m, ok := c.marks[v.ID]; ok {
		name.SetText(m.Reviewer)
	}
	date := widget.NewEntry()
	date.SetText(model.FormatDate(time.Now().Format(time.DateOnly), CurrentLanguage()))
	date.Validator = func(s string) error {
		_, err := model.ParseDate(s)
		return err
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Reviewed by"), name),
		widget.NewFormItem(lang.L("Date"), date),
	}
	dialog.ShowForm(lang.L("Mark as reviewed"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			c.markReviewed(v, name.Text, date.Text)
		}
	}, c.svc.win)
}

// markReviewed stores the review mark and shows it.
func (c *comparison) markReviewed(v model.Variant, reviewer, date string) {
	iso, err := model.ParseDate(date)
	if err != nil {
		c.svc.showError(err)
		return
	}
	m := model.ReviewMark{VariantID: v.ID, Reviewer: strings.TrimSpace(reviewer), Date: iso}
	if err := c.svc.store.MarkReviewed(c.svc.ctx, m); err != nil {
		c.svc.showError(err)
		return
	}
	c.marks[v.ID] = m
	c.refreshExtras()
}
