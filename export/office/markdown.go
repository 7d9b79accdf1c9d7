package office

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/rapporteur/rapporteur/export"
)

// markdownReader reads CommonMark with GitHub's tables, strikethrough, task lists and bare
// links, as the PDF does. It keeps no state between texts.
var markdownReader = goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()

// reader turns one Markdown text into blocks.
type reader struct {
	d     *document
	src   []byte
	shift int // added to every heading's level: 1 under a heading of the document's own
}

// ctx is where the blocks being read are: in quotes, in a list item.
type ctx struct {
	quote  int
	inItem bool
	depth  int // the depth of the list item the blocks are in, or of the next list
}

// addMarkdown appends the blocks of md to d, its headings shift levels lower (at most 6),
// and reports whether it added any.
func (d *document) addMarkdown(md string, shift int) bool {
	src := []byte(clean(strings.ReplaceAll(md, "\t", "    ")))
	r := &reader{d: d, src: src, shift: shift}
	before := len(d.blocks)
	r.children(markdownReader.Parse(text.NewReader(src)), ctx{depth: 0})
	return len(d.blocks) > before
}

func (r *reader) children(n ast.Node, c ctx) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		r.block(ch, c)
	}
}

// block reads one block node.
func (r *reader) block(n ast.Node, c ctx) {
	switch n := n.(type) {
	case *ast.Heading:
		if c.quote > 0 || c.inItem {
			r.para(n, c)
			return
		}
		r.d.add(block{kind: kindHeading, level: min(n.Level+r.shift, 6), inlines: r.inlines(n)})
	case *ast.Paragraph, *ast.TextBlock:
		r.para(n, c)
	case *ast.List:
		r.list(n, c)
	case *ast.Blockquote:
		c.quote++
		r.children(n, c)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		r.code(n, c)
	case *ast.ThematicBreak:
		r.d.add(block{kind: kindRule})
	case *east.Table:
		r.table(n)
	default:
		r.children(n, c)
	}
}

// para adds a paragraph: a quote's, a list item's further one, or an ordinary one.
func (r *reader) para(n ast.Node, c ctx) {
	b := block{kind: kindPara, inlines: r.inlines(n), level: c.depth, inItem: c.inItem}
	switch {
	case c.quote > 0:
		b.kind = kindQuote
	case c.inItem:
		b.kind = kindItemMore
	}
	if len(b.inlines) > 0 {
		r.d.add(b)
	}
}

// list adds the items of a list: each item's first paragraph carries the list's marker; what
// follows it stays in the item, a nested list one level deeper.
func (r *reader) list(n *ast.List, c ctx) {
	depth := c.depth
	if c.inItem {
		depth++
	}
	r.d.lists++
	info := &listInfo{id: r.d.lists, ordered: n.IsOrdered(), start: max(n.Start, 0), depth: min(depth, 8)}
	if !info.ordered {
		info.start = 1
	}
	inner := ctx{quote: c.quote, inItem: true, depth: info.depth}
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		first := item.FirstChild()
		b := block{kind: kindItem, level: info.depth, list: info}
		switch first.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			b.inlines = r.inlines(first)
			first = first.NextSibling()
		}
		r.d.add(b)
		for ch := first; ch != nil; ch = ch.NextSibling() {
			r.block(ch, inner)
		}
	}
}

// code adds a code or raw HTML block as it is written, line by line.
func (r *reader) code(n ast.Node, c ctx) {
	lines := n.Lines()
	var ins []inline
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if i > 0 {
			ins = append(ins, inline{lineBreak: true})
		}
		ins = append(ins, inline{text: strings.TrimRight(string(seg.Value(r.src)), "\r\n"), code: true})
	}
	if len(ins) > 0 {
		r.d.add(block{kind: kindCode, inlines: ins, level: c.depth, inItem: c.inItem})
	}
}

