package export

import (
	"strings"
	"testing"
)

// oneCharScale measures with runeMeasurer: every style the same.
var oneCharScale = typeScale{listIndent: 2}

func paragraph(words int) block {
	return block{kind: blockParagraph, text: strings.TrimSpace(strings.Repeat("mot ", words))}
}

func TestLayoutColumn(t *testing.T) {
	heading := block{kind: blockHeading, level: 2, text: "Titre"}
	tests := []struct {
		name    string
		blocks  []block
		perPage int
		check   func(t *testing.T, rows []row)
	}{
		{"blank between blocks", []block{paragraph(2), paragraph(2)}, 10, func(t *testing.T, rows []row) {
			if len(rows) != 3 || !rows[1].empty() {
				t.Errorf("want text, blank, text; got %d rows", len(rows))
			}
		}},
		{"tight items have no blank", []block{{kind: blockItem, marker: "•", text: "a"}, {kind: blockItem, marker: "•", text: "b", tight: true}}, 10, func(t *testing.T, rows []row) {
			if len(rows) != 2 || rows[1].marker != "•" {
				t.Errorf("got %+v", rows)
			}
		}},
		{"hanging indent", []block{{kind: blockItem, level: 1, marker: "•", text: "un deux trois quatre"}}, 10, func(t *testing.T, rows []row) {
			if len(rows) < 2 || rows[1].marker != "" || rows[1].x != rows[0].x || rows[0].x <= rows[0].markerX {
				t.Errorf("got %+v", rows)
			}
		}},
		{"heading kept with what follows", []block{paragraph(6), heading, paragraph(8)}, 6, func(t *testing.T, rows []row) {
			// The paragraph takes 2 rows and the blank a third; the heading, its blank and two
			// lines need 4 of the 3 left: it moves to the next page.
			for i, r := range rows {
				if r.text == "Titre" && i%6 != 0 {
					t.Errorf("heading at row %d of its page", i%6)
				}
			}
		}},
		{"no blank row opens a page", []block{paragraph(6), paragraph(6), paragraph(6)}, 5, func(t *testing.T, rows []row) {
			for i := 0; i < len(rows); i += 5 {
				if rows[i].empty() {
					t.Errorf("page starting at row %d opens with a blank row", i)
				}
			}
		}},
		{"no single line left at the foot of a page", []block{paragraph(9), paragraph(6)}, 5, func(t *testing.T, rows []row) {
			// First paragraph: 3 rows, blank: 1; the second (2 rows) must not start on row 4.
			if !rows[4].empty() {
				t.Errorf("a two-line paragraph starts on the last row: %+v", rows)
			}
		}},
		{"heading longer than a page still set", []block{{kind: blockHeading, level: 1, text: strings.Repeat("long ", 30)}}, 3, func(t *testing.T, rows []row) {
			if len(rows) == 0 {
				t.Error("nothing set")
			}
		}},
		{"empty item keeps its marker", []block{{kind: blockItem, marker: "•"}}, 5, func(t *testing.T, rows []row) {
			if len(rows) != 1 || rows[0].marker != "•" {
				t.Errorf("got %+v", rows)
			}
		}},
		{"zero rows per page does not loop", []block{paragraph(3)}, 0, func(t *testing.T, rows []row) {
			if len(rows) == 0 {
				t.Error("nothing set")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, layoutColumn(runeMeasurer{}, oneCharScale, tt.blocks, 12, tt.perPage))
		})
	}
}
