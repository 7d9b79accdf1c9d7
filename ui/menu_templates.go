package ui

import (
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
	return append(model.BuiltinTemplates(), u.userTemplates()...)
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
			u.lib.Create(ts[i].NewReport(lang.L("Untitled report"), CurrentLanguage()))
			u.show(screenReport)
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
	if err := u.ed.Flush(); err != nil {
		return unsavedError{err}
	}
	r, err := u.store.Report(u.ctx, u.reportID)
	if err != nil {
		return err
	}
	all := u.templates()
	t, err := model.TemplateFromReport(model.TemplateID(name, all), name, r)
	if err != nil {
		return err
	}
	return u.setUserTemplates(append(u.userTemplates(), t))
}

// userTemplates are the user's own templates; a damaged preference reads as none.
func (u *UI) userTemplates() []model.Template {
	var mine []model.Template
	if data := u.app.Preferences().String(prefTemplates); data != "" {
		mine, _ = model.ParseTemplates([]byte(data))
	}
	return mine
}

// setUserTemplates keeps ts as the user's own templates.
func (u *UI) setUserTemplates(ts []model.Template) error {
	data, err := model.MarshalTemplates(ts)
	if err != nil {
		return err
	}
	u.app.Preferences().SetString(prefTemplates, string(data))
	return nil
}
