package ui

import (
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// The energy estimate of a variant uses the model size recorded when it was generated: no host
// is asked (this UI knows none).
func TestParamsFromRecordedModelSize(t *testing.T) {
	u := &UI{}
	v := model.Variant{Spec: model.Spec{Engine: model.EngineOllama, Host: "http://10.0.0.5:11434", Model: "mistral-small3.2:24b"},
		Stats: model.Stats{ModelSize: "24.0B", Quantization: "Q4_K_M"}}
	if got := u.paramsOf(v); got != 24 {
		t.Errorf("paramsOf = %v, want 24 (recorded)", got)
	}
}
