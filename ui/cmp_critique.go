package ui

import (
	"context"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// columnMenu offers the actions on one variant: challenge it, revise it, mark it reviewed.
func (c *comparison) columnMenu(col *column, v model.Variant) {
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(lang.L("Challenge this answer…"), func() { c.onCritique(v) }),
		fyne.NewMenuItem(lang.L("Mark as reviewed…"), func() { c.onReviewed(v) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Export as the final report…"), func() { c.onExportFinal(v) }),
	)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(col.moreBtn)
	widget.ShowPopUpMenuAtPosition(menu, c.svc.win.Canvas(), pos.AddXY(0, col.moreBtn.Size().Height))
}

// critics lists the models that can critique: every model of every reachable host.
func (c *comparison) critics() []hostModel { return c.svc.hosts.models() }

// onCritique asks which model should critique v, then runs it.
func (c *comparison) onCritique(v model.Variant) {
	models := c.critics()
	if len(models) == 0 {
		c.svc.showError(critiqueError{})
		return
	}
	choice, picked := newModelChoice(models)
	intro := widget.NewLabel(lang.L("A model reads the variant against the source and lists omissions, distortions, invented facts, imbalance between speakers and tone problems. The critique is kept beside the variant."))
	intro.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Challenge this answer"), lang.L("Critique"), lang.L("Cancel"),
		container.NewVBox(intro, choice), func(ok bool) {
			if hm, chosen := picked(); ok && chosen {
				c.runCritique(v, hm)
			}
		}, c.svc.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

type critiqueError struct{}

// userFacing marks the text as written for the user.
func (critiqueError) userFacing() {}

func (critiqueError) Error() string {
	return lang.L("A critique needs an Ollama model: none was found. The built-in engine cannot critique.")
}

// runCritique asks hm to critique v in the background, streaming its text beside the variant
// and keeping it in the workspace, failed or not.
func (c *comparison) runCritique(v model.Variant, hm hostModel) {
	u := c.svc
	spec := hm.spec()
	spec.PresetID = generate.PresetCritique
	req, err := generate.CritiqueRequest(c.source, v, u.presets, spec)
	if err != nil {
		u.showError(err)
		return
	}
	cr, err := u.store.CreateCritique(u.ctx, model.Critique{VariantID: v.ID, Spec: spec, Status: model.StatusRunning})
	if err != nil {
		u.showError(err)
		return
	}
	c.critiques[v.ID] = append([]model.Critique{cr}, c.critiques[v.ID]...)
	c.refreshExtras()
	engines := u.engines
	u.background.Go(func() {
		progress, stop := partialText(func(partial string) { c.updateCritique(cr.ID, partial, model.StatusRunning) })
		out, stats, err := generate.Critic(u.ctx, engines, req, progress)
		stop() // a late partial text must not overwrite the final one
		cr.Text, cr.Stats, cr.Status = out, stats, model.StatusDone
		if err != nil {
			cr.Status, cr.Error, cr.ErrorCode = model.StatusFailed, err.Error(), string(generate.CodeOf(err))
		}
		// Closing the window cancels the critique, not its saving: what it wrote is kept.
		saveErr := u.store.SaveCritique(context.WithoutCancel(u.ctx), cr)
		runOnUI(func() {
			c.replaceCritique(cr)
			u.showError(saveErr)
		})
	})
}

// updateCritique shows the text a critique has so far.
func (c *comparison) updateCritique(id int64, text string, status model.Status) {
	for vid, list := range c.critiques {
		for i := range list {
			if list[i].ID == id {
				c.critiques[vid][i].Text, c.critiques[vid][i].Status = text, status
			}
		}
	}
	c.refreshExtras()
}

func (c *comparison) replaceCritique(cr model.Critique) {
	list := c.critiques[cr.VariantID]
	for i := range list {
		if list[i].ID == cr.ID {
			list[i] = cr
		}
	}
	c.refreshExtras()
}

// loadReviews reads the critiques and review marks of the run on screen.
func (c *comparison) loadReviews() {
	c.critiques, c.marks = map[int64][]model.Critique{}, map[int64]model.ReviewMark{}
	if c.run.ID == 0 {
		return
	}
	for _, v := range c.variants {
		if list, err := c.svc.store.Critiques(c.svc.ctx, v.ID); err == nil && len(list) > 0 {
			c.critiques[v.ID] = list
		}
	}
	if marks, err := c.svc.store.ReviewMarks(c.svc.ctx, c.run.ID); err == nil {
		for _, m := range marks {
			c.marks[m.VariantID] = m
		}
	}
}

// refreshExtras shows each column's critiques and review mark.
func (c *comparison) refreshExtras() {
	for i, col := range c.cols {
		if i >= len(c.variants) {
			continue
		}
		v := c.variants[i]
		col.extra.RemoveAll()
		for _, cr := range c.critiques[v.ID] {
			col.extra.Add(c.critiqueCard(v, cr))
		}
		col.review.Hide()
		if m, ok := c.marks[v.ID]; ok && c.blind == nil {
			col.review.SetText(lang.L("✓ Reviewed by {{.Name}} on {{.Date}}", map[string]any{"Name": m.Reviewer, "Date": model.FormatDate(m.Date, CurrentLanguage())}))
			col.review.Show()
		}
	}
}

// critiqueCard shows one critique, with a button to revise the variant from it.
func (c *comparison) critiqueCard(v model.Variant, cr model.Critique) fyne.CanvasObject {
	title := lang.L("Critique by {{.Model}}", map[string]any{"Model": engineLabel(cr.Spec)})
	status := i18n.StatusLabel(cr.Status)
	if cr.Status == model.StatusFailed {
		status += " — " + i18n.VariantErrorText(model.Variant{ErrorCode: cr.ErrorCode})
	}
	text := widget.NewRichTextFromMarkdown(cr.Text)
	text.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(text)
	if cr.Status == model.StatusDone && cr.Text != "" {
		revise := widget.NewButtonWithIcon(lang.L("Revise from this critique"), theme.ViewRefreshIcon(), func() { c.onRevise(v, cr) })
		box.Add(container.NewHBox(revise))
	}
	return widget.NewCard("", title+" · "+status, box)
}

// partialText returns a progress function that gathers the text of a review pass and shows it
// on the UI thread through a pacer, at most every four redraw intervals, and the function that
// stops it before the final text is shown.
func partialText(show func(partial string)) (generate.ProgressFunc, func()) {
	var mu sync.Mutex
	var text strings.Builder
	shown := newPacer(4*redrawInterval, func(m map[int]string) { show(m[0]) })
	return func(p generate.Progress) {
		mu.Lock()
		text.WriteString(p.Delta)
		partial := text.String()
		mu.Unlock()
		shown.push(0, partial)
	}, shown.stop
}
