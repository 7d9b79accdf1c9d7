package export

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// spanOf returns the byte span of the first occurrence of part in text, failing the test when
// there is none.
func spanOf(t testing.TB, text, part string) (int, int) {
	t.Helper()
	i := strings.Index(text, part)
	if i < 0 {
		t.Fatalf("%q not in the text", part)
	}
	return i, i + len(part)
}

// introduced builds a fact the variant introduced, at its place in text.
func introduced(t testing.TB, text, part string) analysis.Fact {
	start, end := spanOf(t, text, part)
	return analysis.Fact{Kind: analysis.FactDate, Text: part, Start: start, End: end}
}

// markedRuns returns, row by row, the runs of text carrying bit, spaces trimmed.
func markedRuns(rows []row, bit uint8) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		if r.marks == nil {
			continue
		}
		only := make([]uint8, len(r.marks))
		for j, m := range r.marks {
			only[j] = m & bit
		}
		for _, run := range markRuns(r.text, only) {
			if run.marks != 0 {
				out[i] = append(out[i], strings.TrimSpace(r.text[run.start:run.end]))
			}
		}
	}
	return out
}

// flatten joins runs with a space, after replacing no-break spaces by spaces.
func flatten(runs [][]string) string {
	var all []string
	for _, rs := range runs {
		all = append(all, rs...)
	}
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(strings.Join(all, " "))
}

func TestMarkRowsFollowTheWrappedText(t *testing.T) {
	raw := "## Réunion publique\r\n\r\nLe **budget** de 750 000 € sera voté le 12 mars 2027 par " +
		"[le conseil](https://ville.example/conseil) en présence de M. Jean Dupont.\r\n\r\n" +
		"- Une _seconde_ phrase fidèle.\r\n"
	sentStart, _ := spanOf(t, raw, "Le **budget**")
	_, sentEnd := spanOf(t, raw, "Jean Dupont.")
	budget, budgetEnd := spanOf(t, raw, "budget")
	va := analysis.VariantAnalysis{
		Facts: analysis.FactCheck{Introduced: []analysis.Fact{
			introduced(t, raw, "750 000 €"), introduced(t, raw, "12 mars 2027"), introduced(t, raw, "M. Jean Dupont")}},
		Sentences: []analysis.SentenceSupport{{Start: sentStart, End: sentEnd, Unsupported: true}},
		Absent:    []analysis.Span{{Start: budget, End: budgetEnd}},
	}
	hl := newHighlights(raw, va, true)
	rows := layoutColumn(runeMeasurer{}, oneCharScale, parseMarkdown(cleanText(raw, testFonts(t))), 10, 100)
	hl.markRows(rows)

	facts := markedRuns(rows, markFact)
	if got := flatten(facts); got != "750 000 € 12 mars 2027 M. Jean Dupont" {
		t.Errorf("facts highlighted: %q", got)
	}
	if split := wrappedRuns(facts); split < 2 {
		t.Errorf("at a width of 10 the facts should wrap; rows: %q", facts)
	}
	wide := layoutColumn(runeMeasurer{}, oneCharScale, parseMarkdown(cleanText(raw, testFonts(t))), 200, 100)
	hl.markRows(wide)
	var runs []string
	for _, rs := range markedRuns(wide, markFact) {
		runs = append(runs, rs...)
	}
	if got := strings.Join(runs, "|"); got != "750\u00a0000 €|12 mars 2027|M. Jean Dupont" {
		t.Errorf("on one line each fact should be one run: %q", got)
	}
	if got := flatten(markedRuns(rows, markAbsent)); got != "budget" {
		t.Errorf("absent words highlighted: %q", got)
	}
	checkUnsupportedRows(t, rows)
}

// wrappedRuns counts the rows whose marked runs continue on the next row.
func wrappedRuns(runs [][]string) int {
	split := 0
	for i := 1; i < len(runs); i++ {
		if len(runs[i-1]) > 0 && len(runs[i]) > 0 {
			split++
		}
	}
	return split
}

// checkUnsupportedRows checks that exactly the rows of the unsupported sentence are marked, and
// whole, not the heading.
func checkUnsupportedRows(t *testing.T, rows []row) {
	t.Helper()
	for i, r := range rows {
		text := strings.TrimSpace(r.text)
		inSentence := strings.Contains("Le budget de 750 000 € sera voté le 12 mars 2027 par le conseil (https://ville.example/conseil) en présence de M. Jean Dupont.", strings.ReplaceAll(text, "\u00a0", " "))
		got := strings.Join(markedRuns(rows[i:i+1], markUnsupported)[0], " ")
		switch {
		case text == "":
		case i < 2 && got != "": // the heading
			t.Errorf("row %d %q marked unsupported", i, text)
		case i >= 2 && inSentence && got != text:
			t.Errorf("row %d %q: unsupported part %q", i, text, got)
		case !inSentence && got != "":
			t.Errorf("row %d %q outside the sentence marked %q", i, text, got)
		}
	}
}

