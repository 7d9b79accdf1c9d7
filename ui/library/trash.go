package library

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShowTrash shows the reports in the trash, each with a button to restore it, and a button to
// empty the trash for good.
func (l *Screen) ShowTrash() {
	list, err := l.d.Store.Trash(l.d.Ctx)
	if err != nil {
		l.d.ShowError(err)
		return
	}
	if len(list) == 0 {
		dialog.ShowInformation(lang.L("Trash"), lang.L("The trash is empty."), l.d.Win)
		return
	}
	var d dialog.Dialog
	box := container.NewVBox()
	for _, r := range list {
		id := r.ID
		restore := widget.NewButtonWithIcon(lang.L("Restore"), theme.ContentUndoIcon(), func() {
			d.Hide()
			l.d.ShowError(l.Restore(id))
		})
		box.Add(container.NewBorder(nil, nil, nil, restore, widget.NewLabel(r.Title)))
	}
	empty := widget.NewButtonWithIcon(lang.L("Empty the trash"), theme.DeleteIcon(), func() {
		dialog.ShowConfirm(lang.L("Empty the trash"), lang.L("Delete these reports and their variants for good? This cannot be undone."), func(ok bool) {
			if ok {
				d.Hide()
				l.d.ShowError(l.d.Store.EmptyTrash(l.d.Ctx))
			}
		}, l.d.Win)
	})
	empty.Importance = widget.DangerImportance
	d = dialog.NewCustom(lang.L("Trash"), lang.L("Close"), container.NewBorder(nil, container.NewHBox(empty), nil, nil, container.NewVScroll(box)), l.d.Win)
	d.Resize(fyne.NewSize(560, 400))
	d.Show()
}

// Restore brings a report back from the trash and opens it.
func (l *Screen) Restore(id int64) error {
	if err := l.d.Store.RestoreReport(l.d.Ctx, id); err != nil {
		return err
	}
	l.Refresh()
	l.Select(id)
	return nil
}
