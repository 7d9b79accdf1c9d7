package ollama

import (
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// A variant records its model's size, quantisation and digest when it is written, so that an
// export made once the host is gone still names them.
func TestGenerateRecordsModelDetails(t *testing.T) {
	s := newServer(t, ollamatest.Model{Name: "mistral:7b", ParameterSize: "7.2B", Quantization: "Q4_K_M",
		ContextLength: 8192, Words: 40})
	c, err := NewClient(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	listed, err := c.Models(testContext(t))
	if err != nil || len(listed) != 1 || listed[0].Digest == "" {
		t.Fatalf("the test server lists %+v, %v", listed, err)
	}
	req := newRequest(t, s.URL(), "mistral:7b", "synthese-courte", frenchReport)
	res, _ := generateOK(t, NewEngine(Options{}), req)
	st := res.Stats
	if st.ModelSize != "7.2B" || st.Quantization != "Q4_K_M" || st.ModelDigest != listed[0].Digest {
		t.Fatalf("recorded %q · %q · %q, want 7.2B · Q4_K_M · %q", st.ModelSize, st.Quantization, st.ModelDigest, listed[0].Digest)
	}
	s.Close() // the host goes offline: what was recorded is all there is
	v := model.Variant{Spec: req.Spec, Stats: res.Stats}
	info, ok := Recorded(v)
	if !ok || info.ParameterSize != "7.2B" || info.Quantization != "Q4_K_M" || info.Digest != listed[0].Digest || info.Name != "mistral:7b" {
		t.Errorf("Recorded = %+v, %v", info, ok)
	}
}

func TestRecordedNothingForOldOrBuiltinVariants(t *testing.T) {
	old := model.Variant{Spec: model.Spec{Engine: model.EngineOllama, Model: "mistral:7b"}}
	if info, ok := Recorded(old); ok {
		t.Errorf("a variant made before the details were recorded gives %+v", info)
	}
	builtin := model.Variant{Spec: model.Spec{Engine: model.EngineBuiltin},
		Stats: model.Stats{ModelSize: "7.2B"}}
	if info, ok := Recorded(builtin); ok {
		t.Errorf("a built-in variant gives %+v", info)
	}
}