// table adds a GitHub table; its first row is the header.
func (r *reader) table(t *east.Table) {
	tb := &table{}
	for _, a := range t.Alignments {
		tb.align = append(tb.align, map[east.Alignment]align{
			east.AlignLeft: alignLeft, east.AlignCenter: alignCenter, east.AlignRight: alignRight,
		}[a])
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]inline
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, r.inlines(cell))
		}
		tb.rows = append(tb.rows, cells)
	}
	if len(tb.rows) > 0 {
		r.d.add(block{kind: kindTable, table: tb})
	}
}

// look is the style inline text inherits from the nodes around it.
type look struct {
	bold, italic, code, strike bool
	link                       string
}

// inlines reads the inline content of n.
func (r *reader) inlines(n ast.Node) []inline {
	out := r.collect(n, look{}, nil)
	// a paragraph's text never starts or ends with a space or a break
	for len(out) > 0 && (out[len(out)-1].lineBreak || strings.TrimSpace(out[len(out)-1].text) == "" && !out[len(out)-1].tab) {
		out = out[:len(out)-1]
	}
	return out
}

func (r *reader) collect(n ast.Node, l look, out []inline) []inline {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = r.inline(c, l, out)
	}
	return out
}

// inline adds the runs of one inline node.
func (r *reader) inline(n ast.Node, l look, out []inline) []inline {
	switch n := n.(type) {
	case *ast.Text:
		out = addText(out, l, n.Segment.Value(r.src))
		if n.HardLineBreak() {
			return append(out, inline{lineBreak: true})
		}
		if n.SoftLineBreak() {
			return addText(out, l, []byte(" "))
		}
		return out
	case *ast.String:
		return addText(out, l, n.Value)
	case *ast.AutoLink:
		l.link = export.LinkTarget(autoLinkURL(n, r.src))
		return addText(out, l, n.Label(r.src))
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			out = addText(out, l, seg.Value(r.src))
		}
		return out
	case *east.TaskCheckBox:
		return addText(out, l, []byte(map[bool]string{true: "☒ ", false: "☐ "}[n.IsChecked]))
	}
	return r.collect(n, l.inside(n), out)
}

// inside is the look of the text inside n: emphasis, code, struck text and links add theirs.
func (l look) inside(n ast.Node) look {
	switch n := n.(type) {
	case *ast.Emphasis:
		l.bold = l.bold || n.Level >= 2
		l.italic = l.italic || n.Level == 1
	case *ast.CodeSpan:
		l.code = true
	case *east.Strikethrough:
		l.strike = true
	case *ast.Link:
		l.link = export.LinkTarget(string(n.Destination))
	}
	return l
}

// autoLinkURL is the target of a bare URL or e-mail address.
func autoLinkURL(n *ast.AutoLink, src []byte) string {
	url := string(n.URL(src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(url, "mailto:") {
		return "mailto:" + url
	}
	return url
}

// addText adds raw Markdown text in look l: escapes and entities resolved outside code,
// newlines made spaces. Runs of the same look are joined.
func addText(out []inline, l look, raw []byte) []inline {
	t := string(raw)
	if !l.code && strings.ContainsAny(t, `\&`) {
		t = string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(raw))))
	}
	t = strings.ReplaceAll(clean(t), "\n", " ")
	if t == "" {
		return out
	}
	in := inline{text: t, bold: l.bold, italic: l.italic, code: l.code, strike: l.strike, link: l.link}
	if k := len(out) - 1; k >= 0 && sameLook(out[k], in) {
		out[k].text += t
		return out
	}
	if len(out) == 0 {
		in.text = strings.TrimLeft(in.text, " ")
		if in.text == "" {
			return out
		}
	}
	return append(out, in)
}

// sameLook reports whether two runs look the same and may be joined.
func sameLook(a, b inline) bool {
	return !a.lineBreak && !a.tab && a.bold == b.bold && a.italic == b.italic && a.code == b.code &&
		a.strike == b.strike && a.link == b.link
}
