package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/ui/i18n"
)

// Preference keys.
const (
	prefLanguage   = "language"
	prefTheme      = "theme"
	prefLastReport = "last-report"
)

// LanguagePreference returns the language chosen in the settings, "system" by default.
func LanguagePreference(a fyne.App) string {
	return a.Preferences().StringWithFallback(prefLanguage, LanguageSystem)
}

// ThemePreference returns the theme chosen in the settings, "system" by default.
func ThemePreference(a fyne.App) string {
	return a.Preferences().StringWithFallback(prefTheme, ThemeSystem)
}

// settings is the settings dialog: interface language and theme.
type settings struct {
	u        *UI
	language *widget.Select
	theme    *widget.Select
	ollama   *ollamaSettings
	apply    *widget.Button
	problem  *widget.Label
	dlg      dialog.Dialog
}

// languageChoices and themeChoices pair each stored value with its label, in display order.
func languageChoices() ([]string, []string) {
	return []string{LanguageSystem, LanguageFrench, LanguageEnglish},
		[]string{lang.L("Same as the system"), "Français", "English"}
}

func themeChoices() ([]string, []string) {
	return []string{ThemeSystem, ThemeLight, ThemeDark},
		[]string{lang.L("Same as the system"), lang.L("Light"), lang.L("Dark")}
}

func newSettings(u *UI) *settings {
	s := &settings{u: u}
	langValues, langLabels := languageChoices()
	s.language = widget.NewSelect(langLabels, func(label string) { s.onLanguageChanged(valueFor(langValues, langLabels, label)) })
	s.language.SetSelected(labelFor(langValues, langLabels, LanguagePreference(u.app)))
	themeValues, themeLabels := themeChoices()
	s.theme = widget.NewSelect(themeLabels, func(label string) { s.onThemeChanged(valueFor(themeValues, themeLabels, label)) })
	s.theme.SetSelected(labelFor(themeValues, themeLabels, ThemePreference(u.app)))
	s.ollama = newOllamaSettings(u)
	s.problem = widget.NewLabel("")
	s.problem.Wrapping = fyne.TextWrapWord
	s.apply = widget.NewButton(lang.L("Apply"), s.onApply)
	return s
}

// onApply stores the Ollama settings, or says which field is wrong.
func (s *settings) onApply() {
	if err := s.ollama.save(); err != nil {
		s.problem.SetText(err.Error())
		return
	}
	s.problem.SetText(lang.L("Saved. The models are being read again."))
}

func (s *settings) show() {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Language"), s.language),
		widget.NewFormItem(lang.L("Theme"), s.theme),
	)
	note := widget.NewLabel(lang.L("The language applies at once to the whole window."))
	note.Wrapping = fyne.TextWrapWord
	ollamaForm := widget.NewForm(s.ollama.items()...)
	ollamaBox := widget.NewCard(lang.L("Ollama"), "", container.NewVBox(ollamaForm, container.NewHBox(s.apply), s.problem))
	s.dlg = dialog.NewCustom(lang.L("Settings"), lang.L("Close"), container.NewVBox(form, note, ollamaBox), s.u.win)
	s.dlg.Resize(fyne.NewSize(640, 560))
	s.dlg.Show()
}

func (s *settings) onLanguageChanged(value string) {
	if value == LanguagePreference(s.u.app) {
		return
	}
	previous := LanguagePreference(s.u.app)
	if err := i18n.ApplyLanguage(value); err != nil {
		s.u.showError(err)
		return
	}
	if s.dlg != nil {
		s.dlg.Hide()
	}
	if err := s.u.rebuild(); err != nil {
		_ = i18n.ApplyLanguage(previous)
		s.u.showError(err)
		return
	}
	s.u.app.Preferences().SetString(prefLanguage, value)
}

func (s *settings) onThemeChanged(value string) {
	s.u.app.Preferences().SetString(prefTheme, value)
	ApplyTheme(s.u.app, value)
}

func valueFor(values, labels []string, label string) string {
	for i, l := range labels {
		if l == label {
			return values[i]
		}
	}
	return values[0]
}

func labelFor(values, labels []string, value string) string {
	for i, v := range values {
		if v == value {
			return labels[i]
		}
	}
	return labels[0]
}
