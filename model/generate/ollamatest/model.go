package ollamatest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Model is a model the server pretends to have.
type Model struct {
	Name          string   // "mistral:7b": the tag is part of the name; "tiny" means "tiny:latest" (the response "model" field echoes the name as sent)
	Family        string   // "llama" (default "llama")
	ParameterSize string   // "7.2B" (default "133K", like the recorded tiny models)
	Quantization  string   // "Q4_K_M" (default "F16")
	ContextLength int      // model_info["<family>.context_length"] (default 2048)
	Capabilities  []string // e.g. ["completion"], ["completion","thinking"] (default ["completion"])
	Size          int64    // bytes on disk (default 277145, like the recorded tiny models)
	Words         int      // words it writes before stopping by itself (0 = 40)
	Endless       bool     // never stops by itself (like tiny-long): only num_predict or cancel ends it
	Reply         string   // when set, the model answers exactly this text (its words, line breaks kept) instead of words of the prompt
	// Vocabulary, when set, is sent in /api/show's model_info when the request asks verbose:
	// a client can then count tokens with it. The server's own counts still use [Tokens].
	Vocabulary *Vocabulary
	// RemoteHost, when set, makes the model a remote one, as Ollama lists its cloud models
	// and those created with remote_host: /api/tags and /api/show carry remote_host and
	// remote_model (RemoteModel, default the model's name). The server still answers chats
	// itself, so a test sees what would have been sent.
	RemoteHost, RemoteModel string
}

// DefaultNumCtx is the context length used when a request sends no
// options.num_ctx: Ollama 0.17 picks 4096 on machines with less than 23 GiB of
// VRAM (a laptop), then caps it by the model's trained context length, so the
// default "tiny" model (ContextLength 2048) runs with 2048 as in the samples.
const DefaultNumCtx = 4096

// defaultWords is how many words a model writes when Model.Words is 0.
const defaultWords = 40

// keepAlive is Ollama's default keep_alive, shown in /api/ps expires_at.
const keepAlive = 5 * time.Minute

// kvBytesPerToken approximates the memory /api/ps adds to the size on disk per
// token of context.
const kvBytesPerToken = 64 * 1024

// entry is a model known to the server.
type entry struct {
	Model
	canonical string // "tiny:latest"
	digest    string // 64 hex digits
	modified  time.Time
}

// canonicalName resolves a missing tag to ":latest" and lowercases the name, as
// Ollama compares names case-insensitively.
func canonicalName(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		return ""
	}
	slash := strings.LastIndex(name, "/")
	if !strings.Contains(name[slash+1:], ":") {
		name += ":latest"
	}
	return name
}

// registryPath is the name the registry knows: "library/tiny" and "latest".
func registryPath(canonical string) (repo, tag string) {
	repo, tag, _ = strings.Cut(canonical, ":")
	if !strings.Contains(repo, "/") {
		repo = "library/" + repo
	}
	return repo, tag
}

// fullName is how Ollama names a model in some errors:
// "registry.ollama.ai/library/tiny:latest".
func fullName(canonical string) string {
	repo, tag := registryPath(canonical)
	return "registry.ollama.ai/" + repo + ":" + tag
}

// digestOf is a stable fake sha256 hex digest of a string.
func digestOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// newEntry fills the defaults of a model.
func newEntry(m Model, now time.Time) *entry {
	if m.Family == "" {
		m.Family = "llama"
	}
	if m.ParameterSize == "" {
		m.ParameterSize = "133K"
	}
	if m.Quantization == "" {
		m.Quantization = "F16"
	}
	if m.ContextLength <= 0 {
		m.ContextLength = 2048
	}
	if len(m.Capabilities) == 0 {
		m.Capabilities = []string{"completion"}
	}
	m.Capabilities = slices.Clone(m.Capabilities)
	if m.Size <= 0 {
		m.Size = 277145
	}
	if m.Words <= 0 {
		m.Words = defaultWords
	}
	c := canonicalName(m.Name)
	return &entry{Model: m, canonical: c, digest: digestOf("manifest " + c), modified: now.UTC()}
}

// remoteModel is the remote model's name there, for a remote model.
func (e *entry) remoteModel() string {
	if e.RemoteHost != "" && e.RemoteModel == "" {
		return e.Name
	}
	return e.RemoteModel
}

// has reports whether the model has a capability.
func (e *entry) has(capability string) bool {
	return slices.Contains(e.Capabilities, capability)
}

// numCtx is the context a request runs with: options.num_ctx or
// DefaultNumCtx, capped by the model's context length.
func (e *entry) numCtx(requested int) int {
	n := requested
	if n <= 0 {
		n = DefaultNumCtx
	}
	n = max(n, 4)
	return min(n, e.ContextLength)
}

// modelDetails is the "details" object of /api/tags, /api/ps and /api/show.
type modelDetails struct {
	ParentModel       string   `json:"parent_model"`
	Format            string   `json:"format"`
	Family            string   `json:"family"`
	Families          []string `json:"families"`
	ParameterSize     string   `json:"parameter_size"`
	QuantizationLevel string   `json:"quantization_level"`
}

func (e *entry) details(parent string) modelDetails {
	return modelDetails{
		ParentModel: parent, Format: "gguf", Family: e.Family, Families: []string{e.Family},
		ParameterSize: e.ParameterSize, QuantizationLevel: e.Quantization,
	}
}

// tagsModel is one model of /api/tags.
type tagsModel struct {
	Name        string       `json:"name"`
	Model       string       `json:"model"`
	RemoteModel string       `json:"remote_model,omitempty"`
	RemoteHost  string       `json:"remote_host,omitempty"`
	ModifiedAt  time.Time    `json:"modified_at"`
	Size        int64        `json:"size"`
	Digest      string       `json:"digest"`
	Details     modelDetails `json:"details"`
}

