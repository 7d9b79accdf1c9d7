// Package openai is the engine of servers speaking the OpenAI-compatible chat API (vLLM,
// llama.cpp's llama-server, LM Studio, LocalAI, Ollama's /v1, hosted services). It behaves like
// the Ollama engine (package model/generate/ollama): the same prompts, the same typed errors,
// the same stall watchdog and output cap, and the same reading in parts of a source too long
// for the model's context. It talks through the official SDK (github.com/openai/openai-go) to
// the configured host only: no proxy, no redirection followed, no retry of its own, nothing
// read from the environment, and the API key sent to its own host only and never shown.
package openai
