package export

// tone is the colour a row is drawn in.
type tone int

const (
	toneText  tone = iota // ordinary text
	toneAlert             // a failure or a partial text
	toneMuted             // a remark such as "(empty text)"
)

// row is one line of a column, on the grid every column shares: row i of each column is set
// at the same height.
type row struct {
	st      style
	tone    tone
	text    string
	x       float64 // offset of the text from the column's left edge
	marker  string  // a list marker, drawn at markerX
	markerX float64
	quote   bool    // draw a quotation bar at the left of the column
	plain   bool    // the document's own words: no fact or diff marks
	marks   []uint8 // the marks of each byte of text (markFact…), nil when it has none
}

// empty reports whether the row draws nothing.
func (r row) empty() bool { return r.text == "" && r.marker == "" }

// typeScale is the set of styles a column uses.
type typeScale struct {
	body, h1, h2, h3, italic, code style
	listIndent                     float64 // mm per nesting level
}

// headingStyle returns the style of a heading of the given level.
func (t typeScale) headingStyle(level int) style {
	switch level {
	case 1:
		return t.h1
	case 2:
		return t.h2
	}
	return t.h3
}

// wrapped is a block cut into lines, with the row that will carry each line.
type wrapped struct {
	b     block
	lines []row
}

// layoutColumn sets blocks on the rows of a column width wide, perPage rows to a page. It
// keeps a heading with the start of what follows it, never leaves a single line of a
// paragraph at the foot or the head of a page when it can help it, and drops a blank row
// that would open a page.
func layoutColumn(m measurer, ts typeScale, blocks []block, width float64, perPage int) []row {
	ws := make([]wrapped, len(blocks))
	for i, b := range blocks {
		ws[i] = wrapped{b: b, lines: wrapBlock(m, ts, b, width)}
	}
	p := placer{perPage: max(perPage, 1)}
	for i, w := range ws {
		if i > 0 && !w.b.tight {
			p.blank()
		}
		p.keep(need(ws, i))
		p.lines(w.lines)
	}
	return p.rows
}

// need is how many rows block i wants to find together on its page.
func need(ws []wrapped, i int) int {
	n := min(len(ws[i].lines), 2)
	if ws[i].b.kind != blockHeading {
		return n
	}
	n = len(ws[i].lines)
	if i+1 < len(ws) {
		next := ws[i+1]
		n += min(len(next.lines), 2)
		if !next.b.tight {
			n++
		}
	}
	return n
}

// wrapBlock cuts a block into rows: headings in bold, list items with a hanging indent,
// quotes and notes in italics.
func wrapBlock(m measurer, ts typeScale, b block, width float64) []row {
	base := row{st: ts.body, plain: b.plain || b.kind == blockNote}
	switch b.kind {
	case blockHeading:
		base.st = ts.headingStyle(b.level)
	case blockQuote:
		base.st, base.x, base.quote = ts.italic, ts.listIndent, true
	case blockNote:
		base.st, base.tone = ts.italic, toneAlert
	case blockCode:
		base.st = ts.code
	case blockItem:
		base.markerX = float64(b.level) * ts.listIndent
		base.x = base.markerX + max(m.width(ts.body, b.marker)+1.6, ts.listIndent)
	}
	texts := wrapText(m, base.st, b.text, width-base.x)
	if len(texts) == 0 {
		texts = []string{""}
	}
	rows := make([]row, len(texts))
	for i, t := range texts {
		rows[i] = base
		rows[i].text = t
		if i == 0 {
			rows[i].marker = b.marker
		}
	}
	return rows
}

// placer appends rows to a column, page by page.
type placer struct {
	perPage int
	rows    []row
}

func (p *placer) left() int { return p.perPage - len(p.rows)%p.perPage }

func (p *placer) atTop() bool { return len(p.rows)%p.perPage == 0 }

// blank adds an empty row between two blocks, unless it would open a page.
func (p *placer) blank() {
	if len(p.rows) > 0 && !p.atTop() {
		p.rows = append(p.rows, row{})
	}
}

// keep moves to the next page when fewer than n rows are left on this one.
func (p *placer) keep(n int) {
	if n > p.perPage || p.atTop() || p.left() >= n {
		return
	}
	for !p.atTop() {
		p.rows = append(p.rows, row{})
	}
}

// lines adds a block's rows; when only its last line would go over to the next page, the
// one before it goes too.
func (p *placer) lines(rs []row) {
	for i, r := range rs {
		if i >= 2 && len(rs)-i == 2 && p.left() == 1 {
			p.rows = append(p.rows, row{})
		}
		p.rows = append(p.rows, r)
	}
}
