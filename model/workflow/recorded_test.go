package workflow

import (
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
)

// offline is a host lookup with every host unreachable.
func offline(string, string) (ollama.ModelInfo, bool) { return ollama.ModelInfo{}, false }

// A variant that recorded its model's details is described from them, even with its host
// offline; the energy estimate uses the recorded size.
func TestComparisonUsesRecordedModelDetailsOffline(t *testing.T) {
	r := sampleRecord()
	r.Models = offline
	r.Variants[1].Stats.ModelSize, r.Variants[1].Stats.Quantization = "24B", "Q8_0"
	r.Variants[1].Stats.ModelDigest = "sha256:0123456789abcdef"
	doc := r.Comparison(Publication{Language: model.French})
	if got, want := doc.Models[11], "mistral:7b · 24B · Q8_0 · 0123456789ab (10.0.0.5:11434)"; got != want {
		t.Errorf("model of a variant with recorded details, host offline: %q, want %q", got, want)
	}
	if e := doc.Energy[11]; e.EstimatedWh <= 0 {
		t.Errorf("no datacenter estimate from the recorded size: %+v", e)
	}
}

// The recorded details win over what the host reports now: the model may have been pulled
// again since.
func TestRecordedModelDetailsWinOverTheHost(t *testing.T) {
	r := sampleRecord() // its host reports 7.2B · Q4_K_M · 6577803aa9a0
	r.Variants[1].Stats.ModelSize, r.Variants[1].Stats.Quantization = "7.2B", "Q5_K_M"
	r.Variants[1].Stats.ModelDigest = "sha256:feedfacecafe0000"
	if got, want := r.ModelDescription(r.Variants[1]), "mistral:7b · 7.2B · Q5_K_M · feedfacecafe (10.0.0.5:11434)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	old := sampleRecord() // made before details were recorded: the host is asked
	if got, want := old.ModelDescription(old.Variants[1]), "mistral:7b · 7.2B · Q4_K_M · 6577803aa9a0 (10.0.0.5:11434)"; got != want {
		t.Errorf("old variant: %q, want %q", got, want)
	}
}
