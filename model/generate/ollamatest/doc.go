// Package ollamatest is an in-process test server speaking Ollama's real HTTP
// protocol (as recorded from Ollama v0.17.4; the transcripts are not part of this
// repository), with fault injection. Only tests import it: the application and
// the command line never do.
//
// The server knows a set of models (see [Model]), answers /api/version,
// /api/tags, /api/show, /api/ps, /api/chat, /api/pull and /api/delete with the
// same status codes, headers, JSON field names and field order as the real
// server, streams NDJSON one object per line with a flush after each, and
// writes deterministic text: the reply is a function of the model name, the
// messages and options.seed, made of runs of words taken from the last user
// message, so that analysis code sees realistic overlap with its source.
//
// Scheduling follows Ollama's: a model that is not loaded takes
// [Server.SetLoadDelay] to load (counted in load_duration), at most
// [Server.SetMaxLoaded] models stay loaded (the least recently used idle one is
// unloaded to make room), a model loaded with another num_ctx is reloaded, and
// each model serves [Server.SetParallel] requests at once, the others waiting
// (the wait shows in total_duration, not in load_duration).
//
// Token counts use [Tokens]; the prompt is rendered with the template of the
// recorded models ("role: content\n" per message, then "assistant: ") and
// counts one more token for BOS. Without options.num_ctx the context is
// [DefaultNumCtx], capped by the model's ContextLength, as Ollama does.
package ollamatest
