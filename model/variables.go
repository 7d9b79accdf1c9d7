package model

import (
	"strconv"
	"strings"
)

// Variables lists the placeholders a preset's instructions may hold, filled from the report
// when the prompt is built: French names and their English twins.
var Variables = []string{"{{titre}}", "{{date}}", "{{lieu}}", "{{public}}", "{{longueur}}",
	"{{title}}", "{{place}}", "{{audience}}", "{{length}}"}

// ExpandVariables fills the placeholders of instructions with the report's metadata: title,
// date (as readers of lang write it), place, audience, and the target length in words (see
// Preset.TargetLength). An unknown or empty value leaves « non précisé » / "not given", so the
// model is never handed a raw placeholder.
func ExpandVariables(instructions string, m Meta, p Preset, sourceWords int, lang Language) string {
	if !strings.Contains(instructions, "{{") {
		return instructions
	}
	none := "non précisé"
	if lang == English {
		none = "not given"
	}
	or := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return none
		}
		return s
	}
	length := none
	if n := p.TargetLength(sourceWords); n > 0 {
		length = strconv.Itoa(n)
	}
	date := or(FormatDate(m.Date, lang))
	return strings.NewReplacer(
		"{{titre}}", or(m.Title), "{{title}}", or(m.Title),
		"{{date}}", date,
		"{{lieu}}", or(m.Place), "{{place}}", or(m.Place),
		"{{public}}", or(m.Audience), "{{audience}}", or(m.Audience),
		"{{longueur}}", length, "{{length}}", length,
	).Replace(instructions)
}
