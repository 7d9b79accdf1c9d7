package ollama

import (
	"github.com/rapporteur/rapporteur/model/generate"
)

// Reading in parts is engine-neutral (generate.SplitText); this file gives it Ollama's token
// counts.

// minCondenseOut is the least output, in tokens, a chunk pass is given room for.
const minCondenseOut = generate.MinCondenseOut

// TooLongError says a passage of the source cannot fit the model's context even alone, with
// the instructions: Need tokens for a context of Context. It is the Err of a
// *generate.Error with CodeContextTooLong (see generate.TooLongError).
type TooLongError = generate.TooLongError

func tooLong(need, context int) error { return generate.TooLong(need, context) }

// chunkBudget is how large pieces may be for a model's context, in tokens (see
// generate.ChunkBudget).
type chunkBudget struct {
	context, fixed, limit, hard int
}

func budgetFor(cnt tokenCounter, req generate.Request, modelContext int) (chunkBudget, error) {
	b, err := generate.NewChunkBudget(cnt.Prompt(condenseMessages(req, "", 99, 99)), modelContext)
	return chunkBudget{context: b.Context, fixed: b.Fixed, limit: b.Limit, hard: b.Hard}, err
}

// splitSource cuts req's body into pieces that each fit, with the condensing prompt, a model of
// modelContext tokens (see splitText).
func splitSource(cnt tokenCounter, req generate.Request, modelContext int) ([]string, error) {
	return splitText(cnt, req, req.Source.Body, modelContext)
}

// splitText cuts text into pieces that each fit, with the condensing prompt, a model of
// modelContext tokens: by Markdown section first, then by paragraph, then by sentence (see
// generate.SplitText). A single sentence longer than the room gives CodeContextTooLong with a
// *TooLongError.
func splitText(cnt tokenCounter, req generate.Request, text string, modelContext int) ([]string, error) {
	b, err := budgetFor(cnt, req, modelContext)
	if err != nil {
		return nil, err
	}
	gb := generate.ChunkBudget{Context: b.context, Fixed: b.fixed, Limit: b.limit, Hard: b.hard}
	return generate.SplitText(cnt.Text, language(req), text, gb)
}

// halve cuts a piece Ollama found too long into two, by paragraph, or by sentence when it is
// one paragraph; ok is false when it is a single sentence.
func halve(cnt tokenCounter, req generate.Request, piece string) (a, b string, ok bool) {
	return generate.Halve(cnt.Text, language(req), piece)
}

// sections splits Markdown text before each level 1 or 2 heading.
func sections(text string) []string { return generate.Sections(text) }
