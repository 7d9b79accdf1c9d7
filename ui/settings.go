package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/keys"
	"github.com/rapporteur/rapporteur/ui/i18n"
	"github.com/rapporteur/rapporteur/ui/uikit"
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
	settingsDeps
	language *uikit.Choice[string]
	theme    *uikit.Choice[string]
	ollama   *ollamaSettings
	apply    *widget.Button
	problem  *widget.Label
	dlg      dialog.Dialog
	reopened *settings // the dialog shown again after a change of language
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

// settingsDeps is what the settings dialog asks of the rest of the interface.
type settingsDeps struct {
	app       fyne.App
	win       fyne.Window
	showError func(error)
	rebuild   func() error // rebuilds the screens in the language just chosen
	applied   func()       // takes new Ollama settings into account
	keys      *keys.Store  // the servers' API keys
	// background runs work off the UI thread that the window waits for when it closes.
	background func(func())
}

func newSettings(d settingsDeps) *settings {
	s := &settings{settingsDeps: d}
	s.language = uikit.NewChoice(s.onLanguageChanged)
	s.language.SetOptions(labelled(languageChoices()))
	s.language.Set(LanguagePreference(s.app))
	s.theme = uikit.NewChoice(s.onThemeChanged)
	s.theme.SetOptions(labelled(themeChoices()))
	s.theme.Set(ThemePreference(s.app))
	s.ollama = newOllamaSettings(d)
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
	ollamaBox := widget.NewCard(lang.L("Servers and models"), "", container.NewVBox(s.ollama.servers.content(), ollamaForm, container.NewHBox(s.apply), s.problem))
	content := container.NewVScroll(container.NewVBox(form, note, ollamaBox))
	content.SetMinSize(fyne.NewSize(0, 520))
	s.dlg = dialog.NewCustom(lang.L("Settings"), lang.L("Close"), content, s.win)
	s.dlg.Resize(fyne.NewSize(880, 640))
	s.dlg.Show()
}

func (s *settings) onLanguageChanged(value string) {
	if value == LanguagePreference(s.app) {
		return
	}
	previous := LanguagePreference(s.app)
	if err := i18n.ApplyLanguage(value); err != nil {
		s.showError(err)
		return
	}
	if s.dlg != nil {
		s.dlg.Hide()
	}
	if err := s.rebuild(); err != nil {
		_ = i18n.ApplyLanguage(previous)
		s.showError(err)
		return
	}
	s.app.Preferences().SetString(prefLanguage, value)
	if s.dlg != nil { // the dialog was on screen: it comes back in the new language
		s.reopened = newSettings(s.settingsDeps)
		s.reopened.show()
	}
}

// onThemeChanged applies the theme chosen; setting the choice to the theme in use, as building
// the dialog does, changes nothing (applying a theme lays the whole window out again).
func (s *settings) onThemeChanged(value string) {
	if value == ThemePreference(s.app) {
		return
	}
	s.app.Preferences().SetString(prefTheme, value)
	ApplyTheme(s.app, value)
}

// labelled returns values and the function that labels each, for a choice.
func labelled(values, labels []string) ([]string, func(string) string) {
	byValue := map[string]string{}
	for i, v := range values {
		byValue[v] = labels[i]
	}
	return values, func(v string) string { return byValue[v] }
}
