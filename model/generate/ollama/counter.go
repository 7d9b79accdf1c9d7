package ollama

import (
	"bytes"
	"hash/fnv"
	"math"
	"sync"

	"github.com/ollama/ollama/api"
	"github.com/ollama/ollama/template"
	"github.com/ollama/ollama/tokenizer"

	"github.com/rapporteur/rapporteur/model/generate"
)

// Estimates used when a model's own tokenizer is not available (a remote model, a vocabulary
// of another kind, a host that does not answer in time): its characters divided by 3.2
// (generate.EstimateText), plus fixed overheads for the chat template. Llama 3.2's tokenizer
// reads 3.2 characters a token in the French test reports and 4.4 in English prose
// (TestEstimateAgainstLlamaTokenizer), so the estimate is about right in French and 40 % over
// in English; the test models' tokenizer reads one character a token. The ratio learned from
// the server's own counts (ratios.go) corrects it for each model after its first pass.
const (
	messageOverhead  = 8  // role markers and separators of one chat message
	templateOverhead = 16 // the chat template around the messages and the assistant's cue
)

// Safety margins added to every prompt count: 2 % plus 4 tokens, so that an exact count off by
// a few tokens (the chat template's edges, a runner that adds a leading space: one token on the
// real test server) never reaches Ollama's limit; 15 % more for an estimate, which is no bound
// in French (see above).
const (
	marginShare    = 0.02
	marginTokens   = 4
	estimateMargin = 0.15
)

// memoSize is how many counted texts a tokenizer remembers (a hash and a count each, about
// 40 bytes): the report's body is counted once for every preset of a run and every refresh of
// the matrix, and its sections and paragraphs once for every plan that reads it in parts.
const memoSize = 4096

// estimateTokens returns the estimated tokens of text as one chat message: its characters
// divided by 3.2, rounded up, plus a message's overhead (8 tokens); 0 for "".
func estimateTokens(text string) int {
	if text == "" {
		return 0
	}
	return estimateText(text) + messageOverhead
}

// estimateText is the estimate of text alone, without a message's overhead.
func estimateText(text string) int {
	return generate.EstimateText(text)
}

// tokenCounter counts the tokens one model reads. With the model's own tokenizer (Exact) it
// counts what Ollama will count, give or take the few tokens of the template's edges; without,
// it estimates from the text's length. Either way the count is multiplied by the ratio learned
// from what the server reported for this model, and whole prompts get a safety margin. A zero
// tokenCounter estimates. Counters are cheap values, safe for concurrent use.
type tokenCounter struct {
	mt    *modelTokenizer // nil: estimate
	ratio float64         // learned server tokens per counted token; 0 means 1
}

// Exact reports whether the counts come from the model's own tokenizer.
func (c tokenCounter) Exact() bool { return c.mt != nil }

// Text returns the tokens text takes inside a message, corrected by the learned ratio.
func (c tokenCounter) Text(text string) int { return c.scale(c.rawText(text)) }

// Prompt returns the tokens of a whole chat prompt, what Ollama compares with num_ctx: the
// messages, the chat template, BOS and the messages the model's Modelfile adds, corrected by
// the learned ratio, plus the safety margin.
func (c tokenCounter) Prompt(msgs []api.Message) int {
	n := c.scale(c.rawPrompt(msgs))
	share := marginShare
	if c.mt == nil {
		share += estimateMargin
	}
	return n + int(math.Ceil(float64(n)*share)) + marginTokens
}

// rawText counts text without correction.
func (c tokenCounter) rawText(text string) int {
	if c.mt != nil {
		if n, ok := c.mt.count(text); ok {
			return n
		}
	}
	return estimateText(text)
}

// rawPrompt counts a prompt without correction nor margin: this is what a pass compares with
// the server's prompt_eval_count to learn the ratio.
func (c tokenCounter) rawPrompt(msgs []api.Message) int {
	if c.mt != nil {
		if n, ok := c.mt.prompt(msgs); ok {
			return n
		}
	}
	n := templateOverhead
	for _, m := range msgs {
		n += estimateTokens(m.Content)
	}
	return n
}

func (c tokenCounter) scale(n int) int {
	if c.ratio <= 0 || n == 0 {
		return n
	}
	return int(math.Ceil(float64(n) * c.ratio))
}

// modelTokenizer is a model's own tokenizer and chat template, fetched once per model digest.
// It is safe for concurrent use.
type modelTokenizer struct {
	tok      tokenizer.Tokenizer
	tmpl     *template.Template // nil: the template is unknown (a model with a renderer)
	preamble []api.Message      // the Modelfile's MESSAGEs, which Ollama puts before ours
	entries  int                // tokens and merges, for the cache's bound

	mu    sync.Mutex // guards memo and order
	memo  map[memoKey]int
	order []memoKey
}

type memoKey struct {
	n    int
	hash uint64
}

// count returns the tokens of text without BOS; ok is false when the tokenizer failed.
func (m *modelTokenizer) count(text string) (n int, ok bool) {
	if text == "" {
		return 0, true
	}
	h := fnv.New64a()
	_, _ = h.Write([]byte(text))
	key := memoKey{len(text), h.Sum64()}
	m.mu.Lock()
	n, known := m.memo[key]
	m.mu.Unlock()
	if known {
		return n, true
	}
	if n, ok = m.encode(text, false); !ok {
		return 0, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, known := m.memo[key]; known {
		return n, true // counted meanwhile by another caller
	}
	if m.memo == nil {
		m.memo = map[memoKey]int{}
	}
	if len(m.order) == memoSize {
		delete(m.memo, m.order[0])
		m.order = m.order[1:]
	}
	m.memo[key] = n
	m.order = append(m.order, key)
	return n, true
}

// encode runs the tokenizer, turning a panic (a vocabulary that passed the checks but
// breaks Ollama's code) into a failure. Ollama's tokenizers are safe for concurrent use: no
// lock is held while they work.
func (m *modelTokenizer) encode(text string, bos bool) (n int, ok bool) {
	defer func() {
		if recover() != nil {
			n, ok = 0, false
		}
	}()
	ids, err := m.tok.Encode(text, bos)
	return len(ids), err == nil
}

// prompt counts a whole prompt: the template rendered around empty messages (with BOS), plus
// each message's content counted alone. The template's edges may merge with the content into
// a token more or less; the learned ratio and the margin cover that.
func (m *modelTokenizer) prompt(msgs []api.Message) (int, bool) {
	all := append(append([]api.Message(nil), m.preamble...), msgs...)
	frame, ok := m.frame(all)
	if !ok {
		return 0, false
	}
	n := frame
	for _, msg := range all {
		c, ok := m.count(msg.Content)
		if !ok {
			return 0, false
		}
		n += c
	}
	return n, true
}

// frame counts the template and BOS around msgs, their contents left empty; without a
// template, the fixed overheads of the estimate.
func (m *modelTokenizer) frame(msgs []api.Message) (int, bool) {
	if m.tmpl == nil {
		return templateOverhead + messageOverhead*len(msgs), true
	}
	empty := make([]api.Message, len(msgs))
	for i, msg := range msgs {
		empty[i] = api.Message{Role: msg.Role}
	}
	var b bytes.Buffer
	if err := m.tmpl.Execute(&b, template.Values{Messages: empty}); err != nil {
		return templateOverhead + messageOverhead*len(msgs), true
	}
	return m.encode(b.String(), true)
}
