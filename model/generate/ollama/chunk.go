package ollama

import (
	"fmt"
	"strings"

	"github.com/rapporteur/rapporteur/model/analysis"
	"github.com/rapporteur/rapporteur/model/generate"
)

// minCondenseOut is the least output, in tokens, a chunk pass is given room for.
const minCondenseOut = 128

// separatorTokens is what joining two units with a blank line adds, at most.
const separatorTokens = 2

// TooLongError says a passage of the source cannot fit the model's context even alone, with
// the instructions: Need tokens for a context of Context. It is the Err of a
// *generate.Error with CodeContextTooLong.
type TooLongError struct {
	// Need is the tokens the passage takes with the instructions and the least room to answer.
	Need int
	// Context is the model's context, in tokens.
	Context int
}

// Error says what did not fit, in English, for logs.
func (e *TooLongError) Error() string {
	return fmt.Sprintf("a passage of the report needs %d tokens with the instructions, more than the model's context of %d tokens, even alone", e.Need, e.Context)
}

func tooLong(need, context int) error {
	return &generate.Error{Code: generate.CodeContextTooLong, Err: &TooLongError{Need: need, Context: context}}
}

// chunkBudget is how large pieces may be for a model's context, in tokens: fixed is the
// condensing prompt around an empty piece; limit is what a piece should stay under (two thirds
// of the room left, so the summary has room too); hard is the most a single sentence may take.
type chunkBudget struct {
	context, fixed, limit, hard int
}

func budgetFor(cnt tokenCounter, req generate.Request, modelContext int) (chunkBudget, error) {
	fixed := cnt.Prompt(condenseMessages(req, "", 99, 99))
	room := modelContext - fixed
	if room < 2*minCondenseOut {
		return chunkBudget{}, tooLong(fixed+2*minCondenseOut, modelContext)
	}
	return chunkBudget{context: modelContext, fixed: fixed, limit: room * 2 / 3, hard: room - minCondenseOut}, nil
}

// splitSource cuts req's body into pieces that each fit, with the condensing prompt, a model of
// modelContext tokens (see splitText).
func splitSource(cnt tokenCounter, req generate.Request, modelContext int) ([]string, error) {
	return splitText(cnt, req, req.Source.Body, modelContext)
}

// splitText cuts text into pieces that each fit, with the condensing prompt, a model of
// modelContext tokens: by Markdown section first (lines starting with "# " or "## "), then by
// paragraph for a section too long, then by sentence for a paragraph too long. A single
// sentence longer than the room gives CodeContextTooLong with a *TooLongError.
func splitText(cnt tokenCounter, req generate.Request, text string, modelContext int) ([]string, error) {
	b, err := budgetFor(cnt, req, modelContext)
	if err != nil {
		return nil, err
	}
	var units []unit
	for _, sec := range sections(text) {
		more, err := b.units(cnt, req, sec)
		if err != nil {
			return nil, err
		}
		units = append(units, more...)
	}
	return pack(units, b.limit), nil
}

// unit is a piece of text and its token count. An inline unit is a sentence that continues
// the previous unit's paragraph: it is joined to it with a space, not a blank line.
type unit struct {
	text   string
	tokens int
	inline bool
}

// units splits text, as little as needed, into units of at most b.limit tokens (a sentence may
// reach b.hard).
func (b chunkBudget) units(cnt tokenCounter, req generate.Request, text string) ([]unit, error) {
	n := cnt.Text(text)
	if n <= b.limit {
		return []unit{{text: text, tokens: n}}, nil
	}
	parts, inline := split(req, text)
	if len(parts) < 2 {
		if n > b.hard {
			return nil, tooLong(b.fixed+n+minCondenseOut, b.context)
		}
		return []unit{{text: text, tokens: n}}, nil
	}
	var out []unit
	for i, p := range parts {
		more, err := b.units(cnt, req, p)
		if err != nil {
			return nil, err
		}
		if inline && i > 0 {
			more[0].inline = true
		}
		out = append(out, more...)
	}
	return out, nil
}

// halve cuts a piece Ollama found too long into two, by paragraph, or by sentence when it is
// one paragraph; ok is false when it is a single sentence.
func halve(cnt tokenCounter, req generate.Request, piece string) (a, b string, ok bool) {
	parts, inline := split(req, piece)
	if len(parts) < 2 {
		return "", "", false
	}
	units := make([]unit, len(parts))
	total := 0
	for i, p := range parts {
		units[i] = unit{text: p, tokens: cnt.Text(p), inline: inline && i > 0}
		total += units[i].tokens
	}
	cut, sum := 1, units[0].tokens
	for cut < len(units)-1 && sum+units[cut].tokens <= total/2 {
		sum += units[cut].tokens
		cut++
	}
	return joinUnits(units[:cut]), joinUnits(units[cut:]), true
}

// split cuts text by paragraph or, when it is one paragraph, by sentence (inline is then
// true); a single sentence gives one part.
func split(req generate.Request, text string) (parts []string, inline bool) {
	if parts = paragraphs(text); len(parts) > 1 {
		return parts, false
	}
	return sentences(req, text), true
}

// joinUnits joins units back into text: a blank line between paragraphs, a space between the
// sentences of one.
func joinUnits(us []unit) string {
	var b strings.Builder
	for i, u := range us {
		switch {
		case i == 0:
		case u.inline:
			b.WriteString(" ")
		default:
			b.WriteString("\n\n")
		}
		b.WriteString(u.text)
	}
	return b.String()
}

// sections splits Markdown text before each level 1 or 2 heading.
func sections(text string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		t := strings.TrimLeft(line, " ")
		if (strings.HasPrefix(t, "# ") || strings.HasPrefix(t, "## ")) && strings.TrimSpace(cur.String()) != "" {
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
		cur.WriteString(line)
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// paragraphs splits text at blank lines.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// sentences splits text before each of its sentences but the first, so that nothing is lost:
// the pieces joined give text back (white space aside).
func sentences(req generate.Request, text string) []string {
	var out []string
	start := 0
	for i, s := range analysis.Sentences(text, language(req)) {
		if i == 0 || s.Start <= start {
			continue
		}
		if p := strings.TrimSpace(text[start:s.Start]); p != "" {
			out = append(out, p)
		}
		start = s.Start
	}
	if p := strings.TrimSpace(text[start:]); p != "" {
		out = append(out, p)
	}
	return out
}

// pack joins consecutive units into pieces of at most limit tokens; a unit larger than limit
// makes a piece of its own.
func pack(units []unit, limit int) []string {
	var out []string
	var cur []unit
	size := 0
	for _, u := range units {
		if len(cur) > 0 && size+separatorTokens+u.tokens > limit {
			out = append(out, joinUnits(cur))
			cur, size = nil, 0
		}
		if len(cur) > 0 {
			size += separatorTokens
		}
		cur = append(cur, u)
		size += u.tokens
	}
	if len(cur) > 0 {
		out = append(out, joinUnits(cur))
	}
	return out
}
