package export

import (
	"fmt"
	"strings"

	"github.com/rapporteur/rapporteur/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
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

// markdownReader is the package's one Markdown reader: CommonMark with GitHub's tables,
// strikethrough, task lists and bare links. It keeps no state between texts.
var markdownReader = goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()

// readMarkdown parses src into goldmark's tree; the report sets it with its styles, and
// parseMarkdown flattens it into the plain blocks of the columns.
func readMarkdown(src []byte) ast.Node {
	return markdownReader.Parse(text.NewReader(src))
}

// parseMarkdown reads a Markdown text (see readMarkdown) as plain blocks: headings,
// paragraphs, list items (with their depth and marker), quotes and code lines; inline
// markers (emphasis, code, links) are removed, and so is the inline HTML of converted reports
// (see model.InlineHTML). A link keeps its address after its text when they differ; a table
// gives one line a row, its cells apart.
func parseMarkdown(src string) []block {
	b := []byte(model.InlineHTML(src))
	f := flattener{src: b}
	f.blocks(readMarkdown(b), flatCtx{})
	return f.out
}

// flattener collects the blocks of a Markdown tree.
type flattener struct {
	src []byte
	out []block
}

// flatCtx is what the blocks being read are inside: a quote, lists.
type flatCtx struct {
	quote bool
	depth int // list nesting depth of the next list
}

// add appends b unless it has no text (an item keeps its marker even empty).
func (f *flattener) add(b block) {
	b.text = strings.TrimSpace(b.text)
	if b.text != "" || b.kind == blockItem {
		f.out = append(f.out, b)
	}
}

// blocks flattens the children of n.
func (f *flattener) blocks(n ast.Node, ctx flatCtx) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		f.block(c, ctx)
	}
}

func (f *flattener) block(n ast.Node, ctx flatCtx) {
	kind := blockParagraph
	if ctx.quote {
		kind = blockQuote
	}
	switch n := n.(type) {
	case *ast.Heading:
		if !ctx.quote {
			f.add(block{kind: blockHeading, level: n.Level, text: plainInline(n, f.src)})
			return
		}
		f.add(block{kind: kind, text: plainInline(n, f.src)})
	case *ast.Paragraph, *ast.TextBlock:
		f.add(block{kind: kind, text: plainInline(n, f.src)})
	case *ast.List:
		f.list(n, ctx)
	case *ast.Blockquote:
		ctx.quote = true
		f.blocks(n, ctx)
	case *ast.FencedCodeBlock:
		for _, line := range rawLines(n, f.src) {
			f.out = append(f.out, block{kind: blockCode, text: line, tight: true})
		}
	case *ast.CodeBlock, *ast.HTMLBlock:
		f.add(block{kind: kind, text: strings.Join(trimAll(rawLines(n, f.src)), " ")})
	case *east.Table:
		f.table(n, kind)
	case *ast.ThematicBreak:
	default:
		f.blocks(n, ctx)
	}
}

// list adds the items of a list: each one's first paragraph is the item's text, what
// follows it comes after it as blocks of their own, and nested lists one level deeper.
func (f *flattener) list(n *ast.List, ctx flatCtx) {
	num := n.Start
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "•"
		if n.IsOrdered() {
			marker = fmt.Sprintf("%d.", num)
			num++
		}
		b := block{kind: blockItem, level: min(ctx.depth, 3), marker: marker}
		blank := item.HasBlankPreviousLines() || item == n.FirstChild() && n.HasBlankPreviousLines()
		b.tight = !blank && f.afterItem(ctx.quote)
		c := item.FirstChild()
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			b.text = plainInline(c, f.src)
			c = c.NextSibling()
		}
		if ctx.quote { // a quote stays one quote: its items are quoted lines with their marker
			b.kind, b.marker, b.text = blockQuote, "", marker+" "+b.text
		}
		f.add(b)
		inner := flatCtx{quote: ctx.quote, depth: ctx.depth + 1}
		for ; c != nil; c = c.NextSibling() {
			f.block(c, inner)
		}
	}
}

// afterItem reports whether the last block is a list item, or a quoted line when inQuote.
func (f *flattener) afterItem(inQuote bool) bool {
	if len(f.out) == 0 {
		return false
	}
	k := f.out[len(f.out)-1].kind
	return k == blockItem || inQuote && k == blockQuote
}

// table adds one block a row, its cells apart.
func (f *flattener) table(t *east.Table, kind blockKind) {
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, plainInline(c, f.src))
		}
		f.add(block{kind: kind, text: strings.Join(cells, " · "), tight: r != t.FirstChild()})
	}
}

// rawLines are the lines of a block as written, without their line ends.
func rawLines(n ast.Node, src []byte) []string {
	segs := n.Lines()
	lines := make([]string, segs.Len())
	for i := range lines {
		seg := segs.At(i)
		lines[i] = strings.TrimRight(string(seg.Value(src)), "\r\n")
	}
	return lines
}

func trimAll(ss []string) []string {
	for i, s := range ss {
		ss[i] = strings.TrimSpace(s)
	}
	return ss
}

// plainInline is the text of n's inline content, without its markers: line breaks become
// spaces, a link's address follows its text when it differs, an image gives its description.
func plainInline(n ast.Node, src []byte) string {
	var b strings.Builder
	writeInline(&b, n, src, false)
	return b.String()
}

// writeInline writes the plain text of n's children to b; code is true inside a code span.
func writeInline(b *strings.Builder, n ast.Node, src []byte, code bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.WriteString(unescape(c.Segment.Value(src), code || c.IsRaw()))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				b.Write(seg.Value(src))
			}
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.Link:
			writeLink(b, c, src, code)
		case *east.TaskCheckBox:
			b.WriteString(map[bool]string{true: "[x] ", false: "[ ] "}[c.IsChecked])
		case *ast.CodeSpan:
			writeInline(b, c, src, true)
		default:
			writeInline(b, c, src, code)
		}
	}
}

// writeLink writes a link's text, then its address in brackets when it differs.
func writeLink(b *strings.Builder, l *ast.Link, src []byte, code bool) {
	start := b.Len()
	writeInline(b, l, src, code)
	if dest := string(l.Destination); dest != "" && dest != b.String()[start:] {
		b.WriteString(" (" + dest + ")")
	}
}

// unescape resolves the backslash escapes of Markdown text; code keeps them.
func unescape(raw []byte, code bool) string {
	if code {
		return string(raw)
	}
	return string(util.UnescapePunctuations(raw))
}
