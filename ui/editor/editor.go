package editor

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/ui/i18n"
	"github.com/rapporteur/rapporteur/ui/textedit"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// Delays of the editor: saving after the last keystroke, and refreshing the preview.
const (
	autosaveDelay = time.Second
	previewDelay  = 300 * time.Millisecond
)

// Screen is the report editor: the session's metadata and the Markdown body, with a preview.
// It saves by itself a second after the last change, on Ctrl+S, and before anything that
// needs the saved text (switching report, generating, closing).
type Screen struct {
	d Deps

	title      *widget.Entry
	kind       *uikit.Choice[model.SessionKind]
	date       *widget.Entry
	place      *widget.Entry
	organisers *widget.Entry
	audience   *widget.Entry
	language   *uikit.Choice[model.Language]
	body       *textedit.Editor
	preview    *preview
	status     *widget.Label
	forms      []*widget.Form
	root       fyne.CanvasObject

	loading bool         // true while load fills the widgets, so their callbacks do not save
	report  model.Report // the report as last loaded or saved; UI thread only

	saver     *debouncer
	refresher *debouncer
	mu        sync.Mutex   // guards draft and dirty, shared with the saving goroutine
	draft     model.Report // the latest edit waiting to be saved
	dirty     bool
	saveMu    sync.Mutex // one save at a time
}

// Reports is where the editor saves; *store.Store is one.
type Reports interface {
	SaveReport(ctx context.Context, r model.Report) (model.Report, error)
}

// Deps is everything the editor uses from the rest of the interface.
type Deps struct {
	// Ctx ends when the window closes; the last save still runs after it.
	Ctx context.Context
	// Store keeps the reports.
	Store Reports
	// Do runs work on the UI thread (fyne.Do, or a test's queue).
	Do func(func())
	// ShowError shows an error to the user.
	ShowError func(error)
	// Explain says an error in the interface language, for the status line.
	Explain func(error) string
	// Saved tells the rest of the interface a report was saved (the library lists its new
	// title); Titled, that the open report's title changed.
	Saved func(r model.Report)
	// Titled shows the open report's title (the window's).
	Titled func(title string)
}

// Fields are the editor's widgets, for the tests of the whole window.
type Fields struct {
	Title, Date, Place, Organisers, Audience *widget.Entry
	Body                                     *textedit.Editor
	Kind                                     *uikit.Choice[model.SessionKind]
	Language                                 *uikit.Choice[model.Language]
	Status                                   *widget.Label
}

// New builds the editor, empty until Load.
func New(d Deps) *Screen {
	e := &Screen{d: d}
	e.saver = newDebouncer(autosaveDelay, func() { _ = e.save() })
	e.refresher = newDebouncer(previewDelay, func() { e.d.Do(e.refreshPreview) })
	e.title = e.newEntry(lang.L("Title of the report"))
	e.title.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(lang.L("The title is required."))
		}
		return nil
	}
	e.kind = uikit.NewChoice(func(model.SessionKind) { e.onChanged() })
	e.kind.SetOptions(model.SessionKinds, i18n.KindLabel)
	e.date = e.newEntry(lang.L("dd/mm/yyyy"))
	e.date.Validator = func(s string) error {
		_, err := model.ParseDate(s)
		return err
	}
	e.place = e.newEntry(lang.L("Town hall, online…"))
	e.organisers = e.newEntry(lang.L("Who organised the session"))
	e.audience = e.newEntry(lang.L("Residents, elected members…"))
	e.language = uikit.NewLanguageChoice(func(model.Language) { e.onChanged() })
	e.body = newBodyEntry()
	e.body.PlaceHolder = lang.L("Write the report here, in Markdown: # for a heading, - for a list item, **bold**.")
	e.body.OnChanged = func(string) { e.onChanged(); e.refresher.trigger() }
	e.preview = newPreview()
	e.body.OnCursorChanged = func() {
		if e.preview.stale(e.body.CursorOffset()) {
			e.refresher.trigger()
		}
	}
	e.status = widget.NewLabel("")
	e.status.SizeName = theme.SizeNameCaptionText
	e.root = e.layout()
	e.Clear()
	return e
}

func (e *Screen) newEntry(placeholder string) *widget.Entry {
	en := widget.NewEntry()
	en.PlaceHolder = placeholder
	en.OnChanged = func(string) { e.onChanged() }
	return en
}

