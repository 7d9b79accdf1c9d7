package openai

import (
	"math"

	"github.com/rapporteur/rapporteur/model/generate"
)

// Token counts. An OpenAI-compatible server gives no tokenizer: a prompt is estimated from its
// length (generate.EstimateText), then corrected by the ratio learned from what the server
// counted for the same model on the same host (usage.prompt_tokens, or the counts of a "too
// long" refusal). The ratios are kept in Options.Ratios, the workspace in the application.
const (
	messageOverhead  = 8  // role markers and separators of one chat message
	templateOverhead = 16 // the chat template around the messages and the assistant's cue
	// the safety margin of a whole prompt: 17 % (an estimate is no bound) plus 4 tokens
	marginShare  = 0.17
	marginTokens = 4
)

// counter estimates the tokens one model reads, corrected by its learned ratio (0 means 1).
type counter struct{ ratio float64 }

// Text returns the tokens of text inside a message.
func (c counter) Text(text string) int { return c.scale(generate.EstimateText(text)) }

// Prompt returns the tokens of a whole chat prompt, with the safety margin.
func (c counter) Prompt(msgs []generate.Message) int {
	n := c.scale(rawPrompt(msgs))
	return n + int(math.Ceil(float64(n)*marginShare)) + marginTokens
}

// rawPrompt is the estimate of a prompt without correction nor margin: what a pass compares
// with the server's count to learn the ratio.
func rawPrompt(msgs []generate.Message) int {
	n := templateOverhead
	for _, m := range msgs {
		n += generate.EstimateText(m.Content) + messageOverhead
	}
	return n
}

func (c counter) scale(n int) int {
	if c.ratio <= 0 || n == 0 {
		return n
	}
	return int(math.Ceil(float64(n) * c.ratio))
}

// ratioKey names what a ratio corrects: an estimate, for a model of an OpenAI-compatible server
// (apart from the Ollama engine's keys, in the same store).
func ratioKey(host, name string) string { return "openai-estimate:" + host + "/" + name }
