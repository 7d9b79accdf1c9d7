package ollama

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

var llama32 struct {
	once sync.Once
	v    *ollamatest.Vocabulary
	err  error
}

// llama32Vocabulary is the real Llama 3.2 vocabulary shipped with the Ollama module, read once.
func llama32Vocabulary(t testing.TB) *ollamatest.Vocabulary {
	t.Helper()
	llama32.once.Do(func() { llama32.v, llama32.err = ollamatest.Llama32Vocabulary() })
	if llama32.err != nil {
		t.Fatalf("Llama 3.2's vocabulary from the ollama module: %v", llama32.err)
	}
	return llama32.v
}

// llamaServer serves a model with Llama 3.2's real vocabulary.
func llamaServer(t testing.TB) *ollamatest.Server {
	t.Helper()
	return newServer(t, ollamatest.Model{Name: "llama3.2:3b", ParameterSize: "3.2B", ContextLength: 131072, Vocabulary: llama32Vocabulary(t)})
}

// TestLlamaTokenizerFromHost reads a 128,000-token vocabulary through /api/show and counts
// with it as Llama 3.2 does: Ollama's own tests give "hello world" as 2 tokens.
func TestLlamaTokenizerFromHost(t *testing.T) {
	s := llamaServer(t)
	c, _ := NewClient(s.URL())
	mt, err := c.fetchTokenizer(testContext(t), "llama3.2:3b")
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]int{"hello world": 2, "": 0, "Les participant·es": 4} {
		if n, ok := mt.count(text); !ok || n != want {
			t.Errorf("%q: %d tokens (ok %v), want %d", text, n, ok, want)
		}
	}
}

// TestEstimateAgainstLlamaTokenizer measures the estimate (characters / 3.2) against a real
// byte-level BPE tokenizer, Llama 3.2's: about right on French reports (Llama 3.2 reads 3.2
// characters a token there: the estimate is off by about 1 %, either way), 40 % over on English
// prose (4.4 characters a token). It is no safe bound for French, hence the estimate's margin;
// for the test models, whose tokenizer gives one token a character, only the server's count
// can correct it.
func TestEstimateAgainstLlamaTokenizer(t *testing.T) {
	s := llamaServer(t)
	c, _ := NewClient(s.URL())
	mt, err := c.fetchTokenizer(testContext(t), "llama3.2:3b")
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"french": ollamatest.Report(), "french short": frenchReport, "english": englishReport} {
		real, _ := mt.count(text)
		est := estimateText(text)
		ratio := float64(est) / float64(real)
		t.Logf("%s: %d characters, Llama 3.2 %d tokens (%.2f characters a token), estimate %d (%+.1f %%)",
			name, len([]rune(text)), real, float64(len([]rune(text)))/float64(real), est, 100*(ratio-1))
		if want := map[string]float64{"french": 1, "french short": 1, "english": 1.39}[name]; math.Abs(ratio-want) > 0.05 {
			t.Errorf("%s: estimate %d for %d tokens (ratio %.2f), want %.2f ± 0.05", name, est, real, ratio, want)
		}
	}
}

