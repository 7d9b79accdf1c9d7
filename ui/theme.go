package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The theme choices offered in the settings.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// fixedVariant is Fyne's default theme held to one variant, light or dark, whatever the system says.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color returns the default theme's colour for the fixed variant.
func (t fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// themeFor returns the theme for a settings choice.
func themeFor(choice string) fyne.Theme {
	switch choice {
	case ThemeLight:
		return fixedVariant{Theme: theme.DefaultTheme(), variant: theme.VariantLight}
	case ThemeDark:
		return fixedVariant{Theme: theme.DefaultTheme(), variant: theme.VariantDark}
	}
	return theme.DefaultTheme()
}

// ApplyTheme sets the app's theme from a settings choice ("system", "light" or "dark").
func ApplyTheme(a fyne.App, choice string) {
	a.Settings().SetTheme(themeFor(choice))
}
