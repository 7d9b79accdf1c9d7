package ollamatest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Vocabulary is a model's tokenizer as /api/show with verbose:true gives it in model_info
// (the "tokenizer.ggml.*" keys). The server sends it only when asked verbose, as Ollama does;
// without it, the keys are null.
type Vocabulary struct {
	Model  string    // "llama" (SentencePiece) or "gpt2" (byte-level BPE)
	Pre    string    // the BPE pre-tokenizer's name, e.g. "llama-bpe"
	Tokens []string  // every token, by id
	Types  []int32   // each token's type (1 normal, 3 control, 6 byte…)
	Scores []float32 // SentencePiece scores, nil for BPE
	Merges []string  // BPE merges, "a b", nil for SentencePiece
	BOS    int       // id of the beginning-of-sequence token
	EOS    int       // id of the end-of-sequence token
}

// tokenizerInfo returns the model_info keys of v, or the null ones Ollama answers without
// verbose.
func (v *Vocabulary) tokenizerInfo(verbose bool) map[string]any {
	if v == nil || !verbose {
		return nil
	}
	out := map[string]any{
		"tokenizer.ggml.model": v.Model, "tokenizer.ggml.tokens": v.Tokens,
		"tokenizer.ggml.token_type": v.Types, "tokenizer.ggml.bos_token_id": v.BOS,
		"tokenizer.ggml.eos_token_id": v.EOS,
	}
	if v.Pre != "" {
		out["tokenizer.ggml.pre"] = v.Pre
	}
	if v.Scores != nil {
		out["tokenizer.ggml.scores"] = v.Scores
	}
	if v.Merges != nil {
		out["tokenizer.ggml.merges"] = v.Merges
	}
	return out
}

// Llama32Vocabulary reads the real vocabulary of Llama 3.2 (128,256 tokens, 280,147 merges,
// byte-level BPE) that the Ollama module ships for its own tokenizer tests
// (tokenizer/testdata/llama3.2), found through `go list -m`: a real vocabulary of the size of
// the models people run, for tests and benchmarks.
func Llama32Vocabulary() (*Vocabulary, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/ollama/ollama").Output()
	if err != nil {
		return nil, fmt.Errorf("locating the ollama module: %w", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "tokenizer", "testdata", "llama3.2")
	f, err := os.Open(filepath.Join(dir, "encoder.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ids := map[string]int32{}
	if err := json.NewDecoder(f).Decode(&ids); err != nil {
		return nil, err
	}
	v := &Vocabulary{Model: "gpt2", Pre: "llama-bpe", Tokens: make([]string, len(ids)), Types: make([]int32, len(ids))}
	for tok, id := range ids {
		if int(id) >= len(ids) || id < 0 {
			return nil, errors.New("encoder.json: ids are not dense")
		}
		v.Tokens[id], v.Types[id] = tok, 1
	}
	for _, special := range []string{"<|begin_of_text|>", "<|end_of_text|>"} {
		v.Tokens, v.Types = append(v.Tokens, special), append(v.Types, 3)
	}
	v.BOS, v.EOS = len(v.Tokens)-2, len(v.Tokens)-1
	m, err := os.Open(filepath.Join(dir, "vocab.bpe"))
	if err != nil {
		return nil, err
	}
	defer m.Close()
	sc := bufio.NewScanner(m)
	for sc.Scan() {
		if line := sc.Text(); !strings.HasPrefix(line, "#") && line != "" {
			v.Merges = append(v.Merges, line)
		}
	}
	return v, sc.Err()
}
