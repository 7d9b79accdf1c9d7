package i18n

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/imports"
	"github.com/rapporteur/rapporteur/model/store"
)

// TestErrorTextBothLanguages checks that the errors the command line and the desktop interface
// share are explained in French and in English, numbers written each language's way, however
// deeply they are wrapped.
func TestErrorTextBothLanguages(t *testing.T) {
	cases := []struct {
		err    error
		fr, en string
	}{
		{fmt.Errorf("import: %w", &imports.Error{Code: imports.CodeEmpty, Name: "ordre-du-jour.md"}),
			"Le fichier ordre-du-jour.md est vide.", "The file ordre-du-jour.md is empty."},
		{fmt.Errorf("save: %w", fmt.Errorf("%w: database is locked", store.ErrBusy)),
			"L’espace de travail est utilisé par un autre programme (une autre fenêtre de Rapporteur\u00a0?). Fermez-le, puis réessayez.",
			"The workspace is being used by another program (another Rapporteur window?). Close it and try again."},
		{fmt.Errorf("run: %w", context.Canceled), "Annulé.", "Cancelled."},
		{model.NewReport("", model.French).Validate(), "Titre\u00a0: ce champ est obligatoire.", "Title: this field is required."},
		{&model.ShareTooLargeError{Size: 3_000_000, Limit: 2_097_152},
			"Ce fichier partagé est trop volumineux\u00a0: un partage fait au plus 2\u00a0097\u00a0152 octets.",
			"This shared file is too large: a share holds at most 2,097,152 bytes."},
		{&generate.Error{Code: generate.CodeHostUnreachable},
			"Ollama ne répond pas à cette adresse\u00a0: est-il démarré\u00a0? (Vérifiez l’adresse dans les Paramètres.)",
			"Ollama does not answer at this address: is it started? (Check the address in Settings.)"},
		{errors.New("boom"), "Erreur inattendue\u00a0: boom", "Unexpected error: boom"},
	}
	t.Cleanup(func() { _ = LoadTranslations(LanguageEnglish) })
	for _, choice := range []string{LanguageFrench, LanguageEnglish} {
		if err := LoadTranslations(choice); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			want := c.en
			if choice == LanguageFrench {
				want = c.fr
			}
			if got := ErrorText(c.err); got != want {
				t.Errorf("%s: ErrorText(%v)\n got %q\nwant %q", choice, c.err, got, want)
			}
		}
	}
	if got := ErrorText(nil); got != "" {
		t.Errorf("ErrorText(nil) = %q, want nothing", got)
	}
}

// TestVariantErrorTextBothLanguages checks a stored error code with its counts, in both
// languages.
func TestVariantErrorTextBothLanguages(t *testing.T) {
	v := model.Variant{ErrorCode: string(generate.CodeContextTooLong)}
	v.Stats.ContextNeeded, v.Stats.ModelContext = 9_480, 8_192
	t.Cleanup(func() { _ = LoadTranslations(LanguageEnglish) })
	want := map[string]string{
		LanguageFrench:  "un passage du compte-rendu demande à lui seul 9,5k jetons avec les consignes, plus que le contexte de ce modèle (8,2k), même en lisant le texte par parties\u00a0: raccourcissez ce passage (une phrase ou un tableau très long\u202f?) ou choisissez un modèle au contexte plus grand.",
		LanguageEnglish: "a passage of the report needs 9.5k tokens with the instructions, more than this model's context of 8.2k, even read in parts: shorten that passage (a very long sentence or table?) or choose a model with a larger context.",
	}
	for _, choice := range []string{LanguageFrench, LanguageEnglish} {
		if err := LoadTranslations(choice); err != nil {
			t.Fatal(err)
		}
		if got := VariantErrorText(v); got != want[choice] {
			t.Errorf("%s:\n got %q\nwant %q", choice, got, want[choice])
		}
		if got := VariantErrorText(model.Variant{}); got != "" {
			t.Errorf("%s: no error code explained as %q", choice, got)
		}
	}
}
