package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/assets"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/imports"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// library is the list of reports: search, create, import, rename, delete.
type library struct {
	u       *UI
	search  *widget.Entry
	order   *widget.Select
	list    *widget.List
	empty   *widget.Label
	newBtn  *widget.Button
	openBtn *widget.Button
	menuBtn *widget.Button
	example *widget.Button
	items   []model.Report
}

func newLibrary(u *UI) *library {
	l := &library{u: u}
	l.search = &widget.Entry{PlaceHolder: lang.L("Search titles and texts"), OnChanged: l.onSearch}
	l.search.ExtendBaseWidget(l.search)
	l.order = l.newOrderSelect()
	l.list = widget.NewList(l.length, l.createItem, l.updateItem)
	l.list.OnSelected = l.onSelected
	l.empty = widget.NewLabel(lang.L("No report yet. Create one, start from a template, or import a file (.docx, .odt, .md, .txt)."))
	l.empty.Wrapping = fyne.TextWrapWord
	l.newBtn = widget.NewButtonWithIcon(lang.L("New"), theme.ContentAddIcon(), l.onNew)
	l.newBtn.Importance = widget.HighImportance
	l.openBtn = widget.NewButtonWithIcon(lang.L("Import…"), theme.FolderOpenIcon(), l.onImport)
	l.menuBtn = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), l.onMore)
	l.example = widget.NewButtonWithIcon(lang.L("Open an example"), theme.DocumentIcon(), l.onExample)
	return l
}

func (l *library) content() fyne.CanvasObject {
	buttons := container.NewBorder(nil, nil, nil, l.menuBtn, container.NewGridWithColumns(2, l.newBtn, l.openBtn))
	top := container.NewVBox(buttons, l.search, l.order)
	return container.NewBorder(top, nil, nil, nil, container.NewStack(l.list, container.NewVBox(l.empty, l.example)))
}

func (l *library) length() int { return len(l.items) }

func (l *library) createItem() fyne.CanvasObject {
	title := widget.NewLabel("")
	title.TextStyle.Bold = true
	title.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(title, detail)
}

func (l *library) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(l.items) {
		return
	}
	r := l.items[i]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(r.Title)
	box.Objects[1].(*widget.Label).SetText(reportDetail(r))
}

// reportDetail is the second line of a library row: kind, date and length.
func reportDetail(r model.Report) string {
	detail := i18n.KindLabel(r.Kind)
	if r.Date != "" {
		detail += " · " + model.FormatDate(r.Date, CurrentLanguage())
	}
	return detail + " · " + lang.L("{{.Count}} words", map[string]any{"Count": fmtInt(wordCount(r.Body))})
}

// refresh reloads the list from the store, keeping the selection.
func (l *library) refresh() {
	items, err := l.u.deps.Store.ListReports(l.u.ctx, l.search.Text)
	if err != nil {
		l.u.showError(err)
		return
	}
	sortReports(items, l.order.SelectedIndex())
	l.items = items
	l.list.UnselectAll()
	l.list.Refresh()
	for i, r := range items {
		if r.ID == l.u.reportID {
			l.list.Select(i)
		}
	}
	if len(items) == 0 && l.search.Text == "" {
		l.empty.Show()
		l.example.Show()
	} else {
		l.empty.Hide()
		l.example.Hide()
	}
}

// updateTitle refreshes one row after the editor saved a report.
func (l *library) updateReport(r model.Report) {
	for i := range l.items {
		if l.items[i].ID == r.ID {
			l.items[i] = r
			l.list.RefreshItem(i)
			return
		}
	}
}

// selectReport opens the report with the given id and selects its row, clearing a search
// that hides it.
func (l *library) selectReport(id int64) {
	for i, r := range l.items {
		if r.ID == id {
			l.list.Select(i)
			return
		}
	}
	if l.search.Text != "" {
		l.search.SetText("")
		l.selectReport(id)
	}
}

func (l *library) onSearch(string) { l.refresh() }

func (l *library) onSelected(i widget.ListItemID) {
	if i < len(l.items) {
		l.u.openReport(l.items[i].ID)
	}
}

// onNew creates an empty report in the interface language and opens it in the editor.
func (l *library) onNew() {
	r := model.NewReport(lang.L("Untitled report"), CurrentLanguage())
	l.create(r)
	l.u.show(screenReport)
	l.u.win.Canvas().Focus(l.u.ed.title)
}

func (l *library) create(r model.Report) {
	created, err := l.u.deps.Store.CreateReport(l.u.ctx, r)
	if err != nil {
		l.u.showError(err)
		return
	}
	l.search.SetText("")
	l.refresh()
	l.selectReport(created.ID)
}

// onImport asks for a .md or .txt file and creates a report from it.
func (l *library) onImport() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			l.u.showError(err)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		_ = rc.Close()
		l.importFile(path)
	}, l.u.win)
	d.SetFilter(regularFiles(imports.Extensions())) // a pipe named x.md would block Fyne
	d.Show()
}

