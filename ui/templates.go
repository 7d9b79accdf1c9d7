package ui

import (
	"errors"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
)

// prefTemplates holds the user's own templates, as the JSON of model.MarshalTemplates.
const prefTemplates = "user-templates"

// templates lists the built-in templates, then the user's.
func (u *UI) templates() []model.Template {
	all := model.BuiltinTemplates()
	if data := u.app.Preferences().String(prefTemplates); data != "" {
		if mine, err := model.ParseTemplates([]byte(data)); err == nil {
			all = append(all, mine...)
		}
	}
	return all
}

// onNewFromTemplate asks which skeleton to start from, then creates the report.
func (u *UI) onNewFromTemplate() {
	ts := u.templates()
	labels := make([]string, len(ts))
	for i, t := range ts {
		labels[i] = t.Name.In(CurrentLanguage())
	}
	choice := widget.NewRadioGroup(labels, nil)
	choice.SetSelected(labels[0])
	about := widget.NewLabel(ts[0].Description.In(CurrentLanguage()))
	about.Wrapping = fyne.TextWrapWord
	choice.OnChanged = func(s string) {
		if i := indexOf(labels, s); i >= 0 {
			about.SetText(ts[i].Description.In(CurrentLanguage()))
		}
	}
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Template"), choice), widget.NewFormItem("", about)}
	dialog.ShowForm(lang.L("New report from a template"), lang.L("Create"), lang.L("Cancel"), items, func(ok bool) {
		if i := indexOf(labels, choice.Selected); ok && i >= 0 {
			u.lib.create(ts[i].NewReport(lang.L("Untitled report"), CurrentLanguage()))
			u.tabs.SelectIndex(0)
		}
	}, u.win)
}

// onSaveAsTemplate keeps the open report's structure as one of the user's templates.
func (u *UI) onSaveAsTemplate() {
	if u.reportID == 0 {
		return
	}
	name := widget.NewEntry()
	name.PlaceHolder = lang.L("e.g. Neighbourhood council")
	dialog.ShowForm(lang.L("Save as a template"), lang.L("Save"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Name"), name)}, func(ok bool) {
			if ok {
				u.showError(u.saveTemplate(name.Text))
			}
		}, u.win)
}

// saveTemplate adds the open report as a template named name.
func (u *UI) saveTemplate(name string) error {
	if err := u.ed.flush(); err != nil {
		return unsavedError{err}
	}
	r, err := u.deps.Store.Report(u.ctx, u.reportID)
	if err != nil {
		return err
	}
	all := u.templates()
	t, err := model.TemplateFromReport(model.TemplateID(name, all), name, r)
	if err != nil {
		return err
	}
	var mine []model.Template
	if data := u.app.Preferences().String(prefTemplates); data != "" {
		mine, _ = model.ParseTemplates([]byte(data))
	}
	data, err := model.MarshalTemplates(append(mine, t))
	if err != nil {
		return err
	}
	u.app.Preferences().SetString(prefTemplates, string(data))
	return nil
}

// onExportTemplates writes the user's templates to a file a colleague can import.
func (u *UI) onExportTemplates() {
	data := u.app.Preferences().String(prefTemplates)
	if data == "" {
		dialog.ShowInformation(lang.L("Templates"), lang.L("You have no template of your own yet: open a report and choose « Save as a template »."), u.win)
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			u.showError(err)
			return
		}
		_, werr := wc.Write([]byte(data))
		u.showError(errors.Join(werr, wc.Close()))
	}, u.win)
	d.SetFileName(lang.L("templates") + ".json")
	d.Show()
}

// onImportTemplates reads a colleague's templates file.
func (u *UI) onImportTemplates() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			u.showError(err)
			return
		}
		data, rerr := io.ReadAll(io.LimitReader(rc, 8<<20))
		_ = rc.Close()
		if rerr != nil {
			u.showError(rerr)
			return
		}
		renamed, err := u.importTemplates(data)
		if err != nil {
			u.showError(err)
			return
		}
		msg := lang.L("The templates were added.")
		if len(renamed) > 0 {
			msg += " " + lang.L("These had the name of one of yours and were added under a new name: {{.List}}", map[string]any{"List": strings.Join(renamed, ", ")})
		}
		dialog.ShowInformation(lang.L("Templates"), msg, u.win)
	}, u.win)
	d.Show()
}

// importTemplates adds the templates of a file to the user's; a template whose identifier is
// already taken gets a new one, and its name is returned so the user knows.
func (u *UI) importTemplates(data []byte) ([]string, error) {
	incoming, err := model.ParseTemplates(data)
	if err != nil {
		return nil, err
	}
	var mine []model.Template
	if saved := u.app.Preferences().String(prefTemplates); saved != "" {
		mine, _ = model.ParseTemplates([]byte(saved))
	}
	var renamed []string
	for _, t := range incoming {
		if _, taken := model.FindTemplate(append(model.BuiltinTemplates(), mine...), t.ID); taken {
			t.ID = model.TemplateID(t.Name.In(CurrentLanguage()), append(model.BuiltinTemplates(), mine...))
			renamed = append(renamed, t.Name.In(CurrentLanguage()))
		}
		mine = append(mine, t)
	}
	out, err := model.MarshalTemplates(mine)
	if err != nil {
		return nil, err
	}
	u.app.Preferences().SetString(prefTemplates, string(out))
	return renamed, nil
}
