package model

import (
	"html"
	"regexp"
	"strings"
)

// htmlTagRE is an HTML tag or comment: « <b> », « </span> », « <br/> », « <span style="…"> »,
// « <o:p> » from pasted Word text, « <!-- … --> ».
var htmlTagRE = regexp.MustCompile(`^(?:<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*(?::[A-Za-z]+)?)(?:\s[^<>]*)?/?>)`)

// htmlEntityRE is a character reference: « &nbsp; », « &#233; », « &#xE9; ».
var htmlEntityRE = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// htmlMarks maps the tags that have a Markdown counterpart to it.
var htmlMarks = map[string]string{
	"b": "**", "strong": "**", "i": "*", "em": "*", "cite": "*", "var": "*",
	"s": "~~", "del": "~~", "strike": "~~",
}

// htmlStripped lists the tags removed, their content kept: a word in angle brackets that is
// not one of them (« <Nom> », « <https://…> ») is left as it is.
var htmlStripped = map[string]bool{
	"u": true, "ins": true, "span": true, "font": true, "sup": true, "sub": true, "small": true,
	"big": true, "mark": true, "a": true, "abbr": true, "p": true, "div": true, "center": true,
	"tt": true, "kbd": true, "samp": true, "o:p": true, "wbr": true, "nobr": true, "section": true,
	"article": true, "header": true, "footer": true, "blockquote": true, "q": true, "dfn": true,
}

// InlineHTML returns markdown with the inline HTML that converted reports often carry turned
// into Markdown: <b> and <strong> become bold, <i> and <em> italics, <s> and <del> struck
// text, <br> a hard line break (a space in a heading or a table row); <u>, <sup>, <span>,
// <font>, <a> and similar tags are removed and their text kept; character references
// (« &nbsp; », « &#233; ») become the characters they stand for. Code spans and fenced or
// indented code blocks are left untouched, and so is anything that is not a known tag, such as
// « a < b » or an autolink « <https://example.org> ».
func InlineHTML(markdown string) string {
	if !strings.ContainsAny(markdown, "<&") {
		return markdown
	}
	lines := strings.Split(markdown, "\n")
	var b strings.Builder
	b.Grow(len(markdown))
	c := codeTracker{}
	for i, line := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		if c.isCode(line) {
			b.WriteString(line)
			continue
		}
		b.WriteString(htmlLine(line))
	}
	return b.String()
}

// codeTracker follows fenced and indented code blocks from line to line.
type codeTracker struct {
	fence      string // the opening fence while inside a fenced block
	prevBlank  bool   // the line before was blank (or there was none)
	inIndented bool   // inside an indented code block
	inItem     bool   // the last paragraph was a list item, whose continuation is indented
}

var listItemRE = regexp.MustCompile(`^ {0,3}([-*+]|\d{1,9}[.)])( |$)`)

// isCode reports whether line belongs to a code block, and follows the state.
func (c *codeTracker) isCode(line string) bool {
	trimmed := strings.TrimSpace(line)
	if c.fence != "" {
		if strings.HasPrefix(trimmed, c.fence) {
			c.fence = ""
		}
		return true
	}
	if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
		c.fence = trimmed[:3]
		return true
	}
	blank := trimmed == ""
	indented := strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t")
	switch {
	case blank:
	case indented && (c.inIndented || c.prevBlank && !c.inItem):
		c.inIndented = true
	default:
		c.inIndented = false
		if !indented {
			c.inItem = listItemRE.MatchString(line)
		}
	}
	c.prevBlank = blank
	return c.inIndented
}

// htmlLine converts the inline HTML of one line outside code spans.
func htmlLine(line string) string {
	if !strings.ContainsAny(line, "<&") {
		return line
	}
	w := htmlWriter{line: line, flat: isFlatLine(line), pending: map[string][]int{}}
	for i := 0; i < len(line); {
		i = w.step(i)
	}
	return strings.TrimRight(string(w.out), " ") + w.trailing()
}

// isFlatLine reports whether a line cannot hold a line break: a heading or a table row.
func isFlatLine(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "#") || strings.HasPrefix(t, "|")
}

// htmlWriter converts one line.
type htmlWriter struct {
	line    string
	out     []byte
	flat    bool             // <br> becomes a space
	pending map[string][]int // where each open mark was written in out, innermost last
	brEnd   bool             // the line ended with a <br>
}

// trailing is what ends the converted line: two spaces for a hard break before the next line.
func (w *htmlWriter) trailing() string {
	if w.brEnd && !w.flat {
		return "  "
	}
	return ""
}

// step converts what starts at byte i and returns where to continue.
func (w *htmlWriter) step(i int) int {
	switch w.line[i] {
	case '`':
		return w.codeSpan(i)
	case '\\':
		end := min(i+2, len(w.line))
		w.out = append(w.out, w.line[i:end]...)
		return end
	case '<':
		if m := htmlTagRE.FindStringSubmatch(w.line[i:]); m != nil && w.tag(i+len(m[0]), m[1] == "/", strings.ToLower(m[2]), m[0]) {
			return w.skipSpacesAfterBreak(i+len(m[0]), m[2])
		}
	case '&':
		if m := htmlEntityRE.FindString(w.line[i:]); m != "" {
			w.entity(m)
			return i + len(m)
		}
	}
	w.out = append(w.out, w.line[i])
	return i + 1
}

