package analysis

import (
	"strings"
)

// Markdown blocks: each heading, list item, table row or paragraph bounds its sentences.

type lineKind int

const (
	linePlain lineKind = iota
	lineBlank
	lineSkip // horizontal rule, setext underline, table separator
	lineFence
	lineHeading
	lineItem
	lineRow
)

// eachBlock calls fn with the byte range of the text of every Markdown block of text.
func eachBlock(text string, fn func(start, end int)) {
	open, openQuoted, bs, be := false, false, 0, 0
	flush := func() {
		if open {
			fn(bs, be)
		}
		open = false
	}
	inFence := false
	for ls := 0; ls < len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		next := len(text)
		if le < 0 {
			le = len(text)
		} else {
			le += ls
			next = le + 1
		}
		kind, cs, ce, quoted := classify(ls, strings.TrimRight(text[ls:le], " \t\r"))
		switch {
		case inFence:
			inFence = kind != lineFence
		case kind == lineFence:
			flush()
			inFence = true
		case kind == lineBlank || kind == lineSkip:
			flush()
		case kind == lineHeading || kind == lineRow:
			flush()
			fn(cs, ce)
		case kind == lineItem || !open || (quoted && !openQuoted):
			flush()
			open, openQuoted, bs, be = true, quoted, cs, ce
		default: // a plain line continues the open block
			be = ce
		}
		ls = next
	}
	flush()
}

// classify returns the kind of line, which starts at offset ls and has no trailing space,
// where its content lies, and whether it is inside a block quote.
func classify(ls int, line string) (lineKind, int, int, bool) {
	i := indent(line)
	quoted := false
	for i < len(line) && line[i] == '>' {
		quoted = true
		i++
		i += indent(line[i:])
	}
	rest := line[i:]
	start, end := ls+i, ls+len(line)
	switch {
	case rest == "":
		return lineBlank, start, end, quoted
	case strings.HasPrefix(rest, "```") || strings.HasPrefix(rest, "~~~"):
		return lineFence, start, end, quoted
	case isRule(rest) || isTableSeparator(rest):
		return lineSkip, start, end, quoted
	case rest[0] == '|':
		inner := strings.TrimSuffix(rest[1:], "|")
		cs := start + 1 + indent(inner)
		return lineRow, cs, cs + len(strings.TrimSpace(inner)), quoted
	}
	if n, ok := heading(rest); ok {
		return lineHeading, start + n, start + n + len(headingText(rest[n:])), quoted
	}
	if n := listMarker(rest); n > 0 {
		return lineItem, start + n, end, quoted
	}
	return linePlain, start, end, quoted
}

// heading returns the length of an ATX heading marker ("## ") at the start of s.
func heading(s string) (int, bool) {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(s) && s[n] != ' ' && s[n] != '\t') {
		return 0, false
	}
	return n + indent(s[n:]), true
}

// headingText removes a heading's optional closing sequence of #.
func headingText(s string) string {
	t := strings.TrimRight(s, "#")
	if t == s || t == "" || t[len(t)-1] == ' ' || t[len(t)-1] == '\t' {
		return strings.TrimRight(t, " \t")
	}
	return s
}

func indent(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t"))
}

// isRule reports a horizontal rule or a setext underline: one of - * _ = repeated.
func isRule(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	return len(s) >= 2 && strings.Count(s, s[:1]) == len(s) && strings.Contains("-*_=", s[:1])
}

func isTableSeparator(s string) bool {
	return strings.Contains(s, "|") && strings.Contains(s, "-") && strings.Trim(s, "|:- \t") == ""
}

// listMarker returns the length of a list marker ("- ", "1. ", "2) ", "- [x] ") at s, or 0.
func listMarker(s string) int {
	n := bulletMarker(s)
	if n == 0 {
		n = orderedMarker(s)
	}
	if n == 0 {
		return 0
	}
	n += indent(s[n:])
	if t := s[n:]; len(t) >= 4 && t[0] == '[' && strings.IndexByte(" xX", t[1]) >= 0 && t[2] == ']' && t[3] == ' ' {
		n += 4 // a task list's check box
	}
	return n
}

// bulletMarker returns 2 for "- ", "* " or "+ " at s, or 0.
func bulletMarker(s string) int {
	if len(s) >= 2 && strings.IndexByte("-*+", s[0]) >= 0 && (s[1] == ' ' || s[1] == '\t') {
		return 2
	}
	return 0
}

// orderedMarker returns the length of "12. " or "12) " at s, or 0.
func orderedMarker(s string) int {
	d := 0
	for d < len(s) && d < 9 && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	if d == 0 || d+1 >= len(s) || (s[d] != '.' && s[d] != ')') || (s[d+1] != ' ' && s[d+1] != '\t') {
		return 0
	}
	return d + 2
}
