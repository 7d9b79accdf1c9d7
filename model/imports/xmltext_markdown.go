package imports

import (
	"strconv"
	"strings"

	"github.com/rapporteur/rapporteur/model"
)

// maxOutput bounds the Markdown a document reader writes, in bytes: enough for a body of
// model.MaxBodyLen characters of up to four bytes each, with room for markup. Past it the
// writer drops text and the import fails with CodeTooLarge.
const maxOutput = 4*model.MaxBodyLen + 1<<20

// maxSpaces bounds the spaces one ODF <text:s text:c="…"/> element may add.
const maxSpaces = 1000

// emphasis is a set of inline styles.
type emphasis uint8

const (
	bold emphasis = 1 << iota
	italic
)

// markers returns the Markdown delimiters for e.
func (e emphasis) markers() string {
	switch e {
	case bold:
		return "**"
	case italic:
		return "*"
	case bold | italic:
		return "***"
	}
	return ""
}

// blockKind is what a paragraph becomes in Markdown.
type blockKind int

const (
	blockPara     blockKind = iota
	blockTitle              // the document title, written as a level-one heading
	blockHeading            // a heading of block.level (1 to 6)
	blockItem               // a list item at nesting block.level (0 is the outermost)
	blockItemMore           // a further paragraph of the list item before it
	blockDropped            // a paragraph left out, such as an entry of a table of contents
)

// block describes a finished paragraph.
type block struct {
	kind    blockKind
	level   int
	ordered bool
}

// mdWriter builds the Markdown body of a document from its paragraphs, runs and tables.
type mdWriter struct {
	out   strings.Builder
	size  int  // bytes taken in, bounded by maxOutput
	full  bool // maxOutput was reached and text dropped
	line  strings.Builder
	plain strings.Builder // the paragraph's text without markup, for the title
	seg   strings.Builder // text of the current run of one emphasis
	segEm emphasis

	listLevel int   // level of the last list item, -1 after any other block
	counters  []int // item numbers of ordered lists, by level
	lastItem  bool  // the last block written was a list item

	tableDepth int
	rows       [][]string

	title, heading string
}

func newMDWriter() *mdWriter { return &mdWriter{listLevel: -1} }

// take counts n bytes against maxOutput and reports whether they may be written.
func (w *mdWriter) take(n int) bool {
	w.size += n
	if w.size > maxOutput {
		w.full = true
	}
	return !w.full
}

// text adds s to the current paragraph with emphasis em.
func (w *mdWriter) text(s string, em emphasis) {
	if s == "" || !w.take(len(s)) {
		return
	}
	if em != w.segEm {
		w.flushSeg()
		w.segEm = em
	}
	w.seg.WriteString(escapeInline(s))
	w.plain.WriteString(s)
}

// spaces adds n spaces (at most maxSpaces) to the current paragraph.
func (w *mdWriter) spaces(n int, em emphasis) { w.text(strings.Repeat(" ", min(n, maxSpaces)), em) }

// lineBreak adds a line break inside the current paragraph.
func (w *mdWriter) lineBreak() {
	if !w.take(1) {
		return
	}
	w.flushSeg()
	w.line.WriteByte('\n')
	w.plain.WriteByte(' ')
}

// flushSeg writes the current run to the line, its emphasis markers hugging the text: the
// spaces around it stay outside, where Markdown expects them.
func (w *mdWriter) flushSeg() {
	s := w.seg.String()
	w.seg.Reset()
	m := w.segEm.markers()
	core := strings.TrimSpace(s)
	if m == "" || core == "" {
		w.line.WriteString(s)
		return
	}
	start := strings.Index(s, core)
	w.line.WriteString(s[:start] + m + core + m + s[start+len(core):])
}

// endParagraph finishes the current paragraph as b. Empty paragraphs are dropped; inside a
// table the text goes to the current cell.
func (w *mdWriter) endParagraph(b block) {
	w.flushSeg()
	text, plain := w.line.String(), strings.TrimSpace(w.plain.String())
	w.line.Reset()
	w.plain.Reset()
	w.segEm = 0
	if w.tableDepth > 0 {
		w.cellText(text)
		return
	}
	if plain == "" || b.kind == blockDropped {
		return
	}
	switch b.kind {
	case blockTitle, blockHeading:
		w.writeHeading(b, strings.Join(strings.Fields(text), " "), plain)
	case blockItem, blockItemMore:
		w.writeItem(b, text)
	default:
		w.writeBlock(hardBreaks(strings.TrimSpace(text), ""), false)
	}
}

func (w *mdWriter) writeHeading(b block, text, plain string) {
	level := 1
	if b.kind == blockTitle {
		w.title = cmpOr(w.title, plain)
	} else {
		level = min(max(b.level, 1), 6)
		w.heading = cmpOr(w.heading, plain)
	}
	w.writeBlock(strings.Repeat("#", level)+" "+text, false)
}

// writeItem writes a list item, or the further paragraph of one, nested four spaces a level.
func (w *mdWriter) writeItem(b block, text string) {
	level := min(max(b.level, 0), w.listLevel+1) // a level cannot be skipped
	indent := strings.Repeat("    ", level)
	text = strings.TrimSpace(text)
	if b.kind == blockItemMore {
		w.writeBlock(indent+"  "+hardBreaks(text, indent+"  "), true)
		return
	}
	for len(w.counters) <= level {
		w.counters = append(w.counters, 0)
	}
	w.counters = w.counters[:level+1]
	marker := "- "
	if b.ordered {
		w.counters[level]++
		marker = strconv.Itoa(w.counters[level]) + ". "
	} else {
		w.counters[level] = 0
	}
	cont := strings.Repeat(" ", len(indent)+len(marker))
	w.writeBlock(indent+marker+hardBreaks(text, cont), true)
	w.listLevel = level
}

// writeBlock appends a block, after a blank line, or a single new line between list items.
func (w *mdWriter) writeBlock(s string, item bool) {
	if w.out.Len() > 0 {
		if item && w.lastItem {
			w.out.WriteString("\n")
		} else {
			w.out.WriteString("\n\n")
		}
	}
	w.out.WriteString(s)
	w.lastItem = item
	if !item {
		w.listLevel = -1
		w.counters = w.counters[:0]
	}
}

// hardBreaks turns the line breaks of a paragraph into Markdown hard breaks, indenting the
// lines that follow by indent. Each line is escaped so that none starts a heading or a list.
func hardBreaks(s, indent string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeLineStart(strings.TrimLeft(l, " \t"))
	}
	return strings.Join(lines, "\\\n"+indent)
}

// cmpOr returns a if it is not empty, else b.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

var inlineEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`")

// escapeInline escapes the characters that would make Markdown emphasis or code of text.
func escapeInline(s string) string { return inlineEscaper.Replace(s) }

// escapeLineStart escapes what would make a paragraph a heading, a list item or a quote.
func escapeLineStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '-', '+', '=':
		return `\` + s
	}
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
		return s[:digits] + `\` + s[digits:]
	}
	return s
}