// codeSpan copies a code span as it is, from its opening backticks to the closing run of as
// many; backticks that close nothing are copied as they are.
func (w *htmlWriter) codeSpan(i int) int {
	n := len(w.line[i:]) - len(strings.TrimLeft(w.line[i:], "`"))
	for j := i + n; j < len(w.line); {
		k := strings.IndexByte(w.line[j:], '`')
		if k < 0 {
			break
		}
		run := len(w.line[j+k:]) - len(strings.TrimLeft(w.line[j+k:], "`"))
		if run == n {
			end := j + k + run
			w.out = append(w.out, w.line[i:end]...)
			return end
		}
		j += k + run
	}
	w.out = append(w.out, w.line[i:i+n]...)
	return i + n
}

// skipSpacesAfterBreak skips the spaces after a <br>, which would indent the next line.
func (w *htmlWriter) skipSpacesAfterBreak(i int, name string) int {
	if !strings.EqualFold(name, "br") {
		return i
	}
	for i < len(w.line) && w.line[i] == ' ' {
		i++
	}
	if i == len(w.line) && !w.flat {
		w.brEnd = true
		w.out = []byte(strings.TrimRight(strings.TrimSuffix(string(w.out), "  \n"), " "))
	}
	return i
}

// tag converts a tag that ends at byte end, and reports whether it was one to convert.
func (w *htmlWriter) tag(end int, closing bool, name, raw string) bool {
	switch {
	case strings.HasPrefix(raw, "<!--"):
		return true
	case name == "br":
		w.lineBreak()
		return true
	case htmlMarks[name] != "":
		w.mark(end, closing, name)
		return true
	}
	return htmlStripped[name]
}

// lineBreak writes a hard line break, or a space where a line cannot break.
func (w *htmlWriter) lineBreak() {
	trimmed := strings.TrimRight(string(w.out), " ")
	if w.flat {
		w.out = append([]byte(trimmed), ' ')
		return
	}
	w.out = append([]byte(trimmed), "  \n"...)
}

// mark writes the Markdown mark of a tag, keeping spaces outside it so that it still counts
// as emphasis (« <b>mot </b>suite » gives « **mot** suite »). An opening tag with no closing
// one after it, a closing one with nothing open, and an empty pair are dropped.
func (w *htmlWriter) mark(end int, closing bool, name string) {
	md := htmlMarks[name]
	if !closing {
		if !hasClosing(w.line[end:], md) {
			return
		}
		w.pending[md] = append(w.pending[md], len(w.out))
		w.out = append(w.out, md...)
		return
	}
	if len(w.pending[md]) == 0 {
		return
	}
	stack := w.pending[md]
	at := stack[len(stack)-1]
	w.pending[md] = stack[:len(stack)-1]
	inner := string(w.out[at+len(md):])
	text := strings.TrimSpace(inner)
	if text == "" {
		w.out = append(w.out[:at], inner...) // an empty pair
		return
	}
	lead := inner[:strings.Index(inner, text)]
	trail := inner[len(lead)+len(text):]
	w.out = append(w.out[:at], lead+md+text+md+trail...)
}

// hasClosing reports whether rest holds a closing tag of the mark md.
func hasClosing(rest, md string) bool {
	for _, m := range anyTagRE.FindAllStringSubmatch(rest, -1) {
		if m[1] == "/" && htmlMarks[strings.ToLower(m[2])] == md {
			return true
		}
	}
	return false
}

// anyTagRE finds tags anywhere in a text (htmlTagRE is anchored).
var anyTagRE = regexp.MustCompile(`<(/?)([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>`)

// entity writes the character a reference stands for, escaped when it is a Markdown mark; an
// unknown reference is kept as it is.
func (w *htmlWriter) entity(ref string) {
	s := html.UnescapeString(ref)
	switch {
	case s == ref:
	case s == "\u00a0" || len(s) > 1 || !strings.ContainsAny(s, "\\`*_{}[]()<>#+-.!|&~"):
	default:
		s = `\` + s
	}
	w.out = append(w.out, s...)
}

// HTMLMarkupLen returns the length in bytes of the HTML that s starts with and that InlineHTML
// converts — a known tag (« <br/> », « </u> », « <span style="…"> »), a comment or a character
// reference (« &nbsp; ») — or 0: « < b » and « <Nom> » are text. Word counts skip it.
func HTMLMarkupLen(s string) int {
	if s == "" || s[0] != '<' && s[0] != '&' {
		return 0
	}
	if s[0] == '&' {
		return len(htmlEntityRE.FindString(s))
	}
	m := htmlTagRE.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	name := strings.ToLower(m[2])
	if strings.HasPrefix(m[0], "<!--") || name == "br" || htmlMarks[name] != "" || htmlStripped[name] {
		return len(m[0])
	}
	return 0
}
