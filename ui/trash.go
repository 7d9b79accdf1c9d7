package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// onTrash shows the reports in the trash, each with a button to restore it, and a button to
// empty the trash for good.
func (u *UI) onTrash() {
	list, err := u.deps.Store.Trash(u.ctx)
	if err != nil {
		u.showError(err)
		return
	}
	if len(list) == 0 {
		dialog.ShowInformation(lang.L("Trash"), lang.L("The trash is empty."), u.win)
		return
	}
	var d dialog.Dialog
	box := container.NewVBox()
	for _, r := range list {
		id := r.ID
		restore := widget.NewButtonWithIcon(lang.L("Restore"), theme.ContentUndoIcon(), func() {
			d.Hide()
			u.showError(u.restoreReport(id))
		})
		box.Add(container.NewBorder(nil, nil, nil, restore, widget.NewLabel(r.Title)))
	}
	empty := widget.NewButtonWithIcon(lang.L("Empty the trash"), theme.DeleteIcon(), func() {
		dialog.ShowConfirm(lang.L("Empty the trash"), lang.L("Delete these reports and their variants for good? This cannot be undone."), func(ok bool) {
			if ok {
				d.Hide()
				u.showError(u.deps.Store.EmptyTrash(u.ctx))
			}
		}, u.win)
	})
	empty.Importance = widget.DangerImportance
	d = dialog.NewCustom(lang.L("Trash"), lang.L("Close"), container.NewBorder(nil, container.NewHBox(empty), nil, nil, container.NewVScroll(box)), u.win)
	d.Resize(fyne.NewSize(560, 400))
	d.Show()
}

// restoreReport brings a report back from the trash and opens it.
func (u *UI) restoreReport(id int64) error {
	if err := u.deps.Store.RestoreReport(u.ctx, id); err != nil {
		return err
	}
	u.lib.refresh()
	u.lib.selectReport(id)
	return nil
}
