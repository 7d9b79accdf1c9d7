package model

import "strings"

// AnnotatedLine is one line of a preset's instructions with the note explaining it, if any.
type AnnotatedLine struct {
	// Text is the line as written in the instructions.
	Text string
	// Why explains the line; empty when no note is about it.
	Why string
}

// Annotated returns the instructions in lang, line by line, each with its note. The notes
// are those of the language the instructions are actually given in (see Localized.In), so a
// preset written in one language keeps its notes whatever the report's language. A note
// applies to the first line not yet annotated that starts with its Rule.
func (p Preset) Annotated(lang Language) []AnnotatedLine {
	used := p.InstructionsLanguage(lang)
	text := p.Instructions[used]
	if text == "" {
		return nil
	}
	notes := p.Notes[used]
	taken := make([]bool, len(notes))
	lines := strings.Split(text, "\n")
	out := make([]AnnotatedLine, len(lines))
	for i, line := range lines {
		out[i].Text = line
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		for j, n := range notes {
			if !taken[j] && strings.HasPrefix(trimmed, strings.TrimSpace(n.Rule)) {
				out[i].Why, taken[j] = n.Why, true
				break
			}
		}
	}
	return out
}

// InstructionsLanguage is the language Instructions.In(lang) takes its text from: lang when
// the preset has instructions in it, else French, else any language it has.
func (p Preset) InstructionsLanguage(lang Language) Language {
	if p.Instructions[lang] != "" {
		return lang
	}
	if p.Instructions[French] != "" {
		return French
	}
	for l, s := range p.Instructions {
		if s != "" {
			return l
		}
	}
	return lang
}
