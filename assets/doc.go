// Package assets embeds the files Rapporteur ships inside its binary, with go:embed: the
// interface translations (translations/fr.json and en.json, read through Fyne's lang package),
// the fonts the PDFs embed, the built-in presets (presets.json) and report templates
// (templates.json), the sample reports and the icon. It holds no code beyond the embed
// declarations.
package assets
