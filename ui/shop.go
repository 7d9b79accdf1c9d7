package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// loadPresets reads the user's own presets from the workspace and offers them beside the
// built-in ones everywhere presets are listed. A workspace that cannot be read leaves the
// built-in presets and says why.
func (u *UI) loadPresets() {
	mine, err := u.store.Presets(u.ctx)
	if err != nil {
		u.showError(err)
	}
	u.setPresets(append(slices.Clone(u.basePresets), mine...))
}

// setPresets makes ps the presets of the interface, the scheduler and the generation matrix.
func (u *UI) setPresets(ps []model.Preset) {
	u.presets = ps
	u.sched.SetPresets(ps)
	if u.gen != nil {
		u.gen.matrix.setPresets(generate.VariantPresets(ps))
	}
}

// workshop is the presets workshop: every style of variant with its instructions explained
// line by line; the user's own presets can be written, improved by a model and deleted.
type workshop struct {
	svc *services
	shopDeps
	items  []model.Preset // the variant presets: built-in first, then the user's
	list   *widget.List
	detail *fyne.Container
	dlg    *dialog.CustomDialog
	ed     *presetEditor // the editor of the user preset on screen; nil for a built-in one
	index  int           // the item on screen, -1 for none
}

// shopDeps is what the presets workshop asks of the rest of the interface.
type shopDeps struct {
	reportID    func() int64        // the report open in the editor, 0 when none
	draft       func() model.Report // the open report as typed, for previews and prompts
	loadPresets func()              // reads the presets again, after one was saved or deleted
	closed      func()              // the workshop was closed
}

// saveWorkshop saves the preset being edited in the open workshop, if any changed.
func (u *UI) saveWorkshop() error {
	if u.shop == nil || u.shop.ed == nil || !u.shop.ed.dirty {
		return nil
	}
	return u.shop.ed.save()
}

// onPresets opens the presets workshop, or returns the one already open (the menu's shortcut
// still works while it is on screen).
func (u *UI) onPresets() *workshop {
	if u.shop != nil {
		return u.shop
	}
	w := newWorkshop(u.services, shopDeps{
		reportID: func() int64 { return u.reportID }, draft: u.ed.Collect,
		loadPresets: u.loadPresets, closed: func() { u.shop = nil },
	})
	u.shop = w
	return w
}

