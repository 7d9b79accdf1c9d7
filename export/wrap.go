package export

import (
	"strings"
	"unicode/utf8"
)

// style is a face ("", "B" or "I") of the embedded family at a size in points.
type style struct {
	face string
	size float64
}

// measurer gives the width of a string set in a style, in the document's unit (mm).
type measurer interface {
	width(st style, s string) float64
}

// wrapText breaks text into lines no wider than avail. It breaks only at ordinary spaces,
// and after a hyphen inside a compound word when that helps; the no-break spaces (U+00A0,
// U+202F) glue the words around them, and so do ordinary spaces before « : ; ! ? » % » and
// after « « », so that no line starts with a closing mark. A word wider than a line is cut
// wherever it must be.
func wrapText(m measurer, st style, text string, avail float64) []string {
	units := glueUnits(strings.Split(text, " "))
	if len(units) == 0 {
		return nil
	}
	w := lineWrapper{m: m, st: st, avail: avail, space: m.width(st, " ")}
	for _, u := range units {
		w.add(u)
	}
	w.flush()
	return w.lines
}

// glueUnits drops empty words and joins to its neighbour a word that must not start or end
// a line.
func glueUnits(words []string) []string {
	units := words[:0:0]
	for _, word := range words {
		if word == "" {
			continue
		}
		if n := len(units); n > 0 && (startsClosing(word) || strings.HasSuffix(units[n-1], "«")) {
			units[n-1] += " " + word
			continue
		}
		units = append(units, word)
	}
	return units
}

// startsClosing reports whether a word begins with a mark French sets after a space but
// that must never begin a line.
func startsClosing(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	switch r {
	case ':', ';', '!', '?', '»', '%', '€', nbsp, nnbsp:
		return true
	}
	return false
}

// lineWrapper fills lines greedily, one unit (a word and its glue) at a time.
type lineWrapper struct {
	m      measurer
	st     style
	avail  float64
	space  float64
	lines  []string
	cur    strings.Builder
	curW   float64
	hasCur bool
}

func (w *lineWrapper) add(unit string) {
	uw := w.m.width(w.st, unit)
	switch {
	case w.hasCur && w.curW+w.space+uw <= w.avail:
		w.cur.WriteByte(' ')
		w.cur.WriteString(unit)
		w.curW += w.space + uw
	case w.hasCur && w.splitAtHyphen(unit):
	case uw <= w.avail:
		w.flush()
		w.start(unit, uw)
	default:
		w.flush()
		if !w.splitAtHyphen(unit) {
			w.hardBreak(unit)
		}
	}
}

// splitAtHyphen puts on the current line the longest part of a compound word, up to one of
// its hyphens, that fits; the rest starts the next line. It reports whether it did.
func (w *lineWrapper) splitAtHyphen(unit string) bool {
	room := w.avail
	if w.hasCur {
		room -= w.curW + w.space
	}
	best := -1
	for i := 1; i < len(unit)-1; i++ {
		if unit[i] != '-' || !isLetterByte(unit[i-1]) || !isLetterByte(unit[i+1]) {
			continue
		}
		if w.m.width(w.st, unit[:i+1]) > room {
			break
		}
		best = i + 1
	}
	if best < 0 {
		return false
	}
	if w.hasCur {
		w.cur.WriteByte(' ')
	}
	w.cur.WriteString(unit[:best])
	w.hasCur = true
	w.flush()
	w.add(unit[best:])
	return true
}

// isLetterByte reports whether b can end or begin a letter: an ASCII letter or a byte of a
// multi-byte character (accented letters).
func isLetterByte(b byte) bool {
	return b >= 0x80 || (b|0x20 >= 'a' && b|0x20 <= 'z')
}

// hardBreak cuts a word wider than a line into pieces that fit; the last piece starts the
// next line. A piece never begins with a mark that must not open a line: the cut moves
// back a character or two instead.
func (w *lineWrapper) hardBreak(unit string) {
	start, width := 0, 0.0
	var widths []float64 // of each character since start, to move a cut back
	var offsets []int    // and where each begins in unit
	for i, r := range unit {
		rw := w.m.width(w.st, string(r))
		if width+rw > w.avail && i > start {
			cut := backOff(unit, offsets, i)
			w.lines = append(w.lines, unit[start:cut])
			k := len(offsets)
			for k > 0 && offsets[k-1] >= cut {
				k--
			}
			width = 0
			for _, cw := range widths[k:] {
				width += cw
			}
			start = cut
			widths = append(widths[:0], widths[k:]...)
			offsets = append(offsets[:0], offsets[k:]...)
		}
		width += rw
		widths = append(widths, rw)
		offsets = append(offsets, i)
	}
	w.start(unit[start:], width)
}

// backOff moves a cut at byte i of unit back while the character there must not begin a
// line, keeping at least one character (whose offsets are given) before it.
func backOff(unit string, offsets []int, i int) int {
	cut := i
	for k := len(offsets) - 1; k > 0; k-- {
		r, _ := utf8.DecodeRuneInString(unit[cut:])
		if !startsClosing(string(r)) && r != ' ' {
			return cut
		}
		cut = offsets[k]
	}
	return i
}

func (w *lineWrapper) start(unit string, uw float64) {
	w.cur.WriteString(unit)
	w.curW, w.hasCur = uw, true
}

func (w *lineWrapper) flush() {
	if !w.hasCur {
		return
	}
	w.lines = append(w.lines, w.cur.String())
	w.cur.Reset()
	w.curW, w.hasCur = 0, false
}
