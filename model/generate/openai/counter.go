package openai

import (
	"math"
	"sync"

	"github.com/rapporteur/rapporteur/model/generate"
)

// Token counts. An OpenAI-compatible server gives no tokenizer: a prompt is estimated from its
// length (generate.EstimateText), then corrected by the ratio learned from what the server
// counted for the same model on the same host (usage.prompt_tokens, or the counts of a "too
// long" refusal). The ratios are kept in memory.
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

// Bounds of a learned ratio, and how it moves, as the Ollama engine's.
const (
	minRatio     = 0.25
	maxRatio     = 16
	decay        = 0.25 // a lower observation pulls the ratio a quarter of the way down
	tooLongSlack = 1.05 // beyond the least a refusal proves
)

// ratios are the learned ratios of server tokens to estimated tokens, by host and model. Safe
// for concurrent use.
type ratios struct {
	mu sync.Mutex
	m  map[string]float64
}

func ratioKey(host, name string) string { return host + "|" + name }

// get returns key's ratio, 1 when nothing was learned.
func (r *ratios) get(key string) float64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	if v, ok := r.m[key]; ok {
		return v
	}
	return 1
}

// observe learns from a prompt estimated at raw tokens that the server counted served: the
// ratio jumps to a higher observation and drifts towards a lower one.
func (r *ratios) observe(key string, raw, served int) {
	if raw <= 0 || served <= 0 {
		return
	}
	seen := clampRatio(float64(served) / float64(raw))
	r.update(key, func(old float64, known bool) float64 {
		if !known || seen >= old {
			return seen
		}
		return old - (old-seen)*decay
	})
}

// atLeast learns that a prompt estimated at raw tokens takes more than least tokens.
func (r *ratios) atLeast(key string, raw, least int) {
	if raw <= 0 || least <= 0 {
		return
	}
	v := clampRatio(float64(least+1) / float64(raw) * tooLongSlack)
	r.update(key, func(old float64, _ bool) float64 { return math.Max(old, v) })
}

func (r *ratios) update(key string, next func(old float64, known bool) float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[string]float64{}
	}
	old, known := r.m[key]
	if !known {
		old = 1
	}
	r.m[key] = clampRatio(next(old, known))
}

func clampRatio(v float64) float64 {
	if math.IsNaN(v) {
		return 1
	}
	return math.Max(minRatio, math.Min(maxRatio, v))
}
