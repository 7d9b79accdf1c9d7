package analysis

import "github.com/rapporteur/rapporteur/model"

// SourceAnalysis is what is measured once on the source, then reused for every variant.
type SourceAnalysis struct {
	// Metrics are the source's measures.
	Metrics Metrics `json:"metrics"`
	// Facts are the facts the source states.
	Facts []Fact `json:"facts"`
	// Personal lists the personal data found in the source.
	Personal []Personal `json:"personal_data"`
	lang     model.Language
}

// VariantAnalysis is everything measured on one variant against its source.
type VariantAnalysis struct {
	// Metrics are the variant's measures.
	Metrics Metrics `json:"metrics"`
	// Compression is the variant's words over the source's.
	Compression float64 `json:"compression"`
	// Facts says which facts of the source the variant kept, lost, and which it introduced.
	Facts FactCheck `json:"facts"`
	// Plain gives the plain-language indicators.
	Plain PlainIndicators `json:"plain_language"`
	// Personal lists the personal data found in the variant.
	Personal []Personal `json:"personal_data"`
}

// AnalyzeSource measures the source once.
func AnalyzeSource(text string, lang model.Language) SourceAnalysis {
	return SourceAnalysis{Metrics: Measure(text, lang), Facts: Facts(text, lang), Personal: PersonalData(text, lang), lang: lang}
}

// AnalyzeVariant measures a variant against an analysed source.
func AnalyzeVariant(src SourceAnalysis, variant string) VariantAnalysis {
	m := Measure(variant, src.lang)
	return VariantAnalysis{
		Metrics:     m,
		Compression: Compression(src.Metrics, m),
		Facts:       CompareFactsWith(src.Facts, variant, src.lang),
		Plain:       PlainLanguage(variant, src.lang),
		Personal:    PersonalData(variant, src.lang),
	}
}
