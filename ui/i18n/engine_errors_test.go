package i18n

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// TestOpenAIErrorsDoNotSayOllama: a variant written by an OpenAI-compatible server is not
// explained with Ollama's name, while an Ollama variant keeps it; the codes of the
// OpenAI-compatible engine have their own explanation, in both languages.
func TestOpenAIErrorsDoNotSayOllama(t *testing.T) {
	t.Cleanup(func() { _ = LoadTranslations(LanguageEnglish) })
	shared := []generate.ErrorCode{generate.CodeHostUnreachable, generate.CodeBadHost, generate.CodeServer,
		generate.CodeStreamCut, generate.CodeStalled, generate.CodeBadOption}
	own := []generate.ErrorCode{generate.CodeNotOpenAI, generate.CodeUnauthorized, generate.CodeRateLimited}
	for _, choice := range []string{LanguageFrench, LanguageEnglish} {
		if err := LoadTranslations(choice); err != nil {
			t.Fatal(err)
		}
		unexpected := VariantErrorText(model.Variant{ErrorCode: "no-such-code"})
		for _, code := range shared {
			oa := VariantErrorText(model.Variant{ErrorCode: string(code), Spec: model.Spec{Engine: model.EngineOpenAI}})
			ol := VariantErrorText(model.Variant{ErrorCode: string(code), Spec: model.Spec{Engine: model.EngineOllama}})
			if strings.Contains(oa, "Ollama") || !strings.Contains(ol, "Ollama") {
				t.Errorf("%s %s: openai %q, ollama %q", choice, code, oa, ol)
			}
		}
		for _, code := range own {
			if got := VariantErrorText(model.Variant{ErrorCode: string(code), Spec: model.Spec{Engine: model.EngineOpenAI}}); got == unexpected || got == "" {
				t.Errorf("%s %s: %q", choice, code, got)
			}
		}
	}
}
