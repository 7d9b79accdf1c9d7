package export

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/rapporteur/rapporteur/model"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// The type of the report's text.
var (
	repBody  = style{"", 10}
	repCode  = style{"", 9}
	repHeads = [4]style{{"B", 15}, {"B", 12.5}, {"B", 11}, {"B", 10}}
	// space above and below a heading of each level, in millimetres
	repHeadBefore = [4]float64{7, 5.5, 4, 3.5}
	repHeadAfter  = [4]float64{2.5, 2, 1.5, 1.2}
)

const (
	repParaGap  = 2.6  // between paragraphs
	repItemGap  = 0.9  // between the items of a tight list
	repQuoteInd = 5.5  // indent of a block quote
	repMinWidth = 60.0 // nesting never makes the text narrower than this
)

// lineHeight is the distance between two baselines of text in st.
func lineHeight(st style) float64 { return st.size * ptToMM * 1.42 }

// blockCtx is where a block is set: its left edge and width, the bars of the quotes it is
// in, and its text colour.
type blockCtx struct {
	x, w float64
	bars []float64
	c    rgb
}

// pendingMarker is a list item's bullet or number, drawn with the item's first line.
type pendingMarker struct {
	text  string
	right float64 // the marker ends here
}

// body parses the Markdown with goldmark (GitHub tables, strikethrough, task lists and
// bare links included) and sets it block by block.
func (d *reportDoc) body() {
	body := model.InlineHTML(strings.ReplaceAll(dropTitle(d.r.Markdown, d.r.Meta.Title), "\t", "    "))
	src := []byte(cleanText(body, d.fs))
	ctx := blockCtx{x: repMarginX, w: repContentW, c: repInk}
	if len(bytes.TrimSpace(src)) == 0 {
		d.paragraph([]span{{text: d.lab.emptyText, st: style{"I", repBody.size}, c: repMuted}}, ctx, repBody)
		return
	}
	d.children(readMarkdown(src), src, ctx)
}

// children sets every child block of n.
func (d *reportDoc) children(n ast.Node, src []byte, ctx blockCtx) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		d.block(c, src, ctx)
	}
}

// block sets one block of the document.
func (d *reportDoc) block(n ast.Node, src []byte, ctx blockCtx) {
	switch n := n.(type) {
	case *ast.Heading:
		d.heading(n, src, ctx)
	case *ast.Paragraph:
		d.paragraph(d.inlines(n, src, ctx.c), ctx, repBody)
		d.gap(repParaGap)
	case *ast.TextBlock:
		d.paragraph(d.inlines(n, src, ctx.c), ctx, repBody)
	case *ast.List:
		d.list(n, src, ctx)
	case *ast.Blockquote:
		d.quote(n, src, ctx)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		d.codeBlock(n, src, ctx)
	case *ast.ThematicBreak:
		d.gap(2)
		d.need(4)
		d.rule(ctx.x, ctx.x+ctx.w, d.y+1.5, 0.3, repRule)
		d.y += 5
	case *east.Table:
		d.table(n, src, ctx)
	default:
		d.children(n, src, ctx)
	}
}

// gap adds vertical space, except at the top of a page.
func (d *reportDoc) gap(h float64) {
	if d.y > repTop {
		d.y += h
	}
}

// heading sets a heading, never alone at the bottom of a page: it moves to the next page
// unless two lines of text fit under it.
func (d *reportDoc) heading(n *ast.Heading, src []byte, ctx blockCtx) {
	lvl := min(max(n.Level, 1), 4) - 1
	st := repHeads[lvl]
	c := repAccent
	if lvl >= 2 {
		c = repInk
	}
	spans := d.inlines(n, src, c)
	for i := range spans {
		spans[i].st = style{"B", st.size}
	}
	lines := breakLines(d, toWords(d, spans), ctx.w)
	d.gap(repHeadBefore[lvl])
	d.need(float64(len(lines))*lineHeight(st) + repHeadAfter[lvl] + d.keepHeight(n.NextSibling(), src, ctx))
	d.drawLines(lines, ctx, st)
	if lvl == 0 {
		d.rule(ctx.x, ctx.x+ctx.w, d.y+0.3, 0.4, repAccent)
		d.y += 1.2
	}
	d.y += repHeadAfter[lvl]
}

// keepHeight is how much of the block after a heading must fit on the heading's page: two
// lines of text, or a table's header and first row.
func (d *reportDoc) keepHeight(next ast.Node, src []byte, ctx blockCtx) float64 {
	t, ok := next.(*east.Table)
	if !ok {
		return 2 * lineHeight(repBody)
	}
	rows := d.tableRows(t, src)
	widths := d.columnWidths(rows, len(t.Alignments), ctx.w)
	h := 1.0
	for i := range rows[:min(2, len(rows))] {
		d.layoutRow(&rows[i], widths, lineHeight(repTableStyle))
		h += rows[i].h
	}
	return h
}

// paragraph sets inline text in lines as wide as ctx.
func (d *reportDoc) paragraph(spans []span, ctx blockCtx, st style) {
	lines := breakLines(d, toWords(d, spans), ctx.w)
	if len(lines) == 0 && d.marker != nil {
		lines = []rline{{}}
	}
	if len(lines) > 1 {
		d.need(2 * lineHeight(st)) // never the first line of a paragraph alone at the bottom
	}
	d.drawLines(lines, ctx, st)
}

