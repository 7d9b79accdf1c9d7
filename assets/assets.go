package assets

import "embed"

// Translations holds fr.json and en.json under translations/, for fyne's lang package.
//
//go:embed translations/*.json
var Translations embed.FS

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
