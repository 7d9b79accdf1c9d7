package textedit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// tabSpaces is how many spaces a tab is drawn as.
const tabSpaces = 4

// metrics are the sizes the editor draws with, read from its theme.
type metrics struct {
	size  float32 // text size
	textH float32 // height of one line of text
	rowH  float32 // distance between two rows: a line of text, as in Fyne's entry
	pad   float32 // inner padding around the text
	caret float32 // width of the caret
}

func readMetrics(th fyne.Theme) metrics {
	size := th.Size(theme.SizeNameText)
	textH := fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	return metrics{
		size:  size,
		textH: textH,
		rowH:  textH,
		pad:   th.Size(theme.SizeNameInnerPadding),
		caret: th.Size(theme.SizeNameInputBorder),
	}
}

// advances caches the width of each character at one text size, so wrapping a paragraph
// adds numbers instead of shaping text. Kerning only ever narrows a row, so a row wrapped
// with these widths always fits.
type advances struct {
	size  float32
	low   [0x250]float32 // Latin characters, -1 while unknown
	other map[rune]float32
}

func (a *advances) reset(size float32) {
	a.size = size
	for i := range a.low {
		a.low[i] = -1
	}
	a.other = map[rune]float32{}
}

// of is the width of r.
func (a *advances) of(r rune) float32 {
	switch r {
	case '\t':
		return tabSpaces * a.of(' ')
	case '\r':
		return 0
	}
	if r >= 0 && int(r) < len(a.low) {
		if w := a.low[r]; w >= 0 {
			return w
		}
		w := a.measure(string(r))
		a.low[r] = w
		return w
	}
	if w, ok := a.other[r]; ok {
		return w
	}
	w := a.measure(string(r))
	a.other[r] = w
	return w
}

// measure is the drawn width of s, kerning included.
func (a *advances) measure(s string) float32 {
	if s == "" {
		return 0
	}
	return fyne.MeasureText(display(s), a.size, fyne.TextStyle{}).Width
}

// display is s as drawn: tabs become spaces and carriage returns vanish. Each character maps
// to its own drawing, so the display of a prefix is the prefix of the display.
func display(s string) string {
	if !strings.ContainsAny(s, "\t\r") {
		return s
	}
	return strings.NewReplacer("\t", strings.Repeat(" ", tabSpaces), "\r", "").Replace(s)
}
