package ollama

import (
	"fmt"
	"strings"

	"github.com/rapporteur/rapporteur/model/generate"
)

// minCondenseOut is the least output, in tokens, a chunk pass is given room for.
const minCondenseOut = 128

// chunkBudget is how large pieces may be for a model's context: limit is what a piece should
// stay under (two thirds of the room the condensing prompt leaves, so the summary has room too);
// hard is the most a single paragraph may take before the source cannot be chunked at all.
type chunkBudget struct {
	room, limit, hard int
}

func budgetFor(req generate.Request, modelContext int) (chunkBudget, error) {
	fixed := promptTokens(condenseMessages(req, "", 99, 99))
	room := modelContext - fixed
	if room < 2*minCondenseOut {
		return chunkBudget{}, &generate.Error{Code: generate.CodeContextTooLong,
			Err: fmt.Errorf("a context of %d tokens leaves no room for the source once the instructions are in", modelContext)}
	}
	return chunkBudget{room: room, limit: room * 2 / 3, hard: room - minCondenseOut}, nil
}

// splitSource cuts req's body into pieces that each fit, with the condensing prompt, a model of
// modelContext tokens: by Markdown section first (lines starting with "# " or "## "), then by
// paragraph for a section too long. A single paragraph longer than the room gives
// CodeContextTooLong.
func splitSource(req generate.Request, modelContext int) ([]string, error) {
	return splitText(req, req.Source.Body, modelContext)
}

func splitText(req generate.Request, text string, modelContext int) ([]string, error) {
	b, err := budgetFor(req, modelContext)
	if err != nil {
		return nil, err
	}
	var units []string
	for _, sec := range sections(text) {
		if EstimateTokens(sec) <= b.limit {
			units = append(units, sec)
			continue
		}
		for _, p := range paragraphs(sec) {
			if n := EstimateTokens(p); n > b.hard {
				return nil, &generate.Error{Code: generate.CodeContextTooLong,
					Err: fmt.Errorf("a paragraph of about %d tokens does not fit the model's context of %d tokens", n, modelContext)}
			}
			units = append(units, p)
		}
	}
	return pack(units, b.limit), nil
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

// pack joins consecutive units into pieces of at most limit tokens; a unit larger than limit
// makes a piece of its own.
func pack(units []string, limit int) []string {
	var out []string
	cur := ""
	for _, u := range units {
		if cur != "" && EstimateTokens(cur+"\n\n"+u) > limit {
			out = append(out, cur)
			cur = ""
		}
		if cur == "" {
			cur = u
		} else {
			cur += "\n\n" + u
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}
