package generate

import (
	"math"
	"unicode/utf8"
)

// RunesPerToken is the characters a token is estimated to hold when a model's own tokenizer is
// not at hand: Llama 3.2's reads 3.2 in French reports and 4.4 in English prose, so the
// estimate is about right in French and over in English. Engines correct it with what the
// server counts.
const RunesPerToken = 3.2

// EstimateText returns the estimated tokens of text: its characters divided by RunesPerToken,
// rounded up; 0 for "".
func EstimateText(text string) int {
	return int(math.Ceil(float64(utf8.RuneCountInString(text)) / RunesPerToken))
}
