package export

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// placeholder stands for a character the embedded fonts cannot draw (an emoji, a
// mathematical letter outside the Basic Multilingual Plane, a private-use character).
const placeholder = '\uFFFD'

// The spaces that glue two words together: a line never breaks at them.
const (
	nbsp  = '\u00A0' // no-break space, before « : » in French and inside « guillemets »
	nnbsp = '\u202F' // narrow no-break space, before « ; ! ? » in French and in 1 250
)

// cleanText makes s safe to draw with the embedded fonts: it normalises to NFC, turns line
// and paragraph separators into newlines, drops control and format characters, maps the
// exotic spaces to ordinary or no-break ones, and replaces every character the fonts lack
// (any character outside the Basic Multilingual Plane among them, which would make fpdf
// panic) by a single placeholder per run.
func cleanText(s string, fs *fontSet) string {
	s = norm.NFC.String(strings.ReplaceAll(s, "\r\n", "\n"))
	var b strings.Builder
	b.Grow(len(s))
	lastPlaceholder := false
	for _, r := range s {
		out, keep := mapRune(r)
		if !keep {
			continue
		}
		if out != '\n' && !fs.has(out) {
			if alt, ok := fallbacks[out]; ok {
				b.WriteString(alt)
				lastPlaceholder = false
				continue
			}
			out = placeholder
		}
		if out == placeholder && lastPlaceholder {
			continue
		}
		lastPlaceholder = out == placeholder
		b.WriteRune(out)
	}
	return glueThousands(b.String())
}

// glueThousands turns the ordinary space between the groups of a number written the French way
// (« 480 000 », « 1 250 ») into a no-break space, so the number never breaks across lines.
func glueThousands(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	b := []byte(s)
	var out strings.Builder
	out.Grow(len(s) + 8)
	for i := 0; i < len(b); i++ {
		if b[i] == ' ' && i > 0 && isDigit(b[i-1]) && groupOfThree(b, i+1) {
			out.WriteString("\u00a0")
			continue
		}
		out.WriteByte(b[i])
	}
	return out.String()
}

// groupOfThree reports three digits at b[i:] not followed by another digit.
func groupOfThree(b []byte, i int) bool {
	if i+3 > len(b) || !isDigit(b[i]) || !isDigit(b[i+1]) || !isDigit(b[i+2]) {
		return false
	}
	return i+3 == len(b) || !isDigit(b[i+3])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// fallbacks spell in plain characters some signs people type in reports that the embedded
// fonts lack.
var fallbacks = map[rune]string{
	'→': "->", '←': "<-", '⇒': "=>", '↔': "<->", '≤': "<=", '≥': ">=", '≠': "=/=",
	'✓': "[x]", '✔': "[x]", '☑': "[x]", '☐': "[ ]", '✗': "x", '✘': "x",
	'●': "•", '▪': "•", '■': "•", '◆': "•", '►': "•", '▶': "•", '★': "*", '☆': "*",
}

// cleanLine is cleanText for a one-line field: newlines become spaces and runs of spaces
// are collapsed.
func cleanLine(s string, fs *fontSet) string {
	return strings.Join(strings.Fields(cleanText(s, fs)), " ")
}

// mapRune returns what r becomes in a document, and false when it is dropped.
func mapRune(r rune) (rune, bool) {
	switch {
	case r == '\n':
		return r, true
	case r == '\t':
		return ' ', true
	case r == '\r' || r == '\u2028' || r == '\u2029':
		return '\n', true
	case r == '\u2009': // thin space, used by some before « ; ! ? »: keep it glued
		return nnbsp, true
	case r == '\u2007' || r == '\u2060': // figure space, word joiner
		return nbsp, true
	case r == ' ' || r == nbsp || r == nnbsp:
		return r, true
	case unicode.Is(unicode.Zs, r):
		return ' ', true
	case unicode.IsControl(r), unicode.Is(unicode.Cf, r), isEmojiModifier(r):
		return 0, false
	}
	return r, true
}

// isEmojiModifier reports whether r only changes the look of the emoji before it (variation
// selectors, skin tones, tag characters): it is dropped with that emoji.
func isEmojiModifier(r rune) bool {
	return (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0x1F3FB && r <= 0x1F3FF) ||
		(r >= 0xE0000 && r <= 0xE007F) || (r >= 0xE0100 && r <= 0xE01EF)
}
