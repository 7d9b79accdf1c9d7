package library

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/assets"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/imports"
	"github.com/rapporteur/rapporteur/ui/i18n"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// NewReport creates an empty report in the interface language and opens it in the editor.
func (l *Screen) NewReport() {
	r := model.NewReport(lang.L("Untitled report"), i18n.CurrentLanguage())
	l.Create(r)
	l.d.Edit()
}

// Create stores r, lists it and opens it.
func (l *Screen) Create(r model.Report) {
	created, err := l.d.Store.CreateReport(l.d.Ctx, r)
	if err != nil {
		l.d.ShowError(err)
		return
	}
	l.search.SetText("")
	l.Refresh()
	l.Select(created.ID)
}

// Import asks for a file (.docx, .odt, .md, .txt…) and creates a report from it.
func (l *Screen) Import() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			l.d.ShowError(err)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		_ = rc.Close()
		l.importFile(path)
	}, l.d.Win)
	d.SetFilter(uikit.RegularFiles(imports.Extensions())) // a pipe named x.md would block Fyne
	d.Show()
}

// importFile reads the file in the background and creates the report on the UI thread.
func (l *Screen) importFile(path string) {
	go func() {
		r, err := i18n.ReadReport(path)
		l.d.Do(func() {
			if err != nil {
				l.d.ShowError(err)
				return
			}
			l.Create(r)
		})
	}()
}

// Dropped imports the files dropped on the window.
func (l *Screen) Dropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		if u.Scheme() == "file" {
			l.importFile(u.Path())
		}
	}
}

// onMore shows the actions on the selected report.
func (l *Screen) onMore() {
	if l.d.Current() == 0 {
		return
	}
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(lang.L("Rename…"), l.onRename),
		fyne.NewMenuItem(lang.L("Duplicate"), l.Duplicate),
		fyne.NewMenuItem(lang.L("History…"), l.d.History),
		fyne.NewMenuItem(lang.L("Delete…"), l.onDelete),
	)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(l.menuBtn)
	widget.ShowPopUpMenuAtPosition(menu, l.d.Win.Canvas(), pos.AddXY(0, l.menuBtn.Size().Height))
}

// onRename asks for a new title.
func (l *Screen) onRename() {
	r, ok := l.current()
	if !ok {
		return
	}
	entry := widget.NewEntry()
	entry.SetText(r.Title)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Title"), entry)}
	dialog.ShowForm(lang.L("Rename the report"), lang.L("Rename"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			l.Rename(r.ID, entry.Text)
		}
	}, l.d.Win)
}

// Rename gives the report id a new title.
func (l *Screen) Rename(id int64, title string) {
	_ = l.d.Flush() // a pending draft gets the new title below, so it cannot bring the old one back
	if err := l.d.Store.RenameReport(l.d.Ctx, id, title); err != nil {
		l.d.ShowError(err)
		return
	}
	l.Refresh()
	if id == l.d.Current() {
		l.d.Renamed(title)
	}
}

// onDelete asks for confirmation, then deletes the report and its variants.
func (l *Screen) onDelete() {
	r, ok := l.current()
	if !ok {
		return
	}
	msg := lang.L("Move «{{.Title}}» and its variants to the trash? You can restore it from File › Trash until the trash is emptied.", map[string]any{"Title": r.Title})
	dialog.ShowConfirm(lang.L("Delete the report"), msg, func(ok bool) {
		if ok {
			l.Delete(r.ID)
		}
	}, l.d.Win)
}

// Delete moves the report id and its variants to the trash.
func (l *Screen) Delete(id int64) {
	l.d.Deleting(id)
	if err := l.d.Store.TrashReport(l.d.Ctx, id); err != nil {
		l.d.ShowError(err)
		return
	}
	l.d.Deleted(id)
	l.Refresh()
}

// exampleFile is the sample report offered to first-time users.
const exampleFile = "samples/atelier-place-du-marche.md"

// OpenExample creates a report from the sample shipped with the application, so a first-time
// user can try generating and comparing at once.
func (l *Screen) OpenExample() {
	data, err := assets.Samples.ReadFile(exampleFile)
	if err != nil {
		l.d.ShowError(err)
		return
	}
	im, err := imports.Read(exampleFile, data)
	if err != nil {
		l.d.ShowError(err)
		return
	}
	r := model.NewReport(im.Title, model.French)
	r.Body = im.Body
	r.Date = "2025-06-17"
	r.Place = "Salle des fêtes, Saint-Aubin-sur-Lys"
	r.Organisers = "Mairie de Saint-Aubin-sur-Lys"
	r.Audience = "Habitant·es, commerçant·es du marché"
	l.Create(r)
}

// Duplicate copies the open report — metadata and text, not its generations — as a new one.
func (l *Screen) Duplicate() {
	r, ok := l.current()
	if !ok {
		return
	}
	if err := l.d.Flush(); err != nil {
		l.d.ShowError(err)
		return
	}
	saved, err := l.d.Store.Report(l.d.Ctx, r.ID)
	if err != nil {
		l.d.ShowError(err)
		return
	}
	dup := model.Report{Meta: saved.Meta, Body: saved.Body}
	dup.Title = lang.L("{{.Title}} (copy)", map[string]any{"Title": saved.Title})
	if len([]rune(dup.Title)) > model.MaxTitleLen {
		dup.Title = saved.Title
	}
	l.Create(dup)
}