func TestNewHighlightsNothingToMark(t *testing.T) {
	if hl := newHighlights("Un texte.", analysis.VariantAnalysis{Absent: []analysis.Span{{Start: 0, End: 2}}}, false); hl != nil {
		t.Error("absent words marked with the option off")
	}
	hl := newHighlights("Un texte.", analysis.VariantAnalysis{Absent: []analysis.Span{{Start: 3, End: 99}}}, true)
	if hl == nil || hl.flags[2] != 0 || hl.flags[8] != markAbsent {
		t.Errorf("a span past the end is not clipped: %v", hl)
	}
	var none *highlights
	rows := []row{{text: "Un texte."}}
	none.markRows(rows)
	if rows[0].marks != nil {
		t.Error("a nil highlights marked a row")
	}
}

// columnRows lays out the variant i of c in its column as drawSet does, with the analyses c
// carries.
func columnRows(t *testing.T, c Comparison, i int) []row {
	t.Helper()
	d := newDocument(c, testFonts(t))
	d.prepareAnalyses()
	return d.variantRows(i)
}

// variantRows lays out the variant i of d in its column as drawSet does.
func (d *document) variantRows(i int) []row {
	cols := min(len(d.c.Variants), perSet) + 1
	w := min((contentW-float64(cols-1)*gutter)/float64(cols), maxColumnW)
	return d.rows(d.variantColumn(i, d.c.Variants[i]), w)
}

func TestExtractReorderedHasNoAbsentWordButTheChangedOne(t *testing.T) {
	c := frenchComparison(t)
	sentences := analysis.Sentences(c.Source.Body, model.French)
	var parts []string
	for i := len(sentences) - 1; i >= 0; i-- { // the sentences, last first
		parts = append(parts, sentences[i].Text)
	}
	variant := strings.Join(parts, "\n\n")
	changed := strings.Replace(variant, "fontaine", "cascade", 1)
	if changed == variant {
		t.Fatal("the extract lacks « fontaine »")
	}
	c.Variants = []model.Variant{{ID: 1, Status: model.StatusDone, Text: changed, Spec: model.Spec{Engine: model.EngineBuiltin}}}
	ra := analysis.AnalyzeRun(c.Source.Body, []string{changed}, model.French)
	c.SourceAnalysis = &ra.Source
	c.VariantAnalyses = map[int64]analysis.VariantAnalysis{1: ra.Variants[0]}
	c.Options.DiffColours = true
	if got := flatten(markedRuns(columnRows(t, c, 0), markAbsent)); got != "cascade" {
		t.Errorf("words marked absent in a reordered extract: %q", got)
	}
}

func TestMarksSurviveMasking(t *testing.T) {
	c := frenchComparison(t)
	text := "Écrire à jean.dupont@example.org avant le 12 mars 2027 pour le budget."
	c.Variants = []model.Variant{{ID: 1, Status: model.StatusDone, Text: text, Spec: model.Spec{Engine: model.EngineBuiltin}}}
	c.VariantAnalyses = map[int64]analysis.VariantAnalysis{1: {Facts: analysis.FactCheck{Introduced: []analysis.Fact{introduced(t, text, plantedFact)}}}}
	c.Options.MaskPersonal = true
	rows := columnRows(t, c, 0)
	var shown []string
	for _, r := range rows {
		shown = append(shown, r.text)
	}
	if !strings.Contains(strings.Join(shown, " "), "[masqué]") {
		t.Fatalf("the address is not masked: %q", shown)
	}
	if got := flatten(markedRuns(rows, markFact)); got != plantedFact {
		t.Errorf("facts highlighted in the masked text: %q", got)
	}
}

// TestAbsentMarksMatchTheAnalysis checks, on every fixture variant, that the words the columns
// mark absent are exactly the analysis' absent words: the rendering (Markdown, links, tables,
// wrapping) loses none and marks no other.
func TestAbsentMarksMatchTheAnalysis(t *testing.T) {
	for _, c := range []Comparison{frenchComparison(t), englishComparison(t)} {
		var texts []string
		for _, v := range c.Variants {
			texts = append(texts, v.Text)
		}
		ra := analysis.AnalyzeRun(c.Source.Body, texts, c.Language)
		c.SourceAnalysis = &ra.Source
		c.VariantAnalyses = map[int64]analysis.VariantAnalysis{}
		for i, v := range c.Variants {
			c.VariantAnalyses[v.ID] = ra.Variants[i]
		}
		c.Options.DiffColours = true
		for i, v := range c.Variants {
			var want []string
			for _, s := range ra.Variants[i].Absent {
				want = append(want, v.Text[s.Start:s.End])
			}
			if len(want) == 0 {
				t.Fatalf("variant %d: nothing absent, nothing to check", v.ID)
			}
			if got := flatten(markedRuns(columnRows(t, c, i), markAbsent)); got != strings.Join(want, " ") {
				t.Errorf("variant %d:\nmarked   %q\nabsent   %q", v.ID, got, strings.Join(want, " "))
			}
		}
	}
}
