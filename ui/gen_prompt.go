package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
)

// showPrompt shows the exact prompt a model would receive for report d with preset p: the
// instructions, their variables filled in, and the message carrying the report.
func showPrompt(win fyne.Window, d model.Report, p model.Preset) *widget.Form {
	msgs := ollama.Messages(generate.Request{Source: model.Revision{Meta: d.Meta, Body: d.Body}, Preset: p})
	form := widget.NewForm()
	for _, m := range msgs {
		text := widget.NewLabel(m.Content)
		text.Wrapping = fyne.TextWrapWord
		label := lang.L("Instructions (system)")
		if m.Role == "user" {
			label = lang.L("Message (user)")
		}
		form.Append(label, text)
	}
	note := widget.NewLabel(lang.L("This is exactly what a model receives. The variables of the instructions ({{.Vars}}) are filled from the report.", map[string]any{"Vars": variableNames()}))
	note.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustom(p.Name.In(CurrentLanguage()), lang.L("Close"), container.NewVScroll(container.NewVBox(note, form)), win)
	dlg.Resize(fyne.NewSize(860, 600))
	dlg.Show()
	return form
}
