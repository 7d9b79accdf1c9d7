package generate

// The codes the Ollama engine (package model/generate/ollama) ends a generation with, besides
// CodeCancelled. Each names a situation the interface explains differently.
const (
	// CodeHostUnreachable: nothing answers at the host (connection refused, unknown name,
	// dial or header timeout).
	CodeHostUnreachable ErrorCode = "host-unreachable"
	// CodeBadHost: the host setting cannot be read as an address.
	CodeBadHost ErrorCode = "bad-host"
	// CodeNotOllama: something answers at the host, but it is not Ollama (an HTML page,
	// JSON of another shape).
	CodeNotOllama ErrorCode = "not-ollama"
	// CodeModelMissing: the host does not have the model; the interface offers to pull it.
	CodeModelMissing ErrorCode = "model-missing"
	// CodeOutOfMemory: Ollama could not load or run the model for lack of memory.
	CodeOutOfMemory ErrorCode = "out-of-memory"
	// CodeServer: any other error reported by Ollama (a 5xx answer, an error line in a stream).
	CodeServer ErrorCode = "server-error"
	// CodeStreamCut: the stream ended before Ollama said it was done, and nobody cancelled it.
	CodeStreamCut ErrorCode = "stream-cut"
	// CodeStalled: no text arrived for too long; the stall watchdog gave up.
	CodeStalled ErrorCode = "stalled"
	// CodeEmptyOutput: Ollama finished without writing any text.
	CodeEmptyOutput ErrorCode = "empty-output"
	// CodeContextTooLong: the source cannot fit the model's context, even condensed piece by
	// piece (one paragraph is longer than the whole context).
	CodeContextTooLong ErrorCode = "context-too-long"
	// CodeBadOption: Ollama rejected an option of the request (wrong type or value).
	CodeBadOption ErrorCode = "bad-option"
	// CodeThinkUnsupported: the request asked a model without that capability to think.
	CodeThinkUnsupported ErrorCode = "think-unsupported"
	// CodePullFailed: downloading a model failed (offline, unknown name, disk full); the error
	// keeps Ollama's own message.
	CodePullFailed ErrorCode = "pull-failed"
	// CodeRemoteRefused: the model would send the report outside this computer and its network
	// (a cloud or remote model, or a host on the internet), and the user has not allowed it.
	// Nothing was sent.
	CodeRemoteRefused ErrorCode = "remote-not-allowed"
	// CodeOutputCap: the answer grew past the most a variant may hold; the request was stopped
	// and the text kept up to the cap.
	CodeOutputCap ErrorCode = "output-cap"
	// CodeRedirected: the host answered with a redirection to another address; Rapporteur does
	// not follow it, so that the report goes nowhere else.
	CodeRedirected ErrorCode = "redirected"
	// CodeAnswerTooLarge: the host's answer (a model list, a model's details) was larger than
	// Rapporteur reads; it was refused.
	CodeAnswerTooLarge ErrorCode = "answer-too-large"
)

// The codes of the OpenAI-compatible engine (package model/generate/openai) beyond those it
// shares with the Ollama engine.
const (
	// CodeNotOpenAI: something answers at the host, but not the OpenAI-compatible API (an HTML
	// page, JSON of another shape, no /v1/models).
	CodeNotOpenAI ErrorCode = "not-openai"
	// CodeUnauthorized: the server refused the API key (401 or 403), or wants one and none is
	// set.
	CodeUnauthorized ErrorCode = "unauthorized"
	// CodeRateLimited: the server answered 429, too many requests; trying later may work.
	CodeRateLimited ErrorCode = "rate-limited"
)