// importFile reads the file in the background and creates the report on the UI thread.
func (l *library) importFile(path string) {
	go func() {
		r, err := i18n.ReadReport(path)
		runOnUI(func() {
			if err != nil {
				l.u.showError(err)
				return
			}
			l.create(r)
		})
	}()
}

// onMore shows the actions on the selected report.
func (l *library) onMore() {
	if l.u.reportID == 0 {
		return
	}
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(lang.L("Rename…"), l.onRename),
		fyne.NewMenuItem(lang.L("Duplicate"), l.onDuplicate),
		fyne.NewMenuItem(lang.L("History…"), func() { l.u.onHistory() }),
		fyne.NewMenuItem(lang.L("Delete…"), l.onDelete),
	)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(l.menuBtn)
	widget.ShowPopUpMenuAtPosition(menu, l.u.win.Canvas(), pos.AddXY(0, l.menuBtn.Size().Height))
}

func (l *library) current() (model.Report, bool) {
	for _, r := range l.items {
		if r.ID == l.u.reportID {
			return r, true
		}
	}
	return model.Report{}, false
}

// onRename asks for a new title.
func (l *library) onRename() {
	r, ok := l.current()
	if !ok {
		return
	}
	entry := widget.NewEntry()
	entry.SetText(r.Title)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Title"), entry)}
	dialog.ShowForm(lang.L("Rename the report"), lang.L("Rename"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			l.rename(r.ID, entry.Text)
		}
	}, l.u.win)
}

func (l *library) rename(id int64, title string) {
	_ = l.u.ed.flush() // a pending draft gets the new title below, so it cannot bring the old one back
	if err := l.u.deps.Store.RenameReport(l.u.ctx, id, title); err != nil {
		l.u.showError(err)
		return
	}
	l.refresh()
	if id == l.u.reportID {
		l.u.ed.setTitle(title)
		l.u.win.SetTitle(windowTitle(title))
	}
}

// onDelete asks for confirmation, then deletes the report and its variants.
func (l *library) onDelete() {
	r, ok := l.current()
	if !ok {
		return
	}
	msg := lang.L("Move «{{.Title}}» and its variants to the trash? You can restore it from File › Trash until the trash is emptied.", map[string]any{"Title": r.Title})
	dialog.ShowConfirm(lang.L("Delete the report"), msg, func(ok bool) {
		if ok {
			l.delete(r.ID)
		}
	}, l.u.win)
}

func (l *library) delete(id int64) {
	l.u.stopRun(id, 2*time.Second)
	if id == l.u.reportID {
		l.u.ed.discard()
	}
	if err := l.u.deps.Store.TrashReport(l.u.ctx, id); err != nil {
		l.u.showError(err)
		return
	}
	if id == l.u.reportID {
		l.u.closeReport()
	}
	l.refresh()
}

// exampleFile is the sample report offered to first-time users.
const exampleFile = "samples/atelier-place-du-marche.md"

// onExample creates a report from the sample shipped with the application, so a first-time
// user can try generating and comparing at once.
func (l *library) onExample() {
	data, err := assets.Samples.ReadFile(exampleFile)
	if err != nil {
		l.u.showError(err)
		return
	}
	im, err := imports.Read(exampleFile, data)
	if err != nil {
		l.u.showError(err)
		return
	}
	r := model.NewReport(im.Title, model.French)
	r.Body = im.Body
	r.Date = "2025-06-17"
	r.Place = "Salle des fêtes, Saint-Aubin-sur-Lys"
	r.Organisers = "Mairie de Saint-Aubin-sur-Lys"
	r.Audience = "Habitant·es, commerçant·es du marché"
	l.create(r)
}

// openInitial opens the report the user last worked on, or else the most recent one.
func (l *library) openInitial(last int64) {
	for _, r := range l.items {
		if r.ID == last {
			l.selectReport(last)
			return
		}
	}
	if len(l.items) > 0 {
		l.list.Select(0)
	}
}

// onDuplicate copies the open report — metadata and text, not its generations — as a new one.
func (l *library) onDuplicate() {
	r, ok := l.current()
	if !ok {
		return
	}
	if err := l.u.ed.flush(); err != nil {
		l.u.showError(unsavedError{err})
		return
	}
	saved, err := l.u.deps.Store.Report(l.u.ctx, r.ID)
	if err != nil {
		l.u.showError(err)
		return
	}
	dup := model.Report{Meta: saved.Meta, Body: saved.Body}
	dup.Title = lang.L("{{.Title}} (copy)", map[string]any{"Title": saved.Title})
	if len([]rune(dup.Title)) > model.MaxTitleLen {
		dup.Title = saved.Title
	}
	l.create(dup)
}

// onDropped imports the files dropped on the window.
func (l *library) onDropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		if u.Scheme() == "file" {
			l.importFile(u.Path())
		}
	}
}
