package ollama

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/ollama/ollama/api"
	"github.com/ollama/ollama/template"
	"github.com/ollama/ollama/tokenizer"
)

// Bounds on what a host may send for a model's vocabulary. Real vocabularies have 32,000 to
// 262,000 tokens and up to 300,000 merges; their /api/show answer with verbose:true is 2 to
// 12 MB.
const (
	showVerboseLimit = 48 << 20 // bytes of the /api/show verbose answer
	maxVocabulary    = 1 << 20  // tokens
	maxMerges        = 2 << 20  // merges
	maxTokenBytes    = 1 << 10  // bytes of one token or merge
	minVocabulary    = 8        // fewer tokens is not a real vocabulary
)

// errNoVocabulary says a model's answer has no vocabulary Rapporteur can count with: a remote
// model, another kind of tokenizer, or a vocabulary out of bounds.
var errNoVocabulary = errors.New("no usable vocabulary")

// Tokenizer kinds, as GGUF's "tokenizer.ggml.model" names them.
const (
	kindSentencePiece = "llama" // SentencePiece (Llama 2, Mistral, Gemma, Phi-3, the test models)
	kindBytePair      = "gpt2"  // byte-level BPE (Llama 3, Qwen, Mistral Nemo, DeepSeek)
)

// Pre-tokenizers of byte-level BPE vocabularies, as Ollama's own llama model chooses them
// from "tokenizer.ggml.pre" (ollama/model/models/llama/model.go, v0.17.4); other names get the
// Llama 3 one, as there. Other architectures may split slightly differently: the learned
// ratio (see ratios.go) absorbs the difference.
var preTokenizers = map[string][]string{
	"default": nil,
	"qwen2":   {`(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`},
	"refact":  {`\p{N}`, `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`},
	"tekken":  {`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`},
}

// llamaPre is the pre-tokenizer of Llama 3, used for the names preTokenizers lacks.
var llamaPre = []string{`(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`}

// verboseShow is the part of /api/show's verbose answer a tokenizer needs. model_info is kept
// raw so that only the tokenizer's keys are decoded, each into a typed slice.
type verboseShow struct {
	Template  string                     `json:"template"`
	Renderer  string                     `json:"renderer"`
	Messages  []api.Message              `json:"messages"`
	RemoteURL string                     `json:"remote_host"`
	ModelInfo map[string]json.RawMessage `json:"model_info"`
}

