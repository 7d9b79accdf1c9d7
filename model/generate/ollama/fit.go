package ollama

import (
	"math"

	"github.com/rapporteur/rapporteur/model/generate"
)

// Context planning. A prompt is counted with the model's own tokenizer when the host gives its
// vocabulary, estimated otherwise (see tokenCounter); Ollama's own prompt_eval_count then corrects
// later plans of the same model (see ratios.go). When a count is still short, Ollama's 400
// "the input length exceeds the context length" (we send truncate:false) makes the engine
// read the source in finer parts.
const (
	defaultContext = 2048 // a model's context when /api/show does not tell it
	ctxStep        = 1024 // num_ctx is a multiple of this, so variants of a run share one load
	minOutput      = 256  // expected output bounds, in tokens
	maxOutput      = 4096
	defaultOutput  = 1024 // expected output of a preset without a target ratio
	// truncatedBelow: a prompt_eval_count under this share of the count means the model did
	// not read the whole prompt. Counts over-estimate by at most about 40 % (the estimate on
	// real models' prose), so a count below half of it is not a counting error.
	truncatedBelow = 0.5
)

// Fit is how a request fits a model's context (see generate.Fit).
type Fit = generate.Fit

// plan tells how req fits a model whose context length is modelContext (0 when unknown),
// counting with cnt and expecting expected output tokens.
func plan(cnt tokenCounter, req generate.Request, modelContext, expected int) Fit {
	if modelContext <= 0 {
		modelContext = defaultContext
	}
	f := Fit{PromptTokens: cnt.Prompt(Messages(req)), OutputTokens: expected, ModelContext: modelContext, Exact: cnt.Exact()}
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
		if pieces, err := splitSource(cnt, req, modelContext); err == nil {
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
	n := int(math.Ceil(r * float64(estimateTokens(req.Source.Body))))
	return max(minOutput, min(maxOutput, n))
}

// tokensPerWord over-estimates the tokens of a word of French or English prose.
const tokensPerWord = 1.6

func roundUp(n, step int) int {
	return (n + step - 1) / step * step
}

// truncated reports whether a prompt_eval_count shows the model did not read the whole prompt.
func truncated(promptEval, numCtx, count int) bool {
	if promptEval <= 0 {
		return false
	}
	return promptEval >= numCtx || float64(promptEval) < truncatedBelow*float64(count)
}

// outputTokens converts an expected output, estimated like the source's length, into the
// counter's tokens: a model whose tokenizer counts the source at three times the estimate
// needs three times the room to write the same words.
func outputTokens(cnt tokenCounter, body string, expected int) int {
	est := estimateText(body)
	if est == 0 {
		return expected
	}
	factor := math.Max(0.5, math.Min(8, float64(cnt.Text(body))/float64(est)))
	return int(math.Ceil(float64(expected) * factor))
}
