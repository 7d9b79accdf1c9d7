package ui

import (
	"fmt"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// runAnalysis is the analysis of the run on screen: the source once, each final variant against it.
type runAnalysis struct {
	runID    int64
	source   analysis.SourceAnalysis
	variants map[int64]analysis.VariantAnalysis // by variant ID
}

// analyze measures the source and every final variant of the run on screen in the background,
// then shows the results; an older result arriving late is dropped.
func (c *comparison) analyze() {
	c.analysisGen++
	gen, runID, source, lang := c.analysisGen, c.run.ID, c.source.Body, c.source.Language
	variants := append([]model.Variant(nil), c.variants...)
	c.svc.background.Go(func() {
		ra := computeAnalysis(runID, source, lang, variants)
		runOnUI(func() {
			if gen != c.analysisGen || runID != c.run.ID {
				return
			}
			c.analysis = ra
			c.refreshColumns()
		})
	})
}

// computeAnalysis analyses the source and every final variant that has text.
func computeAnalysis(runID int64, source string, lang model.Language, variants []model.Variant) *runAnalysis {
	var ids []int64
	var texts []string
	for _, v := range variants {
		if v.Status.Final() && v.Text != "" {
			ids, texts = append(ids, v.ID), append(texts, v.Text)
		}
	}
	all := analysis.AnalyzeRun(source, texts, lang)
	ra := &runAnalysis{runID: runID, source: all.Source, variants: map[int64]analysis.VariantAnalysis{}}
	for i, id := range ids {
		ra.variants[id] = all.Variants[i]
	}
	return ra
}

// variantAnalysis returns the analysis of v, when it is done.
func (c *comparison) variantAnalysis(v model.Variant) (analysis.VariantAnalysis, bool) {
	if c.analysis == nil || c.analysis.runID != c.run.ID {
		return analysis.VariantAnalysis{}, false
	}
	va, ok := c.analysis.variants[v.ID]
	return va, ok
}

// factWithCount writes a fact as written, with « ×4 » when the text states it four times.
func factWithCount(f analysis.Fact) string {
	if f.Count > 1 {
		return fmt.Sprintf("%s (×%d)", f.Text, f.Count)
	}
	return f.Text
}

// joinList joins items with a middle dot, shortening very long lists.
func joinList(items []string) string {
	const most = 30
	out := ""
	for i, it := range items {
		if i == most {
			return out + " · " + lang.L("and {{.N}} more", map[string]any{"N": len(items) - most})
		}
		if i > 0 {
			out += " · "
		}
		out += it
	}
	return out
}
