package ui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// The language choices offered in the settings (see i18n.LanguageSystem).
const (
	LanguageSystem  = i18n.LanguageSystem
	LanguageFrench  = i18n.LanguageFrench
	LanguageEnglish = i18n.LanguageEnglish
)

// LoadTranslations registers Rapporteur's texts and applies the language chosen in the settings
// ("system", "fr" or "en"); see i18n.LoadTranslations. Call it before building any widget.
func LoadTranslations(choice string) error { return i18n.LoadTranslations(choice) }

// CurrentLanguage returns the language the interface is shown in, fr or en.
func CurrentLanguage() model.Language { return i18n.CurrentLanguage() }

// presetName returns a preset's name in the interface language, or its id when unknown.
func presetName(ps []model.Preset, id string) string {
	if p, ok := model.FindPreset(ps, id); ok {
		return p.Name.In(CurrentLanguage())
	}
	return id
}

// engineLabel names the engine and model that wrote a variant, with the host when several
// hosts are configured (the same model may run on two of them).
func engineLabel(s model.Spec) string {
	if s.Engine == model.EngineBuiltin {
		return lang.L("Built-in engine")
	}
	if a := fyne.CurrentApp(); a != nil && len(Hosts(a)) > 1 {
		return s.Model + " @ " + hostName(s.Host)
	}
	return s.Model
}

// hostName shortens a host URL to host:port, and its path when it has one (an
// OpenAI-compatible server's "/v1"), so that two servers of one machine stay apart.
func hostName(host string) string {
	if u, err := url.Parse(host); err == nil && u.Host != "" {
		return u.Host + strings.TrimRight(u.Path, "/")
	}
	return host
}

// windowTitle is the title of the main window.
func windowTitle(report string) string {
	if report == "" {
		return "Rapporteur"
	}
	return report + " — Rapporteur"
}
