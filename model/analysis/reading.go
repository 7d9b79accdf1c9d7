package analysis

import (
	"math"
	"strconv"
)

// ReadingTime writes a silent reading time (Metrics.ReadingMinutes) the one way the app and
// the PDF show it, with no-break spaces: « < 1 min » under a minute, else whole minutes,
// rounded, « 2 min »; a dash for no text. The words are the same in French and English.
func ReadingTime(minutes float64) string {
	switch {
	case !(minutes > 0) || math.IsInf(minutes, 0):
		return "—"
	case minutes < 1:
		return "<\u00a01\u00a0min"
	}
	return strconv.FormatFloat(math.Round(minutes), 'f', 0, 64) + "\u00a0min"
}
