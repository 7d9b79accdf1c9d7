package editor

import (
	"fmt"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// BenchmarkPreview refreshes the preview of reports of 389, 10,000 and 50,000 words, as the
// editor does a moment after the last keystroke.
func BenchmarkPreview(b *testing.B) {
	for _, words := range []int{389, 10_000, 50_000} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			r := model.NewReport("Concertation des Tanneurs", model.French)
			r.ID = 3
			r.Body = messyReport(words)
			e, _ := newTestEditor(b, r)
			for b.Loop() {
				e.refreshPreview()
			}
		})
	}
}
