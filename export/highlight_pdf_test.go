package export

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// plantedFact is the fact the variants below introduce, forced across a line or a page break.
const plantedFact = "12 mars 2027"

// fillerWords are words that hold no fact and never appear in plantedFact.
func fillerWords(n int) string {
	words := []string{"les", "habitants", "ont", "parlé", "du", "quartier", "et", "des", "rues"}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i%len(words)])
	}
	return b.String()
}

// factVariant is a variant whose paragraph holds plantedFact after lead filler words, its
// analysis marking plantedFact as introduced.
func factVariant(t testing.TB, id int64, lead int) (model.Variant, analysis.VariantAnalysis) {
	text := fillerWords(lead) + " puis le vote du " + plantedFact + " et " + fillerWords(400) + "."
	v := model.Variant{ID: id, Status: model.StatusDone, Text: text, Spec: model.Spec{Engine: model.EngineBuiltin}}
	return v, analysis.VariantAnalysis{Facts: analysis.FactCheck{Introduced: []analysis.Fact{introduced(t, text, plantedFact)}}}
}

// factRows returns the rows of variant i's column that hold a part of plantedFact.
func factRows(d *document, i int) []int {
	var out []int
	for k, runs := range markedRuns(d.variantRows(i), markFact) {
		if len(runs) > 0 {
			out = append(out, k)
		}
	}
	return out
}

// forcedComparison has two variants: the first with plantedFact cut by a line break inside a
// page, the second with plantedFact cut by a page break. It finds how many filler words lead
// to each.
func forcedComparison(t *testing.T) Comparison {
	c := frenchComparison(t)
	v, va := factVariant(t, 1, 0)
	c.Variants = []model.Variant{v, v}
	c.VariantAnalyses = map[int64]analysis.VariantAnalysis{1: va}
	probe := newDocument(c, testFonts(t))
	probe.prepareAnalyses()
	c.Variants = nil // not the probe's
	for lead := 0; lead < 2000 && len(c.Variants) < 2; lead++ {
		v, va := factVariant(t, int64(len(c.Variants)+1), lead)
		probe.c.Variants[0].Text = v.Text
		probe.va[1] = va
		rows := factRows(probe, 0)
		if len(rows) != 2 || rows[1] != rows[0]+1 {
			continue
		}
		if pageBreak := rows[1]%rowsPerPage == 0; pageBreak == (len(c.Variants) == 1) {
			c.Variants = append(c.Variants, v)
			c.VariantAnalyses[v.ID] = va
		}
	}
	if len(c.Variants) < 2 {
		t.Fatal("no number of filler words cuts the fact across a line and a page")
	}
	return c
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// pdfWord is a word pdftotext found on a page, in points.
type pdfWord struct {
	page           int
	x0, y0, x1, y1 float64
	text           string
	pinkShare      float64
}

// factWordBoxes returns the words of plantedFact that pdftotext finds in column col of n on
// the pages of the PDF at path, with the share of each word's box painted in the colour of
// introduced facts.
func factWordBoxes(t *testing.T, path string, col, n int) []pdfWord {
	t.Helper()
	needTool(t, "pdftoppm")
	w := min((contentW-float64(n-1)*gutter)/float64(n), maxColumnW)
	left := mmToPt(marginX + float64(col)*(w+gutter))
	right := left + mmToPt(w)
	factWords := strings.Fields(plantedFact)
	var out []pdfWord
	pages := strings.Split(pdfText(t, path, "-bbox"), "<page ")
	for p, page := range pages[1:] {
		var found []pdfWord
		for _, m := range bboxWord.FindAllStringSubmatch(page, -1) {
			b := pdfWord{page: p + 1, text: m[5]}
			b.x0, _ = strconv.ParseFloat(m[1], 64)
			b.y0, _ = strconv.ParseFloat(m[2], 64)
			b.x1, _ = strconv.ParseFloat(m[3], 64)
			b.y1, _ = strconv.ParseFloat(m[4], 64)
			if b.x0 >= left-1 && b.x1 <= right+1 && slicesContains(factWords, b.text) {
				found = append(found, b)
			}
		}
		if len(found) == 0 {
			continue
		}
		img := renderPage(t, path, p+1)
		for i := range found {
			found[i].pinkShare = colourShare(img, found[i], colorIntroduced)
		}
		out = append(out, found...)
	}
	return out
}

func slicesContains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// renderDPI is the resolution pages are rendered at to look at their colours.
const renderDPI = 100

// renderPage renders page p of the PDF at path and decodes it.
func renderPage(t *testing.T, path string, p int) image.Image {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "page")
	out, err := exec.Command("pdftoppm", "-png", "-r", strconv.Itoa(renderDPI), "-f", strconv.Itoa(p), "-l", strconv.Itoa(p),
		"-singlefile", path, prefix).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// colourShare is the share of the pixels of box b (in points) that are of colour c.
func colourShare(img image.Image, b pdfWord, c rgb) float64 {
	px := func(v float64) int { return int(v * renderDPI / 72) }
	total, hits := 0, 0
	for y := px(b.y0); y <= px(b.y1); y++ {
		for x := px(b.x0); x <= px(b.x1); x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			total++
			if near(int(r>>8), c.r) && near(int(g>>8), c.g) && near(int(bl>>8), c.b) {
				hits++
			}
		}
	}
	return float64(hits) / float64(max(total, 1))
}

