package i18n

import (
	"embed"
	"encoding/json"
	"os"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/assets"
	"github.com/rapporteur/rapporteur/model"
)

// The language choices offered in the settings and read from RAPPORTEUR_LANG.
const (
	LanguageSystem  = "system"
	LanguageFrench  = "fr"
	LanguageEnglish = "en"
)

// LoadTranslations registers Rapporteur's French and English texts with Fyne's lang package and
// applies the language chosen ("system", "fr" or "en"). Call it before building any widget or
// writing any text.
func LoadTranslations(choice string) error {
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		return err
	}
	return ApplyLanguage(choice)
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

// ApplyLanguage switches the texts to the chosen language, or back to the system's. Fyne picks
// the translation closest to the user's locale, which it reads from LANGUAGE and LC_MESSAGES on
// Linux; elsewhere, or when LC_ALL pins another language, the chosen texts are registered under
// the system locale instead, with Fyne's own (its text fields' menus, its file dialogs) in the
// same language.
func ApplyLanguage(choice string) error {
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
	return registerAsSystem(choice)
}

// registerAsSystem registers the texts of language choice, Fyne's and Rapporteur's, as those of
// the system's locale: the way to a language of one's own where Fyne cannot be told to follow it.
func registerAsSystem(choice string) error {
	data, err := textsIn(choice)
	if err != nil {
		return err
	}
	return lang.AddTranslationsForLocale(data, lang.SystemLocale())
}

// textsIn returns Fyne's texts and Rapporteur's in language choice, as one translation file.
func textsIn(choice string) ([]byte, error) {
	texts := map[string]any{}
	for _, f := range []struct {
		fs   embed.FS
		name string
	}{{assets.FyneTexts, "fynetexts/" + choice + ".json"}, {assets.Translations, "translations/" + choice + ".json"}} {
		data, err := f.fs.ReadFile(f.name)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(data, &texts); err != nil {
			return nil, err
		}
	}
	return json.Marshal(texts)
}

// CurrentLanguage returns the language the texts are written in, fr or en.
func CurrentLanguage() model.Language {
	// The French file translates this key to "fr"; any other language falls back to English.
	if lang.X("language.code", "en") == "fr" {
		return model.French
	}
	return model.English
}
