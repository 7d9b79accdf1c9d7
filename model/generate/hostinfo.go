package generate

import "time"

// ModelInfo describes a model a host serves, as its engine could read it: an Ollama host
// fills every field; an OpenAI-compatible server gives the name and, when it tells, the
// context length.
type ModelInfo struct {
	// Name is the model's name as the host lists it ("mistral:7b").
	Name string
	// Family is the model's architecture family ("llama", "qwen2").
	Family string
	// ParameterSize is the size as Ollama writes it ("7.2B").
	ParameterSize string
	// Quantization is the quantisation level ("Q4_K_M").
	Quantization string
	// Digest identifies the model's exact weights.
	Digest string
	// Size is the model's size on disk, in bytes.
	Size int64
	// Modified is when the model was last pulled or created.
	Modified time.Time
	// ContextLength is the longest context the model was trained for, in tokens, from
	// /api/show's model_info["<arch>.context_length"]; 0 until Show is called.
	ContextLength int
	// Capabilities lists what the model can do ("completion", "thinking", "tools"), from
	// /api/show; nil until Show is called.
	Capabilities []string
	// RemoteHost is set for a remote model: its host forwards every request to this address
	// (Ollama's cloud models, or a model created with remote_host), so the report leaves the
	// host. RemoteModel is the model's name there.
	RemoteHost, RemoteModel string
}

// Remote reports whether the model is a remote one (see RemoteHost).
func (m ModelInfo) Remote() bool { return m.RemoteHost != "" }

// Thinking reports whether the model lists the "thinking" capability, that is whether a
// request to it may carry the think field.
func (m ModelInfo) Thinking() bool {
	for _, c := range m.Capabilities {
		if c == "thinking" {
			return true
		}
	}
	return false
}

// HostStatus is what a host said when asked for its version and models.
type HostStatus struct {
	// Host is the normalised address asked.
	Host string
	// Reachable is true when a server of the expected kind answered.
	Reachable bool
	// Version is the server's version ("0.17.4"), when it tells.
	Version string
	// Models are the models the host has, when it answered.
	Models []ModelInfo
	// Err says why the host is unreachable or its list unknown: a *generate.Error with
	// CodeHostUnreachable, CodeNotOllama, CodeNotOpenAI or CodeServer; nil when all went well.
	Err error
	// Omitted counts the models left out of Models: a host lists at most 1,000.
	Omitted int
}