// TestVocabularyRefused: an answer without a usable vocabulary gives errNoVocabulary (the
// engine then estimates), never a panic nor a tokenizer built on nonsense.
func TestVocabularyRefused(t *testing.T) {
	good := func() map[string]any {
		return map[string]any{
			"tokenizer.ggml.model": "llama", "tokenizer.ggml.tokens": []string{"<unk>", "<s>", "</s>", "a", "b", "c", "▁", "d"},
			"tokenizer.ggml.token_type": []int{2, 3, 3, 1, 1, 1, 1, 1}, "tokenizer.ggml.scores": []float64{0, 0, 0, 0, 0, 0, 0, 0},
			"tokenizer.ggml.bos_token_id": 1, "tokenizer.ggml.eos_token_id": 2,
		}
	}
	if _, err := buildTokenizer(showOf(t, good(), "")); err != nil {
		t.Fatalf("the good vocabulary is refused: %v", err)
	}
	cases := map[string]func(map[string]any) string{
		"another kind":    func(m map[string]any) string { m["tokenizer.ggml.model"] = "bert"; return "" },
		"no tokens":       func(m map[string]any) string { m["tokenizer.ggml.tokens"] = nil; return "" },
		"types mismatch":  func(m map[string]any) string { m["tokenizer.ggml.token_type"] = []int{1}; return "" },
		"scores mismatch": func(m map[string]any) string { m["tokenizer.ggml.scores"] = []float64{1, 2}; return "" },
		"no scores":       func(m map[string]any) string { delete(m, "tokenizer.ggml.scores"); return "" },
		"bos outside":     func(m map[string]any) string { m["tokenizer.ggml.bos_token_id"] = 99; return "" },
		"eos negative":    func(m map[string]any) string { m["tokenizer.ggml.eos_token_id"] = -1; return "" },
		"token too long": func(m map[string]any) string {
			m["tokenizer.ggml.tokens"].([]string)[4] = strings.Repeat("x", 2000)
			return ""
		},
		"too few tokens": func(m map[string]any) string {
			m["tokenizer.ggml.tokens"] = []string{"a"}
			m["tokenizer.ggml.token_type"] = []int{1}
			return ""
		},
		"wrong type":        func(m map[string]any) string { m["tokenizer.ggml.tokens"] = "abc"; return "" },
		"bpe without merge": func(m map[string]any) string { m["tokenizer.ggml.model"] = "gpt2"; return "" },
		"remote model":      func(map[string]any) string { return "https://ollama.com:443" },
	}
	for name, spoil := range cases {
		m := good()
		remote := spoil(m)
		if _, err := buildTokenizer(showOf(t, m, remote)); !errors.Is(err, errNoVocabulary) && remote == "" {
			t.Errorf("%s: err %v, want errNoVocabulary", name, err)
		}
	}
}

// showOf builds the verbose answer of a model with the given model_info.
func showOf(t testing.TB, mi map[string]any, remote string) verboseShow {
	t.Helper()
	raw := map[string]json.RawMessage{}
	for k, v := range mi {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		raw[k] = b
	}
	return verboseShow{ModelInfo: raw, RemoteURL: remote}
}

// TestRemoteModelNotFetched: a model that runs on another host has no vocabulary here; the
// client says so without building anything.
func TestRemoteModelNotFetched(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "tiny", ContextLength: 8192})
	c, _ := NewClient(s.URL())
	if _, err := c.fetchTokenizer(context.Background(), "tiny"); !errors.Is(err, errNoVocabulary) {
		t.Errorf("a model served without vocabulary: err %v", err)
	}
	if _, err := c.fetchTokenizer(context.Background(), "absent"); err == nil {
		t.Error("a missing model gave a tokenizer")
	}
}

// FuzzBuildTokenizer feeds arbitrary model_info to the vocabulary reader: it refuses or
// builds, and a built tokenizer counts without panicking.
func FuzzBuildTokenizer(f *testing.F) {
	f.Add(`{"tokenizer.ggml.model":"llama","tokenizer.ggml.tokens":["<unk>","<s>","</s>","a","b","c","▁","d"],"tokenizer.ggml.token_type":[2,3,3,1,1,1,1,1],"tokenizer.ggml.scores":[0,0,0,0,0,0,0,0],"tokenizer.ggml.bos_token_id":1,"tokenizer.ggml.eos_token_id":2}`)
	f.Add(`{"tokenizer.ggml.model":"gpt2","tokenizer.ggml.tokens":["a","b","ab","Ġ","c","d","e","f"],"tokenizer.ggml.token_type":[1,1,1,1,1,1,3,3],"tokenizer.ggml.merges":["a b","Ġ a",""," "],"tokenizer.ggml.bos_token_id":6,"tokenizer.ggml.eos_token_id":7}`)
	f.Fuzz(func(t *testing.T, body string) {
		var show verboseShow
		if json.Unmarshal([]byte(body), &show.ModelInfo) != nil {
			return
		}
		mt, err := buildTokenizer(show)
		if err != nil {
			return
		}
		mt.count("Les participant·es ont voté : 41 voix sur 101, soit 40,6 %.")
		mt.prompt(Messages(newRequest(t, "", "m", "synthese-courte", frenchReport)))
	})
}
