package imports

import (
	"bytes"
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
	code // inline code, written between backticks without escapes
)

// markers returns the Markdown delimiters for e's bold and italic.
func (e emphasis) markers() string {
	switch e &^ code {
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
	blockQuote              // a paragraph of a block quote
	blockDropped            // a paragraph left out, such as an entry of a table of contents
)

// block describes a finished paragraph.
type block struct {
	kind    blockKind
	level   int
	ordered bool
	// number is an ordered item's number as the document shows it, when hasNumber: the
	// first item of a list starting at 3 is number 3. Without it the writer counts from 1.
	number    int
	hasNumber bool
}

// mdWriter builds the Markdown body of a document from its paragraphs, runs and tables.
type mdWriter struct {
	out   strings.Builder
	size  int             // bytes taken in, bounded by maxOutput
	full  bool            // maxOutput was reached and text dropped
	line  bytes.Buffer    // the paragraph's Markdown, cut back when a link closes
	plain strings.Builder // the paragraph's text without markup: line breaks are newlines
	seg   strings.Builder // text of the current run of one emphasis
	segEm emphasis

	link mdLink // the hyperlink being read

	listLevel int       // level of the last list item, -1 after any other block
	counters  []listNum // item numbers of ordered lists, by level
	lastItem  bool      // the last block written was a list item
	lastQuote bool      // the last block written was a paragraph of a quote

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
	w.plain.WriteString(s)
	w.link.em = w.link.em || (w.link.open && em != 0)
	switch {
	case em&code != 0:
		s = strings.ReplaceAll(s, "\n", " ") // a code span is on one line
	case w.link.open:
		s = linkTextEscaper.Replace(s)
	default:
		s = escapeInline(s)
	}
	w.seg.WriteString(s)
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
	w.plain.WriteByte('\n')
}

// flushSeg writes the current run to the line, its emphasis markers hugging the text: the
// spaces around it stay outside, where Markdown expects them.
func (w *mdWriter) flushSeg() {
	s := w.seg.String()
	w.seg.Reset()
	if w.segEm&code == 0 && !w.link.open {
		s = bracketEscaper.Replace(s) // the text's brackets make no link
	}
	m := w.segEm.markers()
	core := strings.TrimSpace(s)
	if (m == "" && w.segEm&code == 0) || core == "" {
		w.line.WriteString(s)
		return
	}
	start := strings.Index(s, core)
	lead, trail := s[:start], s[start+len(core):]
	if w.segEm&code != 0 {
		core = codeSpan(core)
	}
	w.line.WriteString(lead + m + core + m + trail)
}

// codeSpan writes s as inline code, between more backticks than it holds in a row.
func codeSpan(s string) string {
	run, longest := 0, 0
	for i := range len(s) {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " " // one space each side is taken off again
	}
	return fence + s + fence
}

// endParagraph finishes the current paragraph as b. Empty paragraphs are dropped; inside a
// table the text goes to the current cell.
func (w *mdWriter) endParagraph(b block) {
	w.endLink()
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
	case blockQuote:
		w.writeQuote(strings.TrimSpace(text))
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

// maxListNumber is the largest number a Markdown list item may have (nine digits).
const maxListNumber = 999_999_999

// listNum is the numbering of the list open at one level.
type listNum struct {
	open bool // an ordered list is open at this level
	next int  // the number its next item takes
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
		w.counters = append(w.counters, listNum{})
	}
	w.counters = w.counters[:level+1]
	marker := "- "
	if b.ordered {
		n := w.itemNumber(level, b)
		marker = strconv.Itoa(n) + ". "
	} else {
		w.counters[level] = listNum{}
	}
	cont := strings.Repeat(" ", len(indent)+len(marker))
	w.writeBlock(indent+marker+hardBreaks(text, cont), true)
	w.listLevel = level
}

// itemNumber returns the number of an ordered item at level and counts it. A list that
// starts at another number than 1 after an item is set apart by a blank line: without it,
// Markdown reads its first line as text of the item before.
func (w *mdWriter) itemNumber(level int, b block) int {
	c := &w.counters[level]
	n := 1
	if c.open {
		n = c.next
	}
	if b.hasNumber {
		n = min(max(b.number, 0), maxListNumber)
	}
	if !c.open && n != 1 {
		w.lastItem = false
	}
	c.open, c.next = true, min(n+1, maxListNumber)
	return n
}

// writeQuote writes a paragraph of a block quote; the paragraphs of one quote follow one
// another in the same quote.
func (w *mdWriter) writeQuote(text string) {
	s := "> " + hardBreaks(text, "> ")
	if w.lastQuote {
		w.out.WriteString("\n>\n" + s)
		return
	}
	w.writeBlock(s, false)
	w.lastQuote = true
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
	w.lastItem, w.lastQuote = item, false
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

// bracketEscaper escapes the closing brackets of text that would make a link or a link
// reference definition of it: « [voir](ici) », « [note]: ».
var bracketEscaper = strings.NewReplacer("](", `\](`, "]:", `\]:`)

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
