package ollama

import (
	"math"
	"unicode/utf8"

	"github.com/ollama/ollama/api"

	"github.com/rapporteur/rapporteur/model/generate"
)

// Token accounting. The estimate is deliberately generous: real tokenizers of the models people
// run (Llama 3, Mistral, Qwen, Gemma) give about 3.5 to 4.5 characters per token in French and
// English prose, so runes/3.2 over-counts ordinary text by 10 to 40 %; the tests measure the
// margin against ollamatest.Tokens. When the estimate is still short (a text full of numbers or
// symbols), Ollama's 400 "the input length exceeds the context length" (we send
// truncate:false) makes the engine grow the context or chunk.
const (
	runesPerToken    = 3.2
	messageOverhead  = 8    // role markers and separators of one chat message
	templateOverhead = 16   // the chat template around the messages and the assistant's cue
	defaultContext   = 2048 // a model's context when /api/show does not tell it
	ctxStep          = 1024 // num_ctx is a multiple of this, so variants of a run share one load
	minOutput        = 256  // expected output bounds, in tokens
	maxOutput        = 4096
	defaultOutput    = 1024 // expected output of a preset without a target ratio
	// truncatedBelow: a prompt_eval_count under this share of the estimate means the model
	// did not read the whole prompt. The estimate over-counts by at most about 40 %, so a
	// count below half of it is not a counting error.
	truncatedBelow = 0.5
)

// EstimateTokens returns a conservative estimate of the tokens text takes as one chat message:
// its characters divided by 3.2, rounded up, plus a message's overhead (8 tokens); 0 for "".
// It over-counts French and English prose (see the tests for the measured margin).
func EstimateTokens(text string) int {
	if text == "" {
		return 0
	}
	return int(math.Ceil(float64(utf8.RuneCountInString(text))/runesPerToken)) + messageOverhead
}

// promptTokens estimates the tokens of a whole prompt.
func promptTokens(msgs []api.Message) int {
	n := templateOverhead
	for _, m := range msgs {
		n += EstimateTokens(m.Content)
	}
	return n
}

// Fit is how a request fits a model's context: what Generate will do.
type Fit struct {
	// PromptTokens is the estimated size of the prompt (system and user messages).
	PromptTokens int
	// OutputTokens is the output the context leaves room for: num_predict when set, otherwise
	// the expected length of the variant.
	OutputTokens int
	// NumCtx is the num_ctx Generate sends: prompt plus output rounded up to a multiple of
	// 1024, capped at the model's context; or Spec.Options.NumCtx when the user set it.
	NumCtx int
	// ModelContext is the model's context length (2048 when unknown).
	ModelContext int
	// Fits is true when the prompt and output fit NumCtx in one pass.
	Fits bool
	// Chunks is the number of pieces the source will be condensed in when it does not fit
	// (0 when it fits, or when the user fixed num_ctx: then nothing is chunked). When the
	// condensed pieces together still do not fit, Generate condenses them again (at most three
	// rounds), so Stats.Chunks may end up larger.
	Chunks int
}

// PlanContext tells how req will fit a model whose context length is modelContext (0 when
// unknown): the num_ctx sent, and whether the source is chunked. It uses the default expected
// output; an Engine with Options.ExpectedOutputTokens plans with Engine.PlanContext.
func PlanContext(req generate.Request, modelContext int) Fit {
	return plan(req, modelContext, DefaultExpectedOutput(req))
}

// plan is PlanContext with a given expected output.
func plan(req generate.Request, modelContext, expected int) Fit {
	if modelContext <= 0 {
		modelContext = defaultContext
	}
	f := Fit{PromptTokens: promptTokens(Messages(req)), OutputTokens: expected, ModelContext: modelContext}
	if np := req.Spec.Options.NumPredict; np > 0 {
		f.OutputTokens = np
	}
	need := f.PromptTokens + f.OutputTokens
	if forced := req.Spec.Options.NumCtx; forced > 0 {
		f.NumCtx, f.Fits = forced, need <= forced
		return f
	}
	f.NumCtx = min(roundUp(need, ctxStep), modelContext)
	f.Fits = need <= f.NumCtx
	if !f.Fits {
		if pieces, err := splitSource(req, modelContext); err == nil {
			f.Chunks = len(pieces)
		}
	}
	return f
}

// DefaultExpectedOutput is the output a variant is expected to need, in tokens: the preset's
// TargetRatio times the source's estimated tokens (or its TargetWords at a conservative
// tokensPerWord), between 256 and 4096; 1024 for a preset without a target.
func DefaultExpectedOutput(req generate.Request) int {
	if w := req.Preset.TargetWords; w > 0 {
		return max(minOutput, min(maxOutput, int(math.Ceil(tokensPerWord*float64(w)))))
	}
	r := req.Preset.TargetRatio
	if r <= 0 {
		return defaultOutput
	}
	n := int(math.Ceil(r * float64(EstimateTokens(req.Source.Body))))
	return max(minOutput, min(maxOutput, n))
}

// tokensPerWord over-estimates the tokens of a word of French or English prose.
const tokensPerWord = 1.6

func roundUp(n, step int) int {
	return (n + step - 1) / step * step
}

// truncated reports whether a prompt_eval_count shows the model did not read the whole prompt.
func truncated(promptEval, numCtx, estimate int) bool {
	if promptEval <= 0 {
		return false
	}
	return promptEval >= numCtx || float64(promptEval) < truncatedBelow*float64(estimate)
}