// drawLines draws lines one under the other, going to a new page when needed.
func (d *reportDoc) drawLines(lines []rline, ctx blockCtx, st style) {
	lh := lineHeight(st)
	for _, ln := range lines {
		base := d.placeLine(ctx, lh)
		d.drawLine(ctx.x, base, ln)
		d.y += lh
	}
}

// placeLine makes room for a line of height lh, draws the quote bars beside it and the
// pending list marker, and returns its baseline.
func (d *reportDoc) placeLine(ctx blockCtx, lh float64) float64 {
	d.need(lh)
	base := d.y + lh*0.72
	for _, x := range ctx.bars {
		d.fill(x, d.y, 0.9, lh, repRule)
	}
	if d.marker != nil {
		mk := d.marker
		d.marker = nil
		d.text(mk.right-d.width(repBody, mk.text), base, repBody, ctx.c, mk.text)
	}
	return base
}

// bullets are the list markers by nesting depth.
var bullets = []string{"•", "–", "◦"}

// list sets a bullet or numbered list with hanging indents; numbers keep the list's start.
func (d *reportDoc) list(n *ast.List, src []byte, ctx blockCtx) {
	last := n.Start + n.ChildCount() - 1
	indent := 5.5
	if n.IsOrdered() {
		indent = max(indent, d.width(repBody, fmt.Sprintf("%d%c", last, n.Marker))+2.2)
	}
	inner := ctx
	if ctx.w-indent >= repMinWidth {
		inner.x, inner.w = ctx.x+indent, ctx.w-indent
	}
	if _, nested := n.Parent().(*ast.ListItem); nested {
		d.y += repItemGap
	}
	num := n.Start
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		mk := d.bullet(ctx.x)
		if n.IsOrdered() {
			mk = fmt.Sprintf("%d%c", num, n.Marker)
			num++
		}
		d.marker = &pendingMarker{text: mk, right: inner.x - 1.8}
		d.children(item, src, inner)
		if d.marker != nil { // an empty item
			d.paragraph(nil, inner, repBody)
		}
		if n.IsTight && item.NextSibling() != nil {
			d.gap(repItemGap)
		}
	}
	if _, nested := n.Parent().(*ast.ListItem); n.IsTight && !nested {
		d.gap(repParaGap)
	}
}

// bullet chooses the marker of a list that starts at x, by its depth.
func (d *reportDoc) bullet(x float64) string {
	depth := max(int((x-repMarginX)/5.5+0.01), 0)
	b := bullets[depth%len(bullets)]
	if r := []rune(b)[0]; !d.fs.has(r) {
		return "•"
	}
	return b
}

// quote sets a block quote indented, in a softer colour, with a bar on its left.
func (d *reportDoc) quote(n *ast.Blockquote, src []byte, ctx blockCtx) {
	inner := ctx
	if ctx.w-repQuoteInd >= repMinWidth {
		inner.x, inner.w = ctx.x+repQuoteInd, ctx.w-repQuoteInd
	}
	inner.bars = append(append([]float64(nil), ctx.bars...), inner.x-repQuoteInd+0.8)
	inner.c = rgb{0x44, 0x47, 0x4C}
	d.children(n, src, inner)
}

// codeBlock sets a code or raw HTML block line by line, on a light grey background,
// keeping its indentation; long lines are wrapped.
func (d *reportDoc) codeBlock(n ast.Node, src []byte, ctx blockCtx) {
	const pad = 1.6
	lh := lineHeight(repCode)
	box := blockCtx{x: ctx.x + 2, w: ctx.w - 4, bars: ctx.bars, c: ctx.c}
	d.need(lh + 2*pad)
	d.fill(ctx.x, d.y, ctx.w, pad, repCodeBg)
	d.y += pad
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		line := strings.TrimRight(string(seg.Value(src)), "\n")
		trimmed := strings.TrimLeft(line, " ")
		line = strings.Repeat(string(nbsp), len(line)-len(trimmed)) + trimmed
		lines := breakLines(d, toWords(d, []span{{text: line, st: repCode, c: ctx.c}}), box.w)
		if len(lines) == 0 {
			lines = []rline{{}}
		}
		for _, ln := range lines {
			d.need(lh)
			d.fill(ctx.x, d.y, ctx.w, lh, repCodeBg)
			base := d.placeLine(box, lh)
			d.drawLine(box.x, base, ln)
			d.y += lh
		}
	}
	d.fill(ctx.x, d.y, ctx.w, pad, repCodeBg)
	d.y += pad + repParaGap
}

// dropTitle removes a first-level heading that opens the text and repeats the title: the title
// block above already shows it.
func dropTitle(md, title string) string {
	trimmed := strings.TrimLeft(md, " \t\r\n")
	line, rest, _ := strings.Cut(trimmed, "\n")
	heading, ok := strings.CutPrefix(strings.TrimSpace(line), "# ")
	if !ok || !strings.EqualFold(strings.TrimSpace(heading), strings.TrimSpace(title)) {
		return md
	}
	return rest
}
