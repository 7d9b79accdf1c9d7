package i18n

import (
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
)

// TestLanguageOfOnesOwnCoversFyneTexts registers French on an English system, the way taken
// where Fyne reads the locale from the system alone (Windows, macOS): Rapporteur's texts and
// Fyne's own (its file dialog) are both French, not a mix.
func TestLanguageOfOnesOwnCoversFyneTexts(t *testing.T) {
	test.NewTempApp(t)
	t.Setenv("LANGUAGE", "en")
	if err := LoadTranslations(LanguageSystem); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = LoadTranslations(LanguageSystem) })
	if got := lang.L("Create Folder"); got != "Create Folder" {
		t.Fatalf("the English system reads %q", got)
	}
	if err := registerAsSystem(LanguageFrench); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("Create Folder"); got != "Créer un dossier" {
		t.Errorf("Fyne's file dialog reads %q", got)
	}
	if got := lang.L("Report"); got != "Compte-rendu" {
		t.Errorf("Rapporteur's tab reads %q", got)
	}
}
