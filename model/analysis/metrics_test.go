package analysis

import (
	"math"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

func nearly(got, want float64) bool { return math.Abs(got-want) < 1e-6 }

func TestMeasureFrench(t *testing.T) {
	// Les(1) habitants(3) ont(1) voté(2) | Le(1) jardin(2) ouvrira(3) en(1) mai(1)
	// 9 words, 2 sentences, 15 syllables; longer than 6 letters: habitants, ouvrira.
	// Kandel–Moles = 207 − 1.015 × 9/2 − 73.6 × 15/9 = 207 − 4.5675 − 122.666667 = 79.765833
	// LIX = 9/2 + 100 × 2/9 = 4.5 + 22.222222 = 26.722222
	// reading = 9 / 200 = 0.045 min
	m := Measure("Les habitants ont voté. Le jardin ouvrira en mai.", model.French)
	want := Metrics{Words: 9, Sentences: 2, Syllables: 15, MeanSentenceLength: 4.5,
		ReadingMinutes: 0.045, KandelMoles: 79.765833, LIX: 26.722222}
	checkMetrics(t, m, want)
}

func TestMeasureEnglish(t *testing.T) {
	// The(1) residents(3) met(1) on(1) Tuesday(2) | They(1) chose(1) a(1) new(1) playground(2)
	// 10 words, 2 sentences, 14 syllables; longer than 6 letters: residents, Tuesday, playground.
	// Flesch = 206.835 − 1.015 × 10/2 − 84.6 × 14/10 = 206.835 − 5.075 − 118.44 = 83.32
	// LIX = 10/2 + 100 × 3/10 = 35
	// reading = 10 / 230 = 0.0434783 min
	m := Measure("The residents met on Tuesday. They chose a new playground.", model.English)
	want := Metrics{Words: 10, Sentences: 2, Syllables: 14, MeanSentenceLength: 5,
		ReadingMinutes: 10.0 / 230, Flesch: 83.32, LIX: 35}
	checkMetrics(t, m, want)
}

func checkMetrics(t *testing.T, got, want Metrics) {
	t.Helper()
	if got.Words != want.Words || got.Sentences != want.Sentences || got.Syllables != want.Syllables {
		t.Fatalf("counts = %d words, %d sentences, %d syllables; want %d, %d, %d",
			got.Words, got.Sentences, got.Syllables, want.Words, want.Sentences, want.Syllables)
	}
	pairs := []struct {
		name      string
		got, want float64
	}{
		{"mean sentence length", got.MeanSentenceLength, want.MeanSentenceLength},
		{"long sentence share", got.LongSentenceShare, want.LongSentenceShare},
		{"reading minutes", got.ReadingMinutes, want.ReadingMinutes},
		{"Kandel–Moles", got.KandelMoles, want.KandelMoles},
		{"Flesch", got.Flesch, want.Flesch},
		{"LIX", got.LIX, want.LIX},
	}
	for _, p := range pairs {
		if math.Abs(p.got-p.want) > 1e-5 {
			t.Errorf("%s = %.6f, want %.6f", p.name, p.got, p.want)
		}
	}
}

func TestMeasureMarkdown(t *testing.T) {
	text := "# Atelier du 12 mars\n\n- Les bancs\n- La fontaine\n\n```\nne compte pas\n```\n\nLe **maire** a [conclu](https://exemple.fr)."
	m := Measure(text, model.French)
	if m.Sentences != 4 || m.Words != 12 {
		t.Fatalf("Measure = %d sentences, %d words; want 4 (heading, 2 items, paragraph) and 12", m.Sentences, m.Words)
	}
	plain := Measure("Atelier du 12 mars. Les bancs. La fontaine. Le maire a conclu.", model.French)
	if m != plain {
		t.Errorf("markup changed the metrics:\n%+v\n%+v", m, plain)
	}
}

func TestMeasureLongSentences(t *testing.T) {
	long := "Les " + strings.Repeat("habitants ", 24) + "attendent." // 26 words
	m := Measure(long+" Merci.", model.French)
	if m.Sentences != 2 || m.Words != 27 || !nearly(m.LongSentenceShare, 0.5) {
		t.Fatalf("got %d sentences, %d words, share %v; want 2, 27, 0.5", m.Sentences, m.Words, m.LongSentenceShare)
	}
	exact := "Les " + strings.Repeat("habitants ", 23) + "attendent." // 25 words: not over 25
	if m := Measure(exact, model.French); m.LongSentenceShare != 0 {
		t.Errorf("a 25-word sentence counts as long: %v", m.LongSentenceShare)
	}
}

func TestMeasureEmpty(t *testing.T) {
	for _, text := range []string{"", "  \n\n", "```\ncode\n```", "---"} {
		if m := Measure(text, model.French); m != (Metrics{}) {
			t.Errorf("Measure(%q) = %+v, want zero", text, m)
		}
	}
}

func TestReadingMinutes(t *testing.T) {
	text := strings.Repeat("Les riverains ont parlé longtemps. ", 92) // 460 words
	if m := Measure(text, model.French); !nearly(m.ReadingMinutes, 460.0/200) {
		t.Errorf("French: %v minutes, want 2.3", m.ReadingMinutes)
	}
	if m := Measure(text, model.English); !nearly(m.ReadingMinutes, 2) {
		t.Errorf("English: %v minutes, want 2", m.ReadingMinutes)
	}
}

func TestCompression(t *testing.T) {
	tests := []struct {
		source, variant int
		want            float64
	}{
		{100, 20, 0.2},
		{100, 100, 1},
		{80, 120, 1.5},
		{0, 10, 0},
		{50, 0, 0},
	}
	for _, tt := range tests {
		if got := Compression(Metrics{Words: tt.source}, Metrics{Words: tt.variant}); !nearly(got, tt.want) {
			t.Errorf("Compression(%d, %d) = %v, want %v", tt.source, tt.variant, got, tt.want)
		}
	}
}

func TestMeasureFixture(t *testing.T) {
	m := Measure(longReport(10_000), model.French)
	if m.Words < 10_000 || m.Words > 10_100 {
		t.Fatalf("fixture has %d words", m.Words)
	}
	// Sentences of 15 to 19 words in everyday French: Kandel–Moles about 70 ("fairly easy"),
	// LIX about 46 ("medium").
	if m.KandelMoles < 60 || m.KandelMoles > 80 || m.LIX < 40 || m.LIX > 52 {
		t.Errorf("implausible readability: %+v", m)
	}
}

func BenchmarkMeasure(b *testing.B) {
	text := longReport(10_000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Measure(text, model.French)
	}
}
