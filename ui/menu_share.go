package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// nothingToShare says the user has no preset nor template of their own yet.
type nothingToShare struct{}

// userFacing marks the text as written for the user.
func (nothingToShare) userFacing() {}

func (nothingToShare) Error() string {
	return lang.L("You have no preset nor template of your own yet. Make one in the presets workshop, or open a report and choose « Save as a template ».")
}

// shareData is the file of the user's own presets and templates.
func (u *UI) shareData() ([]byte, error) {
	var mine []model.Preset
	for _, p := range u.presets {
		if !p.Builtin && !model.IsBuiltinPreset(p.ID) {
			mine = append(mine, p)
		}
	}
	templates := u.userTemplates()
	if len(mine) == 0 && len(templates) == 0 {
		return nil, nothingToShare{}
	}
	return model.MarshalShare(model.Share{Presets: mine, Templates: templates})
}

// onExportShare writes the user's presets and templates to a file a colleague can import.
func (u *UI) onExportShare() {
	data, err := u.shareData()
	if err != nil {
		u.showError(err)
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			u.showError(err)
			return
		}
		_, werr := wc.Write(data)
		u.showError(errors.Join(werr, wc.Close()))
	}, u.win)
	d.SetFileName(lang.L("presets-and-templates") + ".json")
	d.Show()
}

// onImportShare reads a colleague's file and shows what importing it will do.
func (u *UI) onImportShare() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			u.showError(err)
			return
		}
		in, err := readShare(rc)
		if err != nil {
			u.showError(err)
			return
		}
		u.showSharePlan(u.planOf(in))
	}, u.win)
	d.SetFilter(uikit.RegularFiles(nil))
	d.Show()
}

// readShare reads the chosen share file, bounded in size and items (see model.ParseShare):
// a file on disk by its path, so that only a regular file is read.
func readShare(rc fyne.URIReadCloser) (model.Share, error) {
	defer rc.Close()
	var in model.Share
	var err error
	if path := rc.URI().Path(); rc.URI().Scheme() == "file" {
		in, err = model.ReadShareFile(path)
		err = fileError(path, err)
	} else {
		in, err = model.ReadShare(rc)
	}
	return in, shareSizeError(err)
}

// shareSizeError explains a share file refused for its size, with the real limits; other
// errors are returned as they are.
func shareSizeError(err error) error {
	var tl *model.ShareTooLargeError
	if !errors.As(err, &tl) {
		return err
	}
	return importFailure{err: err, text: lang.L("This file is too large to be a file of shared templates and presets: such a file is at most {{.Size}} and holds at most {{.Max}} presets and {{.Max}} templates.",
		map[string]any{"Size": formatBytes(tl.Limit), "Max": model.MaxShareItems})}
}

// planShare reads a shared file and compares it with what the user has.
func (u *UI) planShare(data []byte) ([]model.MergeItem, error) {
	in, err := model.ParseShare(data)
	if err != nil {
		return nil, err
	}
	return u.planOf(in), nil
}

// planOf compares the shared items with what the user has.
func (u *UI) planOf(in model.Share) []model.MergeItem {
	return model.PlanShare(in, u.presets, u.templates())
}

// showSharePlan lists the shared items with what importing does to each; for a conflict the
// user chooses to keep both (the default), replace theirs, or skip it.
func (u *UI) showSharePlan(plan []model.MergeItem) {
	rows := container.NewVBox()
	for i := range plan {
		rows.Add(u.shareRow(&plan[i]))
	}
	intro := wrapLabel(lang.L("Here is what the file holds and what importing it will do. Nothing is ever overwritten without your choice."))
	body := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(rows))
	d := dialog.NewCustomConfirm(lang.L("Import templates and presets"), lang.L("Import"), lang.L("Cancel"), body, func(ok bool) {
		if ok {
			msg, err := u.applyShare(plan)
			if err != nil {
				u.showError(err)
				return
			}
			dialog.ShowInformation(lang.L("Import templates and presets"), msg, u.win)
		}
	}, u.win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// shareRow is one shared item: its kind, its name and what will happen to it.
func (u *UI) shareRow(item *model.MergeItem) fyne.CanvasObject {
	kind := lang.L("Preset")
	if item.Template != nil {
		kind = lang.L("Template")
	}
	name := widget.NewLabelWithStyle(kind+" · "+item.Name(CurrentLanguage()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	var what fyne.CanvasObject
	switch {
	case item.Action == model.MergeSame:
		what = widget.NewLabel(lang.L("Already there, identical: nothing to do."))
	case !item.Conflict:
		what = widget.NewLabel(lang.L("New: will be added."))
	default:
		what = conflictChoice(item)
	}
	return container.NewGridWithColumns(2, name, what)
}

// conflictChoice lets the user settle a conflict; a built-in item cannot be replaced.
func conflictChoice(item *model.MergeItem) fyne.CanvasObject {
	caption := lang.L("Same identifier as one of yours, different content:")
	actions := []model.MergeAction{model.MergeKeepBoth, model.MergeReplace, model.MergeSkip}
	labels := []string{lang.L("Keep both"), lang.L("Replace yours"), lang.L("Skip it")}
	if item.Builtin {
		caption = lang.L("Same identifier as a built-in one:")
		actions = []model.MergeAction{model.MergeKeepBoth, model.MergeSkip}
		labels = []string{lang.L("Add it as a copy"), lang.L("Skip it")}
	}
	sel := uikit.NewChoice(func(a model.MergeAction) { item.Action = a })
	sel.SetOptions(actions, func(a model.MergeAction) string { return labels[slices.Index(actions, a)] })
	sel.Set(actions[0])
	return container.NewVBox(wrapLabel(caption), sel)
}

// applyShare carries out the plan and says what was done.
func (u *UI) applyShare(plan []model.MergeItem) (string, error) {
	suffix := model.Localized{model.French: "(importée)", model.English: "(imported)"}
	presets, templates := model.ApplyShare(plan, u.presets, u.userTemplates(), suffix)
	var errs []error
	for _, p := range presets {
		if _, err := u.store.SavePreset(u.ctx, p); err != nil {
			errs = append(errs, err)
		}
	}
	u.loadPresets()
	errs = append(errs, u.setUserTemplates(templates))
	if err := errors.Join(errs...); err != nil {
		return "", err
	}
	var done, skipped []string
	for _, item := range plan {
		switch item.Action {
		case model.MergeAdd, model.MergeKeepBoth, model.MergeReplace:
			done = append(done, item.Name(CurrentLanguage()))
		default:
			skipped = append(skipped, item.Name(CurrentLanguage()))
		}
	}
	msg := lang.L("Imported: {{.List}}.", map[string]any{"List": listOrNone(done)})
	if len(skipped) > 0 {
		msg += "\n" + lang.L("Left aside: {{.List}}.", map[string]any{"List": strings.Join(skipped, ", ")})
	}
	return msg, nil
}

// listOrNone joins names, or says « none ».
func listOrNone(names []string) string {
	if len(names) == 0 {
		return lang.L("none")
	}
	return strings.Join(names, ", ")
}
