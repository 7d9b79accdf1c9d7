package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CleanName returns s fit to show as a name (a title, a model, a host, an error text on one
// line): the C0 and C1 control characters, DEL and the bidirectional controls (embeddings,
// overrides, isolates and marks, which can make a terminal or a label show text in another
// order than it is stored) are removed; tabs and line breaks (\t, \n, \r, \v, \f, U+0085,
// U+2028, U+2029) become one space each; invalid UTF-8 becomes U+FFFD. Everything printable is
// kept, in order. A string with nothing to clean is returned as is, without allocating.
func CleanName(s string) string {
	return clean(s, false)
}

// CleanText is CleanName for text on several lines (a report's body, a variant, a message):
// tabs and newlines are kept, a carriage return (alone or in \r\n) and the other line breaks
// (\v, \f, U+0085, U+2028, U+2029) become \n.
func CleanText(s string) string {
	return clean(s, true)
}

// clean removes what keep reports as unwanted, rewriting line breaks for text or names.
func clean(s string, text bool) string {
	if strings.IndexFunc(s, unclean) < 0 && utf8.ValidString(s) {
		return s
	}
	if text {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s { // invalid bytes arrive as utf8.RuneError, written as U+FFFD
		switch {
		case isBreak(r) && text:
			b.WriteByte('\n')
		case r == '\t' && text:
			b.WriteByte('\t')
		case isBreak(r) || r == '\t':
			b.WriteByte(' ')
		case unclean(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isBreak reports whether r ends a line.
func isBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// unclean reports whether r is a control character (C0, DEL, C1, which includes \t and \n), a
// bidirectional control, or a line or paragraph separator.
func unclean(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r)
}
