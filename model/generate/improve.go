package generate

import (
	"strings"

	"github.com/rapporteur/rapporteur/model"
)

// PresetImprove is the preset of the prompt coach: a model reviews a preset's instructions and
// proposes a revision. Like the review passes, it is not a style of variant.
const PresetImprove = "ameliorer-consigne"

// improveHeadings are the two headings the coach's answer must have, per language: its
// remarks, then the revised instructions.
var improveHeadings = map[model.Language][2]string{
	model.French:  {"## Remarques", "## Consigne révisée"},
	model.English: {"## Remarks", "## Revised instructions"},
}

// ImproveRequest builds the Request that asks a model to review the instructions of preset p
// in lang: the preset PresetImprove from presets, spec with its PresetID set to it, and as
// Source a revision titled with p's name whose body holds the instructions between
// "--- DÉBUT DE LA CONSIGNE ---" and "--- FIN DE LA CONSIGNE ---" (English: "--- BEGINNING
// OF THE INSTRUCTIONS ---"…). It fails with CodePresetMissing without the coach's preset and
// CodeEmptySource when the instructions are blank.
func ImproveRequest(p model.Preset, lang model.Language, presets []model.Preset, spec model.Spec) (Request, error) {
	coach, ok := model.FindPreset(presets, PresetImprove)
	if !ok {
		return Request{}, newError(CodePresetMissing, "no preset with id %q", PresetImprove)
	}
	if !lang.Valid() {
		lang = model.French
	}
	instructions := strings.TrimSpace(p.Instructions.In(lang))
	if instructions == "" {
		return Request{}, newError(CodeEmptySource, "the preset has no instructions")
	}
	w := reviewWords[lang]
	begin, end := w.markers(w.preset)
	body := begin + "\n" + defuse(w, instructions) + "\n" + end + "\n"
	spec.PresetID = PresetImprove
	rev := model.Revision{Meta: model.Meta{Title: p.Name.In(lang), Kind: model.KindOther, Language: lang}, Body: body}
	return Request{Source: rev, Preset: coach, Spec: spec}, nil
}

// Improvement is the coach's answer, split into its two parts.
type Improvement struct {
	// Remarks is the Markdown list of problems found.
	Remarks string
	// Revised is the complete revised instructions.
	Revised string
}

// ParseImprovement splits the coach's answer at its two headings (in lang, or in the other
// language when the model switched). ok is false when the answer does not follow that
// format or gives no revised instructions: the caller then shows the answer as it is and
// changes nothing. A code fence around the revision is removed.
func ParseImprovement(text string, lang model.Language) (imp Improvement, ok bool) {
	text = unfence(strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n")))
	for _, l := range []model.Language{lang, model.French, model.English} {
		h, known := improveHeadings[l]
		if !known {
			continue
		}
		remarks, revised, found := splitAtHeadings(text, h[0], h[1])
		if found && strings.Trim(revised, "`\n ") != "" {
			return Improvement{Remarks: remarks, Revised: revised}, true
		}
	}
	return Improvement{}, false
}

// splitAtHeadings returns what follows the line first up to the line second, and what
// follows second, both trimmed. Heading lines match case-insensitively, trailing colons and
// spaces aside.
func splitAtHeadings(text, first, second string) (before, after string, ok bool) {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	i, j := -1, -1
	for k, line := range lines {
		switch {
		case i < 0 && isHeading(line, first):
			i = k
		case i >= 0 && j < 0 && isHeading(line, second):
			j = k
		}
	}
	if i < 0 || j < 0 {
		return "", "", false
	}
	before = strings.TrimSpace(strings.Join(lines[i+1:j], "\n"))
	after = fencedPart(strings.TrimSpace(strings.Join(lines[j+1:], "\n")))
	return before, after, true
}

// fencedPart returns the inside of a code fence that opens s, up to its closing fence (what
// follows, such as a closing remark, is dropped); s itself when it does not open with a fence.
func fencedPart(s string) string {
	if !strings.HasPrefix(s, "```") {
		return s
	}
	lines := strings.Split(s, "\n")
	for k := 1; k < len(lines); k++ {
		if strings.HasPrefix(strings.TrimSpace(lines[k]), "```") {
			return strings.TrimSpace(strings.Join(lines[1:k], "\n"))
		}
	}
	return strings.TrimSpace(strings.Join(lines[1:], "\n"))
}

func isHeading(line, heading string) bool {
	l := strings.TrimRight(strings.TrimSpace(line), " :\u00a0\u202f*")
	l = strings.TrimLeft(l, "*")
	return strings.EqualFold(l, heading) || strings.EqualFold(strings.Trim(l, "* "), strings.TrimLeft(heading, "# "))
}

// unfence removes a Markdown code fence wrapping the whole text, when there is one and no
// other fence inside.
func unfence(s string) string {
	if !strings.HasPrefix(s, "```") || !strings.HasSuffix(s, "```") || strings.Count(s, "```") != 2 {
		return s
	}
	inner := strings.TrimSuffix(s, "```")
	if nl := strings.IndexByte(inner, '\n'); nl >= 0 {
		return strings.TrimSpace(inner[nl+1:])
	}
	return s
}
