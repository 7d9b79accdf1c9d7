package imports

import "strings"

// startTable opens a table. A table nested in a cell is flattened into that cell.
func (w *mdWriter) startTable() {
	w.tableDepth++
	if w.tableDepth == 1 {
		w.rows = w.rows[:0]
	}
}

// startRow opens a row of the outermost table.
func (w *mdWriter) startRow() {
	if w.tableDepth == 1 {
		w.rows = append(w.rows, nil)
	}
}

// startCell opens a cell of the outermost table.
func (w *mdWriter) startCell() {
	if w.tableDepth != 1 {
		return
	}
	if len(w.rows) == 0 {
		w.startRow()
	}
	last := len(w.rows) - 1
	w.rows[last] = append(w.rows[last], "")
}

// cellText appends a paragraph's Markdown to the current cell, on the same line.
func (w *mdWriter) cellText(text string) {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return
	}
	// Text outside any cell (a nested table opened before its cell, malformed files) opens one.
	if len(w.rows) == 0 {
		w.rows = append(w.rows, nil)
	}
	if last := len(w.rows) - 1; len(w.rows[last]) == 0 {
		w.rows[last] = append(w.rows[last], "")
	}
	row := w.rows[len(w.rows)-1]
	cell := &row[len(row)-1]
	if *cell != "" {
		*cell += " "
	}
	*cell += strings.ReplaceAll(text, "|", `\|`)
}

// endTable closes a table; closing the outermost one writes it as a Markdown table whose
// first row is the header. A table without text is dropped.
func (w *mdWriter) endTable() {
	w.tableDepth--
	if w.tableDepth != 0 {
		return
	}
	cols, empty := 0, true
	for _, row := range w.rows {
		cols = max(cols, len(row))
		for _, c := range row {
			empty = empty && c == ""
		}
	}
	if empty {
		return
	}
	var b strings.Builder
	for i, row := range w.rows {
		writeRow(&b, row, cols)
		if i == 0 {
			writeRow(&b, nil, -cols)
		}
	}
	w.writeBlock(strings.TrimSuffix(b.String(), "\n"), false)
	w.rows = w.rows[:0]
}

// writeRow writes a table row padded to cols cells; negative cols writes the header rule of
// -cols columns.
func writeRow(b *strings.Builder, row []string, cols int) {
	rule := cols < 0
	if rule {
		cols = -cols
	}
	b.WriteString("|")
	for i := range cols {
		switch {
		case rule:
			b.WriteString(" --- |")
		case i < len(row) && row[i] != "":
			b.WriteString(" " + row[i] + " |")
		default:
			b.WriteString("  |")
		}
	}
	b.WriteString("\n")
}

// docTitle returns the document's title: its Title paragraph, else its first heading.
func (w *mdWriter) docTitle() string { return cmpOr(w.title, w.heading) }
