package generate

// Fit is how a request fits a model's context: what an engine's Generate will do. The Ollama
// engine counts with the model's own tokenizer when it can; the OpenAI-compatible one always
// estimates.
type Fit struct {
	// PromptTokens is the size of the prompt (system and user messages), margin included.
	PromptTokens int
	// OutputTokens is the output the context leaves room for: num_predict when set, otherwise
	// the expected length of the variant.
	OutputTokens int
	// NumCtx is the window Generate asks for: for Ollama, the num_ctx sent, prompt plus output
	// rounded up to a multiple of 1024, capped at the model's context, or Spec.Options.NumCtx
	// when the user set it; for an OpenAI-compatible server, the model's context.
	NumCtx int
	// ModelContext is the model's context length (for Ollama, 2048 when unknown).
	ModelContext int
	// Fits is true when the prompt and output fit NumCtx in one pass.
	Fits bool
	// Chunks is the number of pieces the source will be condensed in when it does not fit
	// (0 when it fits, or when the user fixed num_ctx: then nothing is chunked). When the
	// condensed pieces together still do not fit, Generate condenses them again (at most three
	// rounds), so Stats.Chunks may end up larger.
	Chunks int
	// Exact is true when the prompt was counted with the model's own tokenizer, false when
	// it was estimated from the text's length.
	Exact bool
}
