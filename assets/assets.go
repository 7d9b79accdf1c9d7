package assets

import "embed"

// Translations holds fr.json and en.json under translations/, for fyne's lang package.
//
//go:embed translations/*.json
var Translations embed.FS

// FyneTexts holds, under fynetexts/, a copy of Fyne's own French and English texts (its
// lang/translations/base.*.json, BSD-3-Clause, © Fyne.io developers): the menus of text fields
// and the file dialogs. They are registered with Rapporteur's when the language chosen is not
// the system's and Fyne cannot be told to follow it (see i18n.ApplyLanguage).
//
//go:embed fynetexts/*.json
var FyneTexts embed.FS

// Fonts holds the TrueType fonts embedded in exported PDFs, under fonts/.
//
//go:embed fonts/*.ttf
var Fonts embed.FS

// Presets is the JSON array of built-in presets (see model.ParsePresets).
//
//go:embed presets.json
var Presets []byte

// Templates is the JSON array of built-in report templates (see model.ParseTemplates).
//
//go:embed templates.json
var Templates []byte

// Icon is the application icon, a 512×512 PNG.
//
//go:embed Icon.png
var Icon []byte

// Samples holds example reports under samples/, written for fictional sessions.
//
//go:embed samples/*.md
var Samples embed.FS
