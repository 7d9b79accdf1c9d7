package export

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

// blockKind is what a block of text is: how it is set and indented.
type blockKind int

const (
	blockParagraph blockKind = iota
	blockHeading
	blockItem  // a bullet or numbered list item, with its marker
	blockQuote // a quoted paragraph, set in italics and indented
	blockCode  // one line of a fenced code block, kept as it is
	blockNote  // a remark of the document itself (an error, an empty text), in italics
)

// block is one unit of a column's text: a heading, a paragraph, a list item…
type block struct {
	kind   blockKind
	level  int    // heading level from 1, or list nesting depth from 0
	marker string // "•" or "3." for a list item
	text   string // the text with Markdown markers removed and lines joined
	tight  bool   // no blank line before it (a list item after another, a code line)
	plain  bool   // the document's own words, never marked as a variant's (facts lost)
}

// parseMarkdown splits a Markdown text into blocks, simply but properly: ATX and setext
// headings, paragraphs, bullet and numbered items (nested by indentation), quotes and
// fenced code; inline markers (emphasis, code, links) are removed, and so is the inline HTML
// of converted reports (see model.InlineHTML).
func parseMarkdown(src string) []block {
	p := mdParser{}
	for line := range strings.SplitSeq(model.InlineHTML(src), "\n") {
		p.line(line)
	}
	p.flush()
	return p.blocks
}

// mdParser holds the state of parseMarkdown between lines.
type mdParser struct {
	blocks []block
	cur    *block   // the paragraph, quote or item being continued
	lines  []string // lines of cur
	fence  string   // the opening fence while inside a code block
	blank  bool     // a blank line came since the last block
}

var (
	itemRE    = regexp.MustCompile(`^( *)([-*+]|\d{1,9}[.)])(?: +|$)(.*)$`)
	headingRE = regexp.MustCompile(`^ {0,3}(#{1,6})(?: +(.*?))?(?: +#+)? *$`)
	ruleRE    = regexp.MustCompile(`^ {0,3}((\* *){3,}|(- *){3,}|(_ *){3,})$`)
	setextRE  = regexp.MustCompile(`^ {0,3}(=+|-+) *$`)
)

func (p *mdParser) line(line string) {
	if p.fence != "" || isFence(line) {
		p.code(line)
		return
	}
	trimmed := strings.TrimSpace(line)
	switch {
	case trimmed == "":
		p.flush()
		p.blank = true
	case p.cur != nil && p.cur.kind == blockParagraph && setextRE.MatchString(line):
		p.cur.kind, p.cur.level = blockHeading, 1
		if strings.Contains(line, "-") {
			p.cur.level = 2
		}
		p.flush()
	case ruleRE.MatchString(line):
		p.flush()
	case headingRE.MatchString(line):
		m := headingRE.FindStringSubmatch(line)
		p.flush()
		p.add(block{kind: blockHeading, level: len(m[1])}, m[2])
		p.flush()
	case strings.HasPrefix(trimmed, ">"):
		p.quote(trimmed)
	case itemRE.MatchString(line):
		p.item(itemRE.FindStringSubmatch(line))
	default:
		p.continueWith(trimmed)
	}
}

// add starts a new block with its first line of text.
func (p *mdParser) add(b block, text string) {
	p.flush()
	b.tight = b.tight || !p.blank && len(p.blocks) > 0 && b.kind == blockItem &&
		p.blocks[len(p.blocks)-1].kind == blockItem
	p.blank = false
	p.cur = &b
	p.lines = append(p.lines[:0], text)
}

func (p *mdParser) continueWith(text string) {
	if p.cur == nil || p.cur.kind == blockHeading {
		p.add(block{kind: blockParagraph}, text)
		return
	}
	p.lines = append(p.lines, text)
}

