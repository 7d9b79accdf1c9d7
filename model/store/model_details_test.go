package store

import (
	"context"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// The model details a generation records (size, quantisation, digest) come back from the
// workspace with the variant, so an export never needs the host for them.
func TestVariantKeepsModelDetails(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	rev := mustSnapshot(t, s, mustCreateReport(t, s, "Atelier mobilités").ID)
	spec := model.Spec{Engine: model.EngineOllama, Host: "http://192.168.1.20:11434", Model: "mistral:7b", PresetID: "synthese-courte"}
	_, variants, err := s.CreateRun(ctx, model.Run{RevisionID: rev.ID, Specs: []model.Spec{spec}})
	if err != nil {
		t.Fatal(err)
	}
	v := variants[0]
	v.Status, v.Text = model.StatusDone, "- Une piste cyclable rue des Lilas."
	v.Stats = model.Stats{ModelSize: "7.2B", Quantization: "Q4_K_M", ModelDigest: "sha256:6577803aa9a0", OutputTokens: 9}
	if err := s.SaveVariant(ctx, v); err != nil {
		t.Fatal(err)
	}
	got, err := s.Variants(ctx, v.RunID)
	if err != nil || len(got) != 1 {
		t.Fatalf("Variants: %v, %v", got, err)
	}
	if st := got[0].Stats; st.ModelSize != "7.2B" || st.Quantization != "Q4_K_M" || st.ModelDigest != "sha256:6577803aa9a0" {
		t.Errorf("read back %q · %q · %q", st.ModelSize, st.Quantization, st.ModelDigest)
	}
}