func (e *Screen) layout() fyne.CanvasObject {
	left := widget.NewForm(
		widget.NewFormItem(lang.L("Title"), e.title),
		widget.NewFormItem(lang.L("Kind of session"), e.kind),
		widget.NewFormItem(lang.L("Date"), e.date),
		widget.NewFormItem(lang.L("Language"), e.language),
	)
	right := widget.NewForm(
		widget.NewFormItem(lang.L("Place"), e.place),
		widget.NewFormItem(lang.L("Organisers"), e.organisers),
		widget.NewFormItem(lang.L("Audience"), e.audience),
	)
	e.forms = []*widget.Form{left, right}
	meta := container.NewGridWithColumns(2, left, right)
	bodyPane := container.NewBorder(widget.NewLabelWithStyle(lang.L("Text (Markdown)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, e.body)
	split := container.NewHSplit(bodyPane, e.preview.content())
	return container.NewBorder(meta, e.status, nil, nil, split)
}

// Content is the editor's layout.
func (e *Screen) Content() fyne.CanvasObject { return e.root }

// Fields returns the editor's widgets.
func (e *Screen) Fields() Fields {
	return Fields{Title: e.title, Date: e.date, Place: e.place, Organisers: e.organisers, Audience: e.audience,
		Body: e.body, Kind: e.kind, Language: e.language, Status: e.status}
}

// FocusTitle puts the cursor in the title, in the window c.
func (e *Screen) FocusTitle(c fyne.Canvas) { c.Focus(e.title) }

// Pending returns the edit waiting to be saved, and whether there is one.
func (e *Screen) Pending() (model.Report, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.draft, e.dirty
}

// Load fills the widgets with a report; it does not count as an edit.
func (e *Screen) Load(r model.Report) {
	e.loading = true
	defer func() { e.loading = false }()
	e.report = r
	e.mu.Lock()
	e.draft, e.dirty = r, false
	e.mu.Unlock()
	e.title.SetText(r.Title)
	if !e.kind.Set(r.Kind) {
		e.kind.Set(model.SessionKinds[len(model.SessionKinds)-1]) // an unknown kind is « other »
	}
	e.date.SetText(model.FormatDate(r.Date, i18n.CurrentLanguage()))
	e.place.SetText(r.Place)
	e.organisers.SetText(r.Organisers)
	e.audience.SetText(r.Audience)
	if !e.language.Set(r.Language) {
		e.language.Set(model.French)
	}
	e.body.SetText(r.Body)
	e.refreshPreview()
	e.status.SetText(savedAt(r.Updated))
	e.setEnabled(true)
}

// Clear empties the editor when no report is open.
func (e *Screen) Clear() {
	e.loading = true
	defer func() { e.loading = false }()
	e.report = model.Report{}
	e.mu.Lock()
	e.draft, e.dirty = model.Report{}, false
	e.mu.Unlock()
	for _, en := range []*widget.Entry{e.title, e.date, e.place, e.organisers, e.audience} {
		en.SetText("")
	}
	e.body.SetText("")
	e.preview.show("", 0)
	e.status.SetText(lang.L("Create or select a report in the library."))
	e.setEnabled(false)
}

func (e *Screen) setEnabled(on bool) {
	for _, w := range []fyne.Disableable{e.title, e.kind, e.date, e.place, e.organisers, e.audience, e.language, e.body} {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	for _, f := range e.forms {
		f.Refresh() // form labels follow their widget's state
	}
}

// SetTitle shows a title changed elsewhere (renamed from the library).
func (e *Screen) SetTitle(title string) {
	e.loading = true
	e.title.SetText(title)
	e.report.Title = title
	e.mu.Lock()
	e.draft.Title = title
	e.mu.Unlock()
	e.loading = false
}

// onChanged records the edit and schedules a save.
func (e *Screen) onChanged() {
	if e.loading || e.report.ID == 0 {
		return
	}
	d := e.Collect()
	e.mu.Lock()
	e.draft, e.dirty = d, true
	e.mu.Unlock()
	e.status.SetText(lang.L("Saving…"))
	e.saver.trigger()
}

// Collect reads the widgets into a report. A field that does not validate keeps its last
// valid value, so a blank title or a half-typed date never blocks saving the body.
func (e *Screen) Collect() model.Report {
	e.mu.Lock()
	r := e.draft
	e.mu.Unlock()
	if t := strings.TrimSpace(e.title.Text); t != "" {
		r.Title = t
	}
	if k, ok := e.kind.Value(); ok {
		r.Kind = k
	}
	if d, err := model.ParseDate(e.date.Text); err == nil {
		r.Date = d
	}
	r.Place = e.place.Text
	r.Organisers = e.organisers.Text
	r.Audience = e.audience.Text
	r.Language = model.French
	if l, ok := e.language.Value(); ok {
		r.Language = l
	}
	r.Body = e.body.Text
	return r
}

// save writes the pending draft to the store and returns the outcome. It runs in the
// debouncer's goroutine or in the caller's (Flush) and touches widgets only through Do.
// A draft that fails to save stays pending, so the next change, Ctrl+S or close tries again.
func (e *Screen) save() error {
	e.saveMu.Lock()
	defer e.saveMu.Unlock()
	e.mu.Lock()
	d, dirty := e.draft, e.dirty
	e.dirty = false
	e.mu.Unlock()
	if !dirty {
		return nil
	}
	// Not Ctx itself: closing the window cancels it, and the last edit must still be written.
	saved, err := e.d.Store.SaveReport(context.WithoutCancel(e.d.Ctx), d)
	if err != nil {
		e.mu.Lock()
		if !e.dirty {
			e.draft, e.dirty = d, true
		}
		e.mu.Unlock()
	}
	e.d.Do(func() { e.onSaved(d.ID, saved, err) })
	return err
}

func (e *Screen) onSaved(id int64, r model.Report, err error) {
	if err != nil {
		if id != e.report.ID {
			e.d.ShowError(err) // the report is no longer on screen: never fail silently
			return
		}
		e.status.SetText(lang.L("Not saved: {{.Reason}}", map[string]any{"Reason": e.d.Explain(err)}))
		return
	}
	e.d.Saved(r)
	if r.ID != e.report.ID {
		return
	}
	e.report = r
	e.status.SetText(savedAt(r.Updated))
	e.d.Titled(r.Title)
}

// Flush saves now whatever is pending, in the calling goroutine, after any save already under
// way, and returns the error when the edit could not be written.
func (e *Screen) Flush() error {
	e.saver.stop()
	return e.save()
}

// Discard drops pending changes (the report is being deleted).
func (e *Screen) Discard() {
	e.mu.Lock()
	e.dirty = false
	e.mu.Unlock()
}

func (e *Screen) refreshPreview() {
	e.preview.show(e.body.Text, e.body.CursorOffset())
}

func savedAt(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return lang.L("Saved at {{.Time}}", map[string]any{"Time": t.Local().Format("15:04:05")})
}
