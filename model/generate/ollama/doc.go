// Package ollama is the engine that writes variants with an Ollama server on this computer
// or the local network: a Client per host (model list, model details, pulls, health), the
// Engine that streams /api/chat with a context window sized to the prompt, a stall watchdog
// and typed errors, and the context planning and chunking that let a long report reach a
// model with a small context. Each variant records where it was written and the size,
// quantisation and digest of its model (Recorded), so that exports need no host.
package ollama
