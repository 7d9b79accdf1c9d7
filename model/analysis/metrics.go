package analysis

import (
	"unicode"

	"github.com/rapporteur/rapporteur/model"
)

// Thresholds and rates behind Metrics.
const (
	// LongSentenceWords is the length above which a sentence counts as long in Metrics: over
	// 25 words, the usual ceiling of French and English plain-writing guides for a sentence
	// read once.
	LongSentenceWords = 25
	// LIXLongWordLetters is the length above which LIX counts a word as long: more than 6
	// letters, as Björnsson defined the index.
	LIXLongWordLetters = 6
	// FrenchWordsPerMinute and EnglishWordsPerMinute are silent reading speeds of adults,
	// rounded from the International Reading Speed Texts (Trauzettel-Klosinski and Dietz,
	// Investigative Ophthalmology & Visual Science 53(9), 2012): 195 ± 26 words a minute in
	// French, 228 ± 30 in English.
	FrenchWordsPerMinute  = 200
	EnglishWordsPerMinute = 230
)

// Metrics are the measures of one text.
type Metrics struct {
	// Words counts the words of the text's sentences (see Words).
	Words int `json:"words"`
	// Sentences counts the sentences; a heading, a list item or a table row is one at least.
	Sentences int `json:"sentences"`
	// Syllables counts the estimated syllables of the words (see Syllables).
	Syllables int `json:"syllables"`
	// MeanSentenceLength is in words per sentence.
	MeanSentenceLength float64 `json:"mean_sentence_length"`
	// LongSentenceShare is the share, 0 to 1, of sentences over LongSentenceWords words.
	LongSentenceShare float64 `json:"long_sentence_share"`
	// ReadingMinutes is the silent reading time at FrenchWordsPerMinute or
	// EnglishWordsPerMinute.
	ReadingMinutes float64 `json:"reading_minutes"`
	// KandelMoles is the French adaptation of Flesch's reading ease (Kandel and Moles, 1958):
	// 207 − 1.015 × words/sentence − 73.6 × syllables/word; higher is easier. French texts only.
	KandelMoles float64 `json:"kandel_moles,omitempty"`
	// Flesch is Flesch's reading ease (1948): 206.835 − 1.015 × words/sentence − 84.6 ×
	// syllables/word; higher is easier. English texts only.
	Flesch float64 `json:"flesch,omitempty"`
	// LIX is Björnsson's readability index, for both languages: words/sentence + 100 × long
	// words/words, where a long word has more than LIXLongWordLetters letters; lower is easier
	// (under 40 easy, over 50 hard).
	LIX float64 `json:"lix"`
}

// Measure returns the metrics of a Markdown text in lang (French unless lang is English).
//
// Markup is stripped: the text is split with Sentences, and each sentence's words are those
// of its Plain form, so a heading, a list item or a table row counts as a sentence and code
// blocks count for nothing. An empty text gives zero metrics.
func Measure(text string, lang model.Language) Metrics {
	return measureParsed(parseText(text, lang), lang)
}

// measureParsed is Measure on a text already split.
func measureParsed(p parsedText, lang model.Language) Metrics {
	var m Metrics
	long, longWords := 0, 0
	for _, words := range p.words {
		n := len(words)
		if n == 0 {
			continue
		}
		for _, w := range words {
			m.Syllables += Syllables(w, lang)
			if letterCount(w) > LIXLongWordLetters {
				longWords++
			}
		}
		m.Sentences++
		m.Words += n
		if n > LongSentenceWords {
			long++
		}
	}
	if m.Words == 0 {
		return Metrics{}
	}
	words, sentences := float64(m.Words), float64(m.Sentences)
	m.MeanSentenceLength = words / sentences
	m.LongSentenceShare = float64(long) / sentences
	syllablesPerWord := float64(m.Syllables) / words
	m.LIX = m.MeanSentenceLength + 100*float64(longWords)/words
	if lang == model.English {
		m.ReadingMinutes = words / EnglishWordsPerMinute
		m.Flesch = 206.835 - 1.015*m.MeanSentenceLength - 84.6*syllablesPerWord
	} else {
		m.ReadingMinutes = words / FrenchWordsPerMinute
		m.KandelMoles = 207 - 1.015*m.MeanSentenceLength - 73.6*syllablesPerWord
	}
	return m
}

// Compression returns the variant's length as a share of the source's: variant words over
// source words (0.2 for a variant a fifth as long), or 0 when the source has no words.
func Compression(source, variant Metrics) float64 {
	if source.Words == 0 {
		return 0
	}
	return float64(variant.Words) / float64(source.Words)
}

// letterCount returns the number of letters in w, not counting digits, apostrophes, hyphens
// or dots.
func letterCount(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
