// Package openaitest is an in-process test server speaking the OpenAI-compatible API as the
// servers the openai engine meets speak it, with fault injection. It answers /v1/models
// (with vLLM's max_model_len or llama.cpp's meta.n_ctx_train when a model has them), /props
// (llama.cpp's n_ctx) and streamed /v1/chat/completions: "data: {...}\n\n" events flushed one
// by one, as Ollama 0.17.4's /v1 sends them (recorded with curl), a final event with
// finish_reason, an event with usage when stream_options.include_usage is set, then
// "data: [DONE]". Only tests import it.
package openaitest
