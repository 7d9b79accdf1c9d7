package textedit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// BenchmarkRewrap lays out again a text of about 50,000 words for a new width, as when the
// window or the editor's pane is resized: one op is one resize.
func BenchmarkRewrap(b *testing.B) {
	if words := len(strings.Fields(longText(4_800))); words < 45_000 || words > 55_000 {
		b.Fatalf("the text has %d words", words)
	}
	e, _ := newTestEditor(b, longText(4_800), 600, 400)
	widths := []float32{500, 560}
	i := 0
	for b.Loop() {
		e.view.Resize(fyne.NewSize(widths[i%2], e.view.Size().Height))
		i++
	}
}