// psModel is one model of /api/ps.
type psModel struct {
	Name          string       `json:"name"`
	Model         string       `json:"model"`
	Size          int64        `json:"size"`
	Digest        string       `json:"digest"`
	Details       modelDetails `json:"details"`
	ExpiresAt     time.Time    `json:"expires_at"`
	SizeVRAM      int64        `json:"size_vram"`
	ContextLength int          `json:"context_length"`
}

// tensor is one entry of /api/show "tensors".
type tensor struct {
	Name  string `json:"name"`
	Type  string `json:"type"`
	Shape []int  `json:"shape"`
}

// showResponse is the body of /api/show, fields in Ollama 0.17.4's order.
type showResponse struct {
	Modelfile    string         `json:"modelfile"`
	Parameters   string         `json:"parameters"`
	Template     string         `json:"template"`
	Details      modelDetails   `json:"details"`
	RemoteModel  string         `json:"remote_model,omitempty"`
	RemoteHost   string         `json:"remote_host,omitempty"`
	ModelInfo    map[string]any `json:"model_info"`
	Tensors      []tensor       `json:"tensors"`
	Capabilities []string       `json:"capabilities"`
	ModifiedAt   time.Time      `json:"modified_at"`
}

// chatTemplate is the template of the recorded models; the server renders the
// prompt with it to count prompt tokens.
const chatTemplate = "{{- range .Messages }}{{ .Role }}: {{ .Content }}\n{{ end }}assistant: "

func (e *entry) show(verbose bool) showResponse {
	blob := "/home/user/.ollama/models/blobs/sha256-" + digestOf("blob "+e.canonical)
	params := [][2]string{{"stop", `"<|im_start|>"`}, {"stop", `"<|im_end|>"`}}
	var mf, ps strings.Builder
	fmt.Fprintf(&mf, "# Modelfile generated by \"ollama show\"\n# To build a new Modelfile based on this, replace FROM with:\n# FROM %s\n\nFROM %s\nTEMPLATE %q\n", e.canonical, blob, chatTemplate)
	for i, p := range params {
		fmt.Fprintf(&mf, "PARAMETER %s %s\n", p[0], strings.Trim(p[1], `"`))
		if i > 0 {
			ps.WriteString("\n")
		}
		fmt.Fprintf(&ps, "%-30s %s", p[0], p[1])
	}
	return showResponse{
		Modelfile: mf.String(), Parameters: ps.String(), Template: chatTemplate,
		Details: e.details(blob), ModelInfo: e.modelInfo(verbose),
		RemoteHost: e.RemoteHost, RemoteModel: e.remoteModel(),
		Tensors:      e.tensors(),
		Capabilities: slices.Clone(e.Capabilities), ModifiedAt: e.modified,
	}
}

// tensors lists the tensors of the recorded two-block model.
func (e *entry) tensors() []tensor {
	q := e.Quantization
	var out []tensor
	for b := range 2 {
		p := fmt.Sprintf("blk.%d.", b)
		out = append(out,
			tensor{p + "attn_k.weight", q, []int{64, 64}}, tensor{p + "attn_norm.weight", "F32", []int{64}},
			tensor{p + "attn_output.weight", q, []int{64, 64}}, tensor{p + "attn_q.weight", q, []int{64, 64}},
			tensor{p + "attn_v.weight", q, []int{64, 64}}, tensor{p + "ffn_down.weight", q, []int{128, 64}},
			tensor{p + "ffn_gate.weight", q, []int{64, 128}}, tensor{p + "ffn_norm.weight", "F32", []int{64}},
			tensor{p + "ffn_up.weight", q, []int{64, 128}})
	}
	return append(out, tensor{"output.weight", q, []int{64, 394}}, tensor{"output_norm.weight", "F32", []int{64}},
		tensor{"token_embd.weight", q, []int{64, 394}})
}

// modelInfo has the keys of the recorded show.json, with the family as the
// architecture prefix. encoding/json sorts map keys, as Ollama's output is.
func (e *entry) modelInfo(verbose bool) map[string]any {
	a := e.Family + "."
	mi := map[string]any{
		"general.alignment": 32, "general.architecture": e.Family, "general.file_type": 1,
		"general.parameter_count":              parameterCount(e.ParameterSize),
		a + "attention.head_count":             4,
		a + "attention.head_count_kv":          4,
		a + "attention.layer_norm_rms_epsilon": 0.00001,
		a + "block_count":                      2,
		a + "context_length":                   e.ContextLength,
		a + "embedding_length":                 64,
		a + "feed_forward_length":              128,
		a + "rope.dimension_count":             16,
		a + "rope.freq_base":                   10000,
		a + "vocab_size":                       394,
		"tokenizer.ggml.add_bos_token":         true, "tokenizer.ggml.add_eos_token": false,
		"tokenizer.ggml.bos_token_id": 1, "tokenizer.ggml.eos_token_id": 2,
		"tokenizer.ggml.model": "llama", "tokenizer.ggml.scores": nil,
		"tokenizer.ggml.token_type": nil, "tokenizer.ggml.tokens": nil,
		"tokenizer.ggml.unknown_token_id": 0,
	}
	for k, v := range e.Vocabulary.tokenizerInfo(verbose) {
		mi[k] = v
	}
	return mi
}

// parameterCount turns "7.2B" or "133K" into a number.
func parameterCount(size string) int64 {
	var f float64
	var unit string
	if n, _ := fmt.Sscanf(size, "%g%s", &f, &unit); n == 0 {
		return 0
	}
	mult := map[string]float64{"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}[strings.ToUpper(unit)]
	if mult == 0 {
		mult = 1
	}
	return int64(f * mult)
}