func near(a, b int) bool { return a-b <= 8 && b-a <= 8 }

func TestComparisonPDFHighlightsFactsAcrossLineAndPageBreaks(t *testing.T) {
	c := forcedComparison(t)
	path := render(t, c)
	for col, name := range map[int]string{1: "line break", 2: "page break"} {
		boxes := factWordBoxes(t, path, col, 3)
		var words []string
		pages := map[int]bool{}
		for _, b := range boxes {
			words = append(words, b.text)
			pages[b.page] = true
			if b.pinkShare < 0.3 {
				t.Errorf("%s: %q on page %d is not highlighted (%.0f %% of its box)", name, b.text, b.page, 100*b.pinkShare)
			}
		}
		if got := strings.Join(words, " "); got != plantedFact {
			t.Errorf("%s: the column shows %q of the fact", name, got)
		}
		if wantPages := map[int]int{1: 1, 2: 2}[col]; len(pages) != wantPages {
			t.Errorf("%s: the fact is on %d pages, want %d", name, len(pages), wantPages)
		}
	}
}

func TestComparisonPDFLegend(t *testing.T) {
	for _, tc := range []struct {
		c    Comparison
		want []string
	}{
		{fullComparison(t, frenchComparison(t)), []string{"Fait absent de la source", "Mot absent de la source", "Phrase sans appui dans la source"}},
		{fullComparison(t, englishComparison(t)), []string{"Fact not in the source", "Word not in the source", "Sentence the source does not support"}},
	} {
		path := render(t, tc.c)
		pages := strings.Split(pdfText(t, path), "\f")
		columnsPage := -1
		for i, p := range pages {
			if strings.Contains(p, "Variante 1") && strings.Contains(p, "Source") && i > 1 ||
				strings.Contains(p, "Variant 1") && strings.Contains(p, "Source") && i > 1 {
				columnsPage = i
				break
			}
		}
		if columnsPage < 0 {
			t.Fatal("no page of columns")
		}
		text := normalise(pages[columnsPage])
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("the columns page lacks the legend %q", w)
			}
		}
	}
	plain := normalise(pdfText(t, render(t, frenchComparison(t))))
	if strings.Contains(plain, "Fait absent de la source") {
		t.Error("a legend on columns that mark nothing")
	}
}

func TestComparisonPDFSummaryCountsUnsupportedSentences(t *testing.T) {
	c := fullComparison(t, frenchComparison(t))
	for i, v := range c.Variants {
		va := c.VariantAnalyses[v.ID]
		va.Sentences = nil
		for k := range 2 * i {
			va.Sentences = append(va.Sentences, analysis.SentenceSupport{Unsupported: k%2 == 0})
		}
		c.VariantAnalyses[v.ID] = va
	}
	text := normalise(pdfText(t, render(t, c), "-f", "2", "-l", "2"))
	want := "Phrases sans appui dans la source — Variante 1 : 0 · Variante 2 : 1 · Variante 3 : 2"
	if !strings.Contains(text, want) {
		t.Errorf("the summary page lacks %q:\n%s", want, text)
	}
	english := fullComparison(t, englishComparison(t))
	delete(english.VariantAnalyses, 8) // a variant without analysis counts a dash
	english.Variants[1].Text = ""
	text = normalise(pdfText(t, render(t, english), "-f", "2", "-l", "2"))
	if want := fmt.Sprintf("Sentences the source does not support — Variant 1: %d · Variant 2: —",
		unsupported(english.VariantAnalyses[7])); !strings.Contains(text, want) {
		t.Errorf("the English summary page lacks %q:\n%s", want, text)
	}
}

func unsupported(va analysis.VariantAnalysis) int {
	n := 0
	for _, s := range va.Sentences {
		if s.Unsupported {
			n++
		}
	}
	return n
}