func (p *mdParser) quote(trimmed string) {
	text := strings.TrimSpace(strings.TrimLeft(trimmed, "> "))
	if p.cur != nil && p.cur.kind == blockQuote {
		p.lines = append(p.lines, text)
		return
	}
	p.add(block{kind: blockQuote}, text)
}

func (p *mdParser) item(m []string) {
	marker := m[2]
	if marker == "-" || marker == "*" || marker == "+" {
		marker = "•"
	} else {
		marker = strings.TrimSuffix(strings.TrimSuffix(marker, "."), ")") + "."
	}
	p.add(block{kind: blockItem, level: min(len(m[1])/2, 3), marker: marker}, m[3])
}

func (p *mdParser) code(line string) {
	if p.fence == "" {
		p.flush()
		p.fence = strings.TrimSpace(line)[:3]
		p.blank = false
		return
	}
	if strings.HasPrefix(strings.TrimSpace(line), p.fence) {
		p.fence = ""
		return
	}
	p.blocks = append(p.blocks, block{kind: blockCode, text: line, tight: true})
}

// flush closes the block being continued.
func (p *mdParser) flush() {
	if p.cur == nil {
		return
	}
	b := *p.cur
	b.text = stripInline(strings.Join(p.lines, " "))
	if b.text != "" || b.kind == blockItem {
		p.blocks = append(p.blocks, b)
	}
	p.cur, p.lines = nil, p.lines[:0]
}

func isFence(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")
}

const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

var linkRE = regexp.MustCompile(`(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)`)

// stripInline removes inline Markdown: emphasis and strike markers, code ticks, link syntax
// (keeping the text and, when it differs, the address), backslash escapes.
func stripInline(s string) string {
	s = stripLinks(s)
	if !strings.ContainsAny(s, "*_`~\\<") {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := ' '
	for i := 0; i < len(s); {
		n, out := inlineStep(s, i, prev)
		if out != "" {
			b.WriteString(out)
			prev, _ = utf8.DecodeLastRuneInString(out)
		}
		i += n
	}
	return strings.TrimSpace(b.String())
}

// stripLinks replaces Markdown links and images by their text, followed by the address in
// brackets when it differs from the text.
func stripLinks(s string) string {
	if !strings.Contains(s, "](") {
		return s
	}
	return linkRE.ReplaceAllStringFunc(s, func(m string) string {
		g := linkRE.FindStringSubmatch(m)
		if g[1] == "!" || g[3] == "" || g[2] == g[3] {
			return g[2]
		}
		return g[2] + " (" + g[3] + ")"
	})
}

// inlineStep reads the character at byte i of s, after prev, and returns how many bytes it
// consumed and what to write in their place.
func inlineStep(s string, i int, prev rune) (int, string) {
	r, n := utf8.DecodeRuneInString(s[i:])
	next, nn := utf8.DecodeRuneInString(s[i+n:])
	switch {
	case r == '\\' && nn > 0 && strings.ContainsRune(asciiPunct, next):
		return n + nn, string(next) // an escaped mark is kept as it is
	case r == '`':
		return n, ""
	case next == r && strings.ContainsRune("*_~", r):
		return n + nn, "" // strong emphasis or strike-through
	case strings.ContainsRune("*_", r) && isEmphasis(prev, next):
		return n, ""
	case r == '<' && strings.HasPrefix(s[i+n:], "http"):
		if end := strings.IndexByte(s[i:], '>'); end > 0 {
			return end + 1, s[i+n : i+end] // an autolink
		}
	}
	return n, s[i : i+n]
}

// isEmphasis reports whether a single * or _ between prev and next is an emphasis marker:
// it touches a word on one side only (so "2 * 3", "snake_case" and "a*b" keep theirs).
func isEmphasis(prev, next rune) bool {
	prevSpace := prev == utf8.RuneError || unicode.IsSpace(prev) || unicode.IsPunct(prev)
	nextSpace := next == utf8.RuneError || unicode.IsSpace(next) || unicode.IsPunct(next)
	return prevSpace != nextSpace
}
