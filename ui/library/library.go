package library

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
	"github.com/rapporteur/rapporteur/ui/i18n"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// Reports is what the library reads and changes in the workspace; *store.Store is one.
type Reports interface {
	ListReports(ctx context.Context, query string) ([]model.Report, error)
	Report(ctx context.Context, id int64) (model.Report, error)
	CreateReport(ctx context.Context, r model.Report) (model.Report, error)
	RenameReport(ctx context.Context, id int64, title string) error
	TrashReport(ctx context.Context, id int64) error
	Trash(ctx context.Context) ([]model.Report, error)
	RestoreReport(ctx context.Context, id int64) error
	EmptyTrash(ctx context.Context) error
}

// Deps is everything the library uses from the rest of the interface.
type Deps struct {
	// Ctx ends when the window closes.
	Ctx context.Context
	// Store holds the reports.
	Store Reports
	// Prefs keeps the chosen order between sessions.
	Prefs fyne.Preferences
	// Win shows the dialogs and the menu.
	Win fyne.Window
	// Do runs work on the UI thread (fyne.Do, or a test's queue).
	Do func(func())
	// ShowError shows an error to the user; nil shows nothing.
	ShowError func(error)
	// Current is the id of the report open in the editor, 0 when none.
	Current func() int64
	// Open opens a report in the other screens; it may refuse (an unsaved edit) and select the
	// current one again.
	Open func(id int64)
	// Flush saves the editor's pending changes; its error says they could not be saved.
	Flush func() error
	// Edit shows the editor with the cursor in the title, after New.
	Edit func()
	// History shows the versions of the open report.
	History func()
	// Renamed shows the new title of the open report elsewhere (editor, window).
	Renamed func(title string)
	// Deleting stops what works on the report id before it goes to the trash; Deleted closes it
	// when it was open.
	Deleting, Deleted func(id int64)
}

// Screen is the list of reports.
type Screen struct {
	d       Deps
	search  *widget.Entry
	order   *uikit.Choice[order]
	list    *widget.List
	empty   *widget.Label
	newBtn  *widget.Button
	openBtn *widget.Button
	menuBtn *widget.Button
	example *widget.Button
	items   []model.Report
}

// New builds the library; call Refresh to fill it.
func New(d Deps) *Screen {
	l := &Screen{d: d}
	l.search = &widget.Entry{PlaceHolder: lang.L("Search titles and texts"), OnChanged: l.onSearch}
	l.search.ExtendBaseWidget(l.search)
	l.order = l.newOrderSelect()
	l.list = widget.NewList(l.length, l.createItem, l.updateItem)
	l.list.OnSelected = l.onSelected
	l.empty = widget.NewLabel(lang.L("No report yet. Create one, start from a template, or import a file (.docx, .odt, .md, .txt)."))
	l.empty.Wrapping = fyne.TextWrapWord
	l.newBtn = widget.NewButtonWithIcon(lang.L("New"), theme.ContentAddIcon(), l.NewReport)
	l.newBtn.Importance = widget.HighImportance
	l.openBtn = widget.NewButtonWithIcon(lang.L("Import…"), theme.FolderOpenIcon(), l.Import)
	l.menuBtn = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), l.onMore)
	l.example = widget.NewButtonWithIcon(lang.L("Open an example"), theme.DocumentIcon(), l.OpenExample)
	return l
}

// Content is the library's layout.
func (l *Screen) Content() fyne.CanvasObject {
	buttons := container.NewBorder(nil, nil, nil, l.menuBtn, container.NewGridWithColumns(2, l.newBtn, l.openBtn))
	top := container.NewVBox(buttons, l.search, l.order)
	return container.NewBorder(top, nil, nil, nil, container.NewStack(l.list, container.NewVBox(l.empty, l.example)))
}

// FocusSearch puts the cursor in the search field.
func (l *Screen) FocusSearch() { l.d.Win.Canvas().Focus(l.search) }

// Listed returns the reports listed, in their order.
func (l *Screen) Listed() []model.Report { return append([]model.Report(nil), l.items...) }

func (l *Screen) length() int { return len(l.items) }

func (l *Screen) createItem() fyne.CanvasObject {
	title := widget.NewLabel("")
	title.TextStyle.Bold = true
	title.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(title, detail)
}

func (l *Screen) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
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
		detail += " · " + model.FormatDate(r.Date, i18n.CurrentLanguage())
	}
	return detail + " · " + lang.L("{{.Count}} words", map[string]any{"Count": i18n.Int(analysis.WordCount(r.Body))})
}

// Refresh reloads the list from the store, keeping the selection.
func (l *Screen) Refresh() {
	items, err := l.d.Store.ListReports(l.d.Ctx, l.search.Text)
	if err != nil {
		l.d.ShowError(err)
		return
	}
	o, _ := l.order.Value()
	sortReports(items, o)
	l.items = items
	l.list.UnselectAll()
	l.list.Refresh()
	for i, r := range items {
		if r.ID == l.d.Current() {
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

// UpdateReport refreshes one row after the editor saved a report.
func (l *Screen) UpdateReport(r model.Report) {
	for i := range l.items {
		if l.items[i].ID == r.ID {
			l.items[i] = r
			l.list.RefreshItem(i)
			return
		}
	}
}

// Select opens the report with the given id and selects its row, clearing a search that
// hides it.
func (l *Screen) Select(id int64) {
	for i, r := range l.items {
		if r.ID == id {
			l.list.Select(i)
			return
		}
	}
	if l.search.Text != "" {
		l.search.SetText("")
		l.Select(id)
	}
}

func (l *Screen) onSearch(string) { l.Refresh() }

func (l *Screen) onSelected(i widget.ListItemID) {
	if i < len(l.items) {
		l.d.Open(l.items[i].ID)
	}
}

// OpenInitial opens the report the user last worked on, or else the most recent one.
func (l *Screen) OpenInitial(last int64) {
	for _, r := range l.items {
		if r.ID == last {
			l.Select(last)
			return
		}
	}
	if len(l.items) > 0 {
		l.list.Select(0)
	}
}

func (l *Screen) current() (model.Report, bool) {
	for _, r := range l.items {
		if r.ID == l.d.Current() {
			return r, true
		}
	}
	return model.Report{}, false
}
