package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// findShortcut returns the menu item bound to Ctrl+key.
func findShortcut(m *fyne.MainMenu, key fyne.KeyName) *fyne.MenuItem {
	want := shortcut(key).ShortcutName()
	for _, menu := range m.Items {
		for _, item := range menu.Items {
			if item.Shortcut != nil && item.Shortcut.ShortcutName() == want {
				return item
			}
		}
	}
	return nil
}

func TestCtrlSSavesAtOnce(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.NewReport()
	u.ed.Fields().Body.SetText("Saisi puis enregistré par Ctrl+S.")
	item := findShortcut(u.win.MainMenu(), fyne.KeyS)
	if item == nil {
		t.Fatal("no menu item bound to Ctrl+S")
	}
	item.Action()
	r, err := env.st.Report(context.Background(), u.reportID)
	if err != nil || r.Body != "Saisi puis enregistré par Ctrl+S." {
		t.Fatalf("Ctrl+S did not save: %q, %v", r.Body, err)
	}
	for _, key := range []fyne.KeyName{fyne.KeyN, fyne.KeyO, fyne.KeyE, fyne.KeyG} {
		if findShortcut(u.win.MainMenu(), key) == nil {
			t.Errorf("no menu item bound to Ctrl+%s", key)
		}
	}
}

func TestThemeSetting(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	s := newSettings(env.u.settingsDeps())
	_, labels := themeChoices()
	s.theme.SetSelected(labels[2]) // dark
	if ThemePreference(env.app) != ThemeDark {
		t.Fatalf("preference %q", ThemePreference(env.app))
	}
	bg := env.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	want := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	if bg != want {
		t.Errorf("dark theme not applied: %v", bg)
	}
	s.theme.SetSelected(labels[1]) // light
	bg = env.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark)
	if bg != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight) {
		t.Errorf("light theme not applied: %v", bg)
	}
}
