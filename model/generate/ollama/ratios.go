package ollama

import "github.com/rapporteur/rapporteur/model/generate"

// RatioStore keeps the token ratios the engine learns (see generate.RatioStore).
type RatioStore = generate.RatioStore

// ratioKey names what a ratio corrects: the counting method and the model's digest (or its
// host and name when the host gave no digest).
func ratioKey(exact bool, info ModelInfo, host string) string {
	method := "estimate"
	if exact {
		method = "tokenizer"
	}
	if info.Digest != "" {
		return method + ":" + info.Digest
	}
	return method + ":" + host + "/" + info.Name
}
