package export

import (
	east "github.com/yuin/goldmark/extension/ast"
)

// The type and spacing of tables.
var repTableStyle = style{"", 9}

const (
	repCellPadX = 1.8
	repCellPadY = 1.3
	repMinCol   = 12.0 // a column is never narrower than this, padding included
)

// tcell is one table cell: its words, and its lines once the column widths are known.
type tcell struct {
	words []rword
	lines []rline
	align east.Alignment
}

// trow is a table row; head marks the header row.
type trow struct {
	cells []tcell
	head  bool
	h     float64
}

// table sets a GitHub table: the header row in bold, thin rules between rows, columns
// sized to their content within the width of the text, cells wrapped; the header row is
// repeated on each page the table continues on.
func (d *reportDoc) table(t *east.Table, src []byte, ctx blockCtx) {
	rows := d.tableRows(t, src)
	if len(rows) == 0 {
		return
	}
	widths := d.columnWidths(rows, len(t.Alignments), ctx.w)
	lh := lineHeight(repTableStyle)
	for i := range rows {
		d.layoutRow(&rows[i], widths, lh)
	}
	d.gap(1)
	var head *trow
	for i := range rows {
		r := &rows[i]
		if r.head {
			head = r
			d.need(r.h + rows[min(i+1, len(rows)-1)].h)
		} else if d.y+r.h > repBottom && d.y > repTop {
			d.newPage()
			if head != nil {
				d.drawRow(head, widths, ctx, lh)
			}
		}
		d.drawRow(r, widths, ctx, lh)
	}
	d.y += repParaGap + 1
}

// tableRows collects the cells of every row, the header's in bold.
func (d *reportDoc) tableRows(t *east.Table, src []byte) []trow {
	var rows []trow
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		_, head := r.(*east.TableHeader)
		row := trow{head: head}
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			spans := d.inlines(c, src, repInk)
			for i := range spans {
				spans[i].st.size = min(spans[i].st.size, repTableStyle.size)
				if head {
					spans[i].st.face = "B"
				}
			}
			cell := tcell{words: toWords(d, spans)}
			if tc, ok := c.(*east.TableCell); ok {
				cell.align = tc.Alignment
			}
			row.cells = append(row.cells, cell)
		}
		rows = append(rows, row)
	}
	return rows
}

// columnWidths sizes the columns: each as wide as its longest cell when they all fit;
// otherwise each gets at least its longest word (or a fair share when even that does not
// fit), and the rest of the width is shared in proportion to what each still needs.
func (d *reportDoc) columnWidths(rows []trow, n int, avail float64) []float64 {
	natural := make([]float64, n)
	least := make([]float64, n)
	for _, r := range rows {
		for i, c := range r.cells {
			if i >= n {
				break
			}
			nat, long := cellExtent(c.words)
			natural[i] = max(natural[i], nat+2*repCellPadX, repMinCol)
			least[i] = max(least[i], min(long+2*repCellPadX, avail/float64(n)), repMinCol)
		}
	}
	total, floor := 0.0, 0.0
	for i := range natural {
		total += natural[i]
		floor += least[i]
	}
	if total <= avail {
		return natural
	}
	if floor > avail {
		return scaled(least, avail/floor)
	}
	extra := (avail - floor) / (total - floor)
	w := make([]float64, n)
	for i := range w {
		w[i] = least[i] + (natural[i]-least[i])*extra
	}
	return w
}

// cellExtent is the width of a cell's words on one line, and of its longest word.
func cellExtent(words []rword) (line, longest float64) {
	for i, w := range words {
		if i > 0 {
			line += w.space
		}
		line += w.w
		longest = max(longest, w.w)
	}
	return line, longest
}

// scaled multiplies every width by f.
func scaled(ws []float64, f float64) []float64 {
	out := make([]float64, len(ws))
	for i, w := range ws {
		out[i] = w * f
	}
	return out
}

// layoutRow wraps the cells of a row in their columns and computes its height.
func (d *reportDoc) layoutRow(r *trow, widths []float64, lh float64) {
	most := 1
	for i := range r.cells {
		if i >= len(widths) {
			break
		}
		r.cells[i].lines = breakLines(d, r.cells[i].words, widths[i]-2*repCellPadX)
		most = max(most, len(r.cells[i].lines))
	}
	r.h = float64(most)*lh + 2*repCellPadY
}

// drawRow draws a row at the current position and the rule under it.
func (d *reportDoc) drawRow(r *trow, widths []float64, ctx blockCtx, lh float64) {
	total := 0.0
	for _, w := range widths {
		total += w
	}
	if r.head {
		d.fill(ctx.x, d.y, total, r.h, repPanel)
	}
	x := ctx.x
	for i, w := range widths {
		if i < len(r.cells) {
			d.drawCell(&r.cells[i], x, w, lh)
		}
		x += w
	}
	d.y += r.h
	weight, c := 0.15, repRule
	if r.head {
		weight, c = 0.4, repAccent
	}
	d.rule(ctx.x, ctx.x+total, d.y, weight, c)
}

// drawCell draws a cell's lines aligned as its column asks.
func (d *reportDoc) drawCell(c *tcell, x, w, lh float64) {
	y := d.y + repCellPadY
	for _, ln := range c.lines {
		lx := x + repCellPadX
		switch c.align {
		case east.AlignRight:
			lx = x + w - repCellPadX - ln.w
		case east.AlignCenter:
			lx = x + (w-ln.w)/2
		}
		d.drawLine(lx, y+lh*0.72, ln)
		y += lh
	}
}
