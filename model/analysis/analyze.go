package analysis

import (
	"runtime"
	"sync"

	"github.com/rapporteur/rapporteur/model"
)

// SourceAnalysis is what is measured once on the source, then reused for every variant.
type SourceAnalysis struct {
	// Metrics are the source's measures.
	Metrics Metrics `json:"metrics"`
	// Facts are the facts the source states.
	Facts []Fact `json:"facts"`
	// Personal lists the personal data found in the source.
	Personal []Personal `json:"personal_data"`
	lang     model.Language
	support  *supportIndex
	absent   *absentIndex
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
	// Sentences gives, for every sentence of the variant, how well the source supports it.
	Sentences []SentenceSupport `json:"sentences"`
	// Absent are the runs of words of the variant the source does not contain in that context:
	// what « highlight the words not in the source » marks, on screen and in the PDF.
	Absent []Span `json:"absent"`
}

// AnalyzeSource measures the source once. Its facts are found on another goroutine while the
// rest is measured, so that a second core is not idle while the variants wait for the source.
func AnalyzeSource(text string, lang model.Language) SourceAnalysis {
	var facts []Fact
	found := make(chan struct{})
	go func() {
		defer close(found)
		facts = Facts(text, lang)
	}()
	parsed := parseText(text, lang) // split once for the metrics and the support index
	src := SourceAnalysis{Metrics: measureParsed(parsed, lang), lang: lang, absent: newAbsentIndex(text, lang)}
	<-found
	src.Facts, src.Personal = facts, personalFrom(text, facts)
	src.support = newSupportIndexWith(text, lang, parsed.sentences, facts)
	return src
}

// AnalyzeVariant measures a variant against an analysed source.
func AnalyzeVariant(src SourceAnalysis, variant string) VariantAnalysis {
	parsed := parseText(variant, src.lang) // split once for the metrics, the plain-language indicators and the support
	m := measureParsed(parsed, src.lang)
	facts := Facts(variant, src.lang) // found once for the fact check, the support and the personal data
	return VariantAnalysis{
		Metrics:     m,
		Compression: Compression(src.Metrics, m),
		Facts:       compareFactSets(src.Facts, facts, variant),
		Plain:       plainParsed(parsed),
		Personal:    personalFrom(variant, facts),
		Sentences:   src.support.sentencesWith(variant, parsed.sentences, facts),
		Absent:      src.absent.absent(variant),
	}
}

// RunAnalysis is a source analysed once and each of its variants against it.
type RunAnalysis struct {
	// Source is the source's analysis.
	Source SourceAnalysis
	// Variants are the variants' analyses, in the order given.
	Variants []VariantAnalysis
}

// AnalyzeRun analyses a source and its variants, the variants side by side on every core: what
// the comparison view needs for a run.
func AnalyzeRun(source string, variants []string, lang model.Language) RunAnalysis {
	ra := RunAnalysis{Variants: make([]VariantAnalysis, len(variants))}
	ra.Source = AnalyzeSource(source, lang)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, v := range variants {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			ra.Variants[i] = AnalyzeVariant(ra.Source, v)
		})
	}
	wg.Wait()
	return ra
}
