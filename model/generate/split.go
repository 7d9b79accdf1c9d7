package generate

import (
	"fmt"
	"strings"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// Reading a source in parts. When a source is too long for a model's context, an engine cuts it
// into pieces that each fit with the condensing prompt (CondenseMessages), condenses each, then
// runs the preset on the condensed text. The cutting here is the same for every engine: only
// the way tokens are counted differs, and is given as a function.

// MinCondenseOut is the least output, in tokens, a chunk pass is given room for.
const MinCondenseOut = 128

// separatorTokens is what joining two units with a blank line adds, at most.
const separatorTokens = 2

// TooLongError says a passage of the source cannot fit the model's context even alone, with
// the instructions: Need tokens for a context of Context. It is the Err of an *Error with
// CodeContextTooLong.
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

// TooLong returns an *Error with CodeContextTooLong wrapping a *TooLongError.
func TooLong(need, context int) error {
	return &Error{Code: CodeContextTooLong, Err: &TooLongError{Need: need, Context: context}}
}

// ChunkBudget is how large pieces may be for a model's context, in tokens: Fixed is the
// condensing prompt around an empty piece; Limit is what a piece should stay under (two thirds
// of the room left, so the summary has room too); Hard is the most a single sentence may take.
type ChunkBudget struct {
	Context, Fixed, Limit, Hard int
}

// NewChunkBudget returns the budget of a model of modelContext tokens whose condensing prompt
// takes fixed tokens around an empty piece; a context that leaves no room for a piece and its
// summary gives CodeContextTooLong.
func NewChunkBudget(fixed, modelContext int) (ChunkBudget, error) {
	room := modelContext - fixed
	if room < 2*MinCondenseOut {
		return ChunkBudget{}, TooLong(fixed+2*MinCondenseOut, modelContext)
	}
	return ChunkBudget{Context: modelContext, Fixed: fixed, Limit: room * 2 / 3, Hard: room - MinCondenseOut}, nil
}

// SplitText cuts text, in lang, into pieces that each fit b, counting tokens with count: by
// Markdown section first (lines starting with "# " or "## "), then by paragraph for a section
// too long, then by sentence for a paragraph too long. A single sentence longer than b.Hard
// gives CodeContextTooLong with a *TooLongError. Nothing is lost: the pieces joined give text
// back, white space aside.
func SplitText(count func(string) int, lang model.Language, text string, b ChunkBudget) ([]string, error) {
	var units []chunkUnit
	for _, sec := range Sections(text) {
		more, err := b.units(count, lang, sec)
		if err != nil {
			return nil, err
		}
		units = append(units, more...)
	}
	return pack(units, b.Limit), nil
}

// chunkUnit is a piece of text and its token count. An inline unit is a sentence that continues
// the previous unit's paragraph: it is joined to it with a space, not a blank line.
type chunkUnit struct {
	text   string
	tokens int
	inline bool
}

// units splits text, as little as needed, into units of at most b.Limit tokens (a sentence may
// reach b.Hard).
func (b ChunkBudget) units(count func(string) int, lang model.Language, text string) ([]chunkUnit, error) {
	n := count(text)
	if n <= b.Limit {
		return []chunkUnit{{text: text, tokens: n}}, nil
	}
	parts, inline := splitOnce(lang, text)
	if len(parts) < 2 {
		if n > b.Hard {
			return nil, TooLong(b.Fixed+n+MinCondenseOut, b.Context)
		}
		return []chunkUnit{{text: text, tokens: n}}, nil
	}
	var out []chunkUnit
	for i, p := range parts {
		more, err := b.units(count, lang, p)
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

// Halve cuts a piece a server found too long into two of about the same tokens (counted with
// count), by paragraph, or by sentence when it is one paragraph; ok is false when it is a
// single sentence.
func Halve(count func(string) int, lang model.Language, piece string) (a, b string, ok bool) {
	parts, inline := splitOnce(lang, piece)
	if len(parts) < 2 {
		return "", "", false
	}
	units := make([]chunkUnit, len(parts))
	total := 0
	for i, p := range parts {
		units[i] = chunkUnit{text: p, tokens: count(p), inline: inline && i > 0}
		total += units[i].tokens
	}
	cut, sum := 1, units[0].tokens
	for cut < len(units)-1 && sum+units[cut].tokens <= total/2 {
		sum += units[cut].tokens
		cut++
	}
	return joinUnits(units[:cut]), joinUnits(units[cut:]), true
}

// splitOnce cuts text by paragraph or, when it is one paragraph, by sentence (inline is then
// true); a single sentence gives one part.
func splitOnce(lang model.Language, text string) (parts []string, inline bool) {
	if parts = paragraphs(text); len(parts) > 1 {
		return parts, false
	}
	return sentences(lang, text), true
}

// joinUnits joins units back into text: a blank line between paragraphs, a space between the
// sentences of one.
func joinUnits(us []chunkUnit) string {
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

// Sections splits Markdown text before each level 1 or 2 heading.
func Sections(text string) []string {
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
func sentences(lang model.Language, text string) []string {
	var out []string
	start := 0
	for i, s := range analysis.Sentences(text, lang) {
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
func pack(units []chunkUnit, limit int) []string {
	var out []string
	var cur []chunkUnit
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
