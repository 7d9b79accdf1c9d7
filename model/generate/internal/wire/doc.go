// Package wire holds what the model engines (Ollama's and the OpenAI-compatible one) share to
// talk to a server: the stall watchdog of a stream, the bound on an answer's size, and the
// checks of a host name in an address. It knows nothing of either API.
package wire