// fetchTokenizer asks the host for name's vocabulary and chat template (/api/show with
// verbose:true, read through a 48 MiB limit) and builds the model's own tokenizer with Ollama's
// Go implementation. It returns errNoVocabulary (wrapped) when the model has none that can be
// used: a remote model, a tokenizer of another kind, or a vocabulary out of bounds.
func (c *Client) fetchTokenizer(ctx context.Context, name string) (*modelTokenizer, error) {
	body, err := json.Marshal(api.ShowRequest{Model: name, Verbose: true})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.host+"/api/show", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.plain.Do(req)
	if err != nil {
		return nil, classify(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: /api/show answered %s", errNoVocabulary, resp.Status)
	}
	var show verboseShow
	dec := json.NewDecoder(io.LimitReader(resp.Body, showVerboseLimit))
	if err := dec.Decode(&show); err != nil {
		return nil, fmt.Errorf("%w: %v", errNoVocabulary, err)
	}
	if show.RemoteURL != "" {
		return nil, fmt.Errorf("%w: the model runs on %s", errNoVocabulary, show.RemoteURL)
	}
	return buildTokenizer(show)
}

// buildTokenizer turns a verbose /api/show answer into a tokenizer.
func buildTokenizer(show verboseShow) (*modelTokenizer, error) {
	mi := show.ModelInfo
	var kind, pre string
	rawJSON(mi, "tokenizer.ggml.model", &kind)
	rawJSON(mi, "tokenizer.ggml.pre", &pre)
	if kind != kindSentencePiece && kind != kindBytePair {
		return nil, fmt.Errorf("%w: tokenizer %q", errNoVocabulary, kind)
	}
	v, err := vocabulary(mi, kind)
	if err != nil {
		return nil, err
	}
	mt := &modelTokenizer{preamble: show.Messages, entries: len(v.Values) + len(v.Merges)}
	if show.Renderer == "" && show.Template != "" {
		if t, err := template.Parse(show.Template); err == nil {
			mt.tmpl = t
		}
	}
	if kind == kindSentencePiece {
		mt.tok = tokenizer.NewSentencePiece(v)
	} else {
		p, ok := preTokenizers[pre]
		if !ok {
			p = llamaPre
		}
		mt.tok = tokenizer.NewBytePairEncoding(v, p...)
	}
	return mt, nil
}

// vocabulary decodes and checks the tokenizer's keys of model_info.
func vocabulary(mi map[string]json.RawMessage, kind string) (*tokenizer.Vocabulary, error) {
	v := &tokenizer.Vocabulary{AddBOS: true}
	var bos, eos int32 = -1, -1
	ok := rawJSON(mi, "tokenizer.ggml.tokens", &v.Values) &&
		rawJSON(mi, "tokenizer.ggml.token_type", &v.Types) &&
		rawJSON(mi, "tokenizer.ggml.bos_token_id", &bos) &&
		rawJSON(mi, "tokenizer.ggml.eos_token_id", &eos)
	if !ok {
		return nil, fmt.Errorf("%w: the answer has no tokens (was verbose honoured?)", errNoVocabulary)
	}
	rawJSON(mi, "tokenizer.ggml.add_bos_token", &v.AddBOS)
	rawJSON(mi, "tokenizer.ggml.add_eos_token", &v.AddEOS)
	if kind == kindSentencePiece && !rawJSON(mi, "tokenizer.ggml.scores", &v.Scores) {
		return nil, fmt.Errorf("%w: a SentencePiece vocabulary without scores", errNoVocabulary)
	}
	if kind == kindBytePair && !rawJSON(mi, "tokenizer.ggml.merges", &v.Merges) {
		return nil, fmt.Errorf("%w: a byte-pair vocabulary without merges", errNoVocabulary)
	}
	if err := checkVocabulary(v, bos, eos); err != nil {
		return nil, err
	}
	v.BOS, v.EOS = []int32{bos}, []int32{eos}
	return v, nil
}

// checkVocabulary refuses a vocabulary out of bounds or inconsistent: Ollama's tokenizers
// index its slices without checking.
func checkVocabulary(v *tokenizer.Vocabulary, bos, eos int32) error {
	n := len(v.Values)
	switch {
	case n < minVocabulary || n > maxVocabulary:
		return fmt.Errorf("%w: %d tokens", errNoVocabulary, n)
	case len(v.Types) != n || v.Scores != nil && len(v.Scores) != n:
		return fmt.Errorf("%w: %d tokens but %d types and %d scores", errNoVocabulary, n, len(v.Types), len(v.Scores))
	case len(v.Merges) > maxMerges:
		return fmt.Errorf("%w: %d merges", errNoVocabulary, len(v.Merges))
	case bos < 0 || int(bos) >= n || eos < 0 || int(eos) >= n:
		return fmt.Errorf("%w: BOS %d or EOS %d outside the vocabulary", errNoVocabulary, bos, eos)
	case !shortStrings(v.Values) || !shortStrings(v.Merges):
		return fmt.Errorf("%w: a token longer than %d bytes", errNoVocabulary, maxTokenBytes)
	}
	return nil
}

// rawJSON decodes mi[key] into v and reports whether it was there and of the right type.
func rawJSON(mi map[string]json.RawMessage, key string, v any) bool {
	raw, ok := mi[key]
	if !ok || string(raw) == "null" {
		return false
	}
	return json.Unmarshal(raw, v) == nil
}

func shortStrings(ss []string) bool {
	for _, s := range ss {
		if len(s) > maxTokenBytes {
			return false
		}
	}
	return true
}
