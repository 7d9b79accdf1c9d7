package ui

import (
	"net/url"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/assets"
	"github.com/rapporteur/rapporteur/model"
)

// The language choices offered in the settings.
const (
	LanguageSystem  = "system"
	LanguageFrench  = "fr"
	LanguageEnglish = "en"
)

// LoadTranslations registers Rapporteur's French and English texts with Fyne's lang package and
// applies the language chosen in the settings ("system", "fr" or "en"). Call it before building
// any widget.
func LoadTranslations(choice string) error {
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		return err
	}
	return applyLanguage(choice)
}

// localeEnv are the variables Fyne reads the user's language from on Linux and BSD, with the
// values the process started with.
var localeEnv = func() map[string]*string {
	m := map[string]*string{}
	for _, name := range []string{"LANGUAGE", "LC_MESSAGES"} {
		if v, ok := os.LookupEnv(name); ok {
			m[name] = &v
		} else {
			m[name] = nil
		}
	}
	return m
}()

// applyLanguage switches the interface to the chosen language, or back to the system's. Fyne picks
// the translation closest to the user's locale, which it reads from LANGUAGE and LC_MESSAGES on
// Linux; elsewhere, or when LC_ALL pins another language, the chosen texts are registered under
// the system locale instead (Fyne's own few texts then keep the system's language).
func applyLanguage(choice string) error {
	forced := choice == LanguageFrench || choice == LanguageEnglish
	for name, v := range localeEnv {
		switch {
		case forced:
			_ = os.Setenv(name, choice)
		case v != nil:
			_ = os.Setenv(name, *v)
		default:
			_ = os.Unsetenv(name)
		}
	}
	// Adding translations again makes lang read the locale anew.
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		return err
	}
	if !forced || string(CurrentLanguage()) == choice {
		return nil
	}
	data, err := assets.Translations.ReadFile("translations/" + choice + ".json")
	if err != nil {
		return err
	}
	return lang.AddTranslationsForLocale(data, lang.SystemLocale())
}

// CurrentLanguage returns the language the interface is shown in, fr or en.
func CurrentLanguage() model.Language {
	// The French file translates this key to "fr"; any other language falls back to English.
	if lang.X("language.code", "en") == "fr" {
		return model.French
	}
	return model.English
}

// kindLabel returns the translated name of a kind of session.
func kindLabel(k model.SessionKind) string {
	switch k {
	case model.KindWorkshop:
		return lang.L("Workshop")
	case model.KindWebinar:
		return lang.L("Webinar")
	case model.KindPublicMeeting:
		return lang.L("Public meeting")
	case model.KindConsultation:
		return lang.L("Consultation or committee")
	default:
		return lang.L("Other kind of session")
	}
}

// statusLabel returns the translated name of a variant's status.
func statusLabel(s model.Status) string {
	switch s {
	case model.StatusQueued:
		return lang.L("Queued")
	case model.StatusRunning:
		return lang.L("Generating…")
	case model.StatusDone:
		return lang.L("Done")
	case model.StatusFailed:
		return lang.L("Failed")
	case model.StatusCancelled:
		return lang.L("Cancelled")
	}
	return string(s)
}

// languageLabel returns the translated name of a report language.
func languageLabel(l model.Language) string {
	if l == model.English {
		return lang.L("English")
	}
	return lang.L("French")
}

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

// hostName shortens a host URL to host:port.
func hostName(host string) string {
	if u, err := url.Parse(host); err == nil && u.Host != "" {
		return u.Host
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
