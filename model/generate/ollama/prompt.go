package ollama

import (
	"github.com/ollama/ollama/api"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// The prompts are the engine-neutral ones of package generate (generate.PromptMessages), so
// that every engine sends a request the same instructions; this file converts them to
// Ollama's messages.

// CondenseInstructions returns the fixed system prompt of the chunk passes in lang: "summarise
// faithfully, keep figures, names, dates, decisions; invent nothing" (see
// generate.CondenseInstructions).
func CondenseInstructions(lang model.Language) string { return generate.CondenseInstructions(lang) }

// Messages returns the exact prompt sent for req: a system message holding the preset's
// Instructions in the report's language, their variables ({{titre}}, {{date}}, {{lieu}},
// {{public}}, {{longueur}}) filled from the report, and a user message holding the report's metadata
// (title, kind, date, place, organisers, audience, when set) then its Markdown body between
// "=== DÉBUT DU TEXTE ===" and "=== FIN DU TEXTE ===" lines (English markers for an English
// report). See generate.PromptMessages.
func Messages(req generate.Request) []api.Message {
	return apiMessages(generate.PromptMessages(req))
}

// condenseMessages returns the prompt of the chunk pass for piece i (from 1) of n.
func condenseMessages(req generate.Request, piece string, i, n int) []api.Message {
	return apiMessages(generate.CondenseMessages(req, piece, i, n))
}

// apiMessages converts engine-neutral messages to Ollama's.
func apiMessages(msgs []generate.Message) []api.Message {
	out := make([]api.Message, len(msgs))
	for i, m := range msgs {
		out[i] = api.Message{Role: m.Role, Content: m.Content}
	}
	return out
}

// markers are the lines around the report's text in a user message.
type markers struct{ begin, end string }

func labelsFor(lang model.Language) markers {
	b, e := generate.TextMarkers(lang)
	return markers{begin: b, end: e}
}

// language is the report's language, French when unset.
func language(req generate.Request) model.Language { return generate.PromptLanguage(req) }
