package analysis

import (
	"os"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// tenThousandWords repeats the sample report until it holds about 10,000 words.
func tenThousandWords(tb testing.TB) string {
	tb.Helper()
	data, err := os.ReadFile("../../assets/samples/atelier-place-du-marche.md")
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	for WordCount(b.String()) < 10_000 {
		b.Write(data)
		b.WriteString("\n\n")
	}
	return b.String()
}

// variantOf changes every n-th word of text: a variant about as long as its source.
func variantOf(text string, n int) string {
	words := strings.Fields(text)
	for i := n; i < len(words); i += n {
		words[i] = "autrement"
	}
	return strings.Join(words, " ")
}

func TestAnalyzeVariant(t *testing.T) {
	src := AnalyzeSource("La réunion du 17 juin 2025 a réuni 42 personnes. Mme Claire Laurent animait.", model.French)
	a := AnalyzeVariant(src, "La réunion du 18 juin 2025 a réuni 42 personnes.")
	if len(a.Facts.Introduced) == 0 || len(a.Facts.Lost) == 0 || a.Metrics.Words == 0 || a.Compression <= 0 || a.Compression >= 1 {
		t.Fatalf("analysis %+v", a)
	}
}

func TestAnalyzeRunMatchesOneByOne(t *testing.T) {
	source := tenThousandWords(t)[:20000]
	variants := []string{variantOf(source, 5), variantOf(source, 9), "", "Texte sans rapport."}
	ra := AnalyzeRun(source, variants, model.French)
	src := AnalyzeSource(source, model.French)
	for i, v := range variants {
		one := AnalyzeVariant(src, v)
		if one.Metrics != ra.Variants[i].Metrics || len(one.Facts.Introduced) != len(ra.Variants[i].Facts.Introduced) {
			t.Errorf("variant %d differs when analysed in parallel", i)
		}
		if len(one.Sentences) != len(ra.Variants[i].Sentences) || len(one.Absent) != len(ra.Variants[i].Absent) {
			t.Errorf("variant %d: sentence support or absent words differ when analysed in parallel", i)
		}
	}
}

// BenchmarkAnalyzeRun is what the comparison computes for a run: the source once, then for each
// of four 10,000-word variants its metrics, facts, plain-language indicators, personal data,
// sentence support and words absent from the source.
func BenchmarkAnalyzeRun(b *testing.B) {
	source := tenThousandWords(b)
	variants := []string{variantOf(source, 7), variantOf(source, 11), variantOf(source, 13), variantOf(source, 17)}
	for b.Loop() {
		AnalyzeRun(source, variants, model.French)
	}
}
