package ollama

import "github.com/rapporteur/rapporteur/model"

// record keeps on s the size, quantisation and digest of the model that writes the variant, as
// its host reports them now: an export made later reads them there (see Recorded).
func record(s *model.Stats, info ModelInfo) {
	s.ModelSize, s.Quantization, s.ModelDigest = info.ParameterSize, info.Quantization, info.Digest
}

// Recorded returns what v's generation recorded of its model (size, quantisation, digest), and
// false when nothing was: a variant of the built-in engine, or one made before they were
// recorded, whose details only its host can tell.
func Recorded(v model.Variant) (ModelInfo, bool) {
	s := v.Stats
	if v.Engine != model.EngineOllama || s.ModelSize == "" && s.Quantization == "" && s.ModelDigest == "" {
		return ModelInfo{}, false
	}
	return ModelInfo{Name: v.Model, ParameterSize: s.ModelSize, Quantization: s.Quantization, Digest: s.ModelDigest}, true
}