// newWorkshop opens the presets workshop.
func newWorkshop(svc *services, d shopDeps) *workshop {
	w := &workshop{svc: svc, shopDeps: d, detail: container.NewStack(), index: -1}
	w.items = generate.VariantPresets(svc.presets)
	w.list = widget.NewList(func() int { return len(w.items) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(theme.DocumentIcon()), nil, widget.NewLabel("template"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			icon, label := row.Objects[1].(*widget.Icon), row.Objects[0].(*widget.Label)
			label.SetText(w.items[i].Name.In(CurrentLanguage()))
			label.Truncation = fyne.TextTruncateEllipsis
			icon.SetResource(theme.DocumentIcon())
			if !w.items[i].Builtin {
				icon.SetResource(theme.DocumentCreateIcon())
			}
		})
	w.list.OnSelected = w.onSelect
	add := widget.NewButtonWithIcon(lang.L("New preset"), theme.ContentAddIcon(), w.onNew)
	closeBtn := widget.NewButton(lang.L("Close"), w.onClose)
	left := container.NewBorder(nil, add, nil, nil, w.list)
	split := container.NewHSplit(left, w.detail)
	split.Offset = 0.24
	w.dlg = dialog.NewCustomWithoutButtons(lang.L("Presets workshop"), split, svc.win)
	w.dlg.SetButtons([]fyne.CanvasObject{closeBtn})
	w.dlg.Resize(fyne.NewSize(1180, 740))
	w.dlg.Show()
	if len(w.items) > 0 {
		w.list.Select(0)
	}
	return w
}

// onSelect shows item i, after saving the preset being edited; when that save fails, the
// editor stays on screen with the reason.
func (w *workshop) onSelect(i widget.ListItemID) {
	if i == w.index || i >= len(w.items) {
		return
	}
	target := w.items[i].ID
	if !w.saveOpen() {
		w.list.Select(w.index)
		return
	}
	if i >= len(w.items) || w.items[i].ID != target { // the save renamed a preset: the list moved
		w.reload(target)
		return
	}
	w.show(i)
}

// show puts item i on the right.
func (w *workshop) show(i int) {
	w.index = i
	p := w.items[i]
	w.ed = nil
	if p.Builtin {
		w.detail.Objects = []fyne.CanvasObject{w.builtinView(p)}
	} else {
		w.ed = newPresetEditor(w, p)
		w.detail.Objects = []fyne.CanvasObject{w.ed.content()}
	}
	w.detail.Refresh()
}

// saveOpen saves the user preset on screen if it changed; false when it could not be saved.
func (w *workshop) saveOpen() bool {
	if w.ed == nil || !w.ed.dirty {
		return true
	}
	return w.ed.save() == nil
}

// onClose saves the preset on screen, then closes; a preset that cannot be saved keeps the
// workshop open with the reason.
func (w *workshop) onClose() {
	if w.saveOpen() {
		w.dlg.Hide()
		w.closed()
	}
}

// reload lists the presets again and shows the one with the given id.
func (w *workshop) reload(id string) {
	w.items = generate.VariantPresets(w.svc.presets)
	w.list.Refresh()
	for i, p := range w.items {
		if p.ID == id {
			w.show(i)        // shown here: the list does not report a row already selected
			w.list.Select(i) // then onSelect sees it on screen and does nothing
			return
		}
	}
	w.index, w.ed = -1, nil
	w.list.UnselectAll()
	w.detail.Objects = nil
	w.detail.Refresh()
}

// onNew starts a preset of the user's own, in the interface language, from a short skeleton.
func (w *workshop) onNew() {
	if !w.saveOpen() {
		return
	}
	l := CurrentLanguage()
	name := lang.L("New preset")
	p := model.Preset{ID: w.newID(name), Name: model.Localized{l: name},
		Instructions: model.Localized{l: lang.L("You write, from the report given as your only source, … (say what to write and for whom).\n\nRules:\n- Invent nothing: no fact, figure, date or name that is not in the source.\n- Keep figures, dates and names exactly as written.\n- Stay neutral and say who said what.\n- About {{.Length}} words.\n- Answer only with the text, in Markdown, without introduction or comment.", map[string]any{"Length": strings.Fields(variableNames())[4]})}}
	w.savePreset(p)
}

// onCopy starts a preset of the user's own from a built-in one, notes included. The copy
// always needs a model: the built-in engine's extraction would ignore its instructions.
func (w *workshop) onCopy(p model.Preset) {
	c := p
	c.Builtin, c.Method, c.Version = false, model.MethodNone, 0
	c.Name = model.Localized{}
	for l, s := range p.Name {
		c.Name[l] = s + " " + copySuffix().In(l)
	}
	c.ID = w.newID(c.Name.In(model.French))
	w.savePreset(c)
}

// newID derives an identifier from name that no preset has, nor ever had in this workspace:
// a deleted preset keeps its versions for the variants made with it.
func (w *workshop) newID(name string) string {
	return model.UniqueID(name, "consigne", func(id string) bool {
		if _, ok := model.FindPreset(w.svc.presets, id); ok {
			return true
		}
		_, err := w.svc.store.PresetVersions(w.svc.ctx, id)
		return !errors.Is(err, model.ErrNotFound)
	})
}

// savePreset stores p as a new preset or version and shows it.
func (w *workshop) savePreset(p model.Preset) {
	saved, err := w.svc.store.SavePreset(w.svc.ctx, p)
	if err != nil {
		w.svc.showError(err)
		return
	}
	w.loadPresets()
	w.reload(saved.ID)
}

// copySuffix marks the name of a copy, in each language.
func copySuffix() model.Localized {
	return model.Localized{model.French: "(copie)", model.English: "(copy)"}
}

// builtinView shows a built-in preset: what it is for, its instructions with the reason for
// each rule, and how to make it one's own.
func (w *workshop) builtinView(p model.Preset) fyne.CanvasObject {
	l := CurrentLanguage()
	title := widget.NewLabelWithStyle(p.Name.In(l), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	desc := widget.NewLabel(p.Description.In(l) + "\n" + lang.L("Built-in preset, version {{.N}}. Each rule is followed by the reason it is there: read them to learn to write your own.", map[string]any{"N": p.Version}))
	desc.Wrapping = fyne.TextWrapWord
	copyBtn := widget.NewButtonWithIcon(lang.L("Edit a copy"), theme.ContentCopyIcon(), func() { w.onCopy(p) })
	copyBtn.Importance = widget.HighImportance
	prompt := widget.NewButtonWithIcon(lang.L("Exact prompt"), theme.VisibilityIcon(), func() { showPrompt(w.svc.win, w.draft(), p) })
	top := container.NewVBox(title, desc, container.NewHBox(copyBtn, prompt))
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(annotatedText(p, l)))
}

// annotatedText shows instructions line by line, each rule followed by its note in italics.
func annotatedText(p model.Preset, l model.Language) *widget.RichText {
	var segs []widget.RichTextSegment
	for _, line := range p.Annotated(l) {
		if line.Text == "" {
			continue
		}
		segs = append(segs, &widget.TextSegment{Text: line.Text, Style: widget.RichTextStyleParagraph})
		if line.Why != "" {
			why := widget.RichTextStyleParagraph
			why.ColorName, why.TextStyle.Italic = theme.ColorNamePrimary, true
			segs = append(segs, &widget.TextSegment{Text: "↳ " + line.Why, Style: why})
		}
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}
