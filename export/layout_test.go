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

func item(text string, tight bool) block {
	return block{kind: blockItem, marker: "•", text: text, tight: tight}
}

func TestLayoutColumn(t *testing.T) {
	heading := block{kind: blockHeading, level: 2, text: "Titre"}
	tests := []struct {
		name    string
		blocks  []block
		perPage int
		wantLen int            // number of rows, or -1 to skip
		empty   []int          // rows that must be empty
		filled  []int          // rows that must carry something
		text    map[int]string // text of given rows
	}{
		// Columns are 12 characters wide: paragraph(n) takes about n/3 rows.
		{"blank between blocks", []block{paragraph(2), paragraph(2)}, 10, 3, []int{1}, []int{0, 2}, nil},
		{"tight items have no blank", []block{item("a", false), item("b", true)}, 10, 2, nil, []int{0, 1}, nil},
		// 2 rows, a blank, then the heading needs itself, a blank and 2 lines: 4 > 3 left.
		{"heading kept with what follows", []block{paragraph(6), heading, paragraph(8)}, 6, -1, []int{3, 4, 5}, nil, map[int]string{6: "Titre"}},
		{"no blank row opens a page", []block{paragraph(6), paragraph(6), paragraph(6)}, 5, -1, nil, []int{0, 5}, nil},
		// 3 rows and a blank; a two-line paragraph must not start on the last row.
		{"no single line at the foot of a page", []block{paragraph(9), paragraph(6)}, 5, 7, []int{3, 4}, []int{5, 6}, nil},
		// 4 lines with 3 rows left: the third moves on so the last is not alone.
		{"no single line at the head of a page", []block{paragraph(3), paragraph(12)}, 5, 7, []int{1, 4}, []int{0, 2, 3, 5, 6}, nil},
		{"heading longer than a page still set", []block{{kind: blockHeading, level: 1, text: strings.Repeat("long ", 30)}}, 3, 15, nil, []int{0}, nil},
		{"empty item keeps its marker", []block{item("", false)}, 5, 1, nil, []int{0}, nil},
		{"zero rows per page does not loop", []block{paragraph(3)}, 0, 1, nil, []int{0}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := layoutColumn(runeMeasurer{}, oneCharScale, tt.blocks, 12, tt.perPage)
			if tt.wantLen >= 0 && len(rows) != tt.wantLen {
				t.Fatalf("%d rows, want %d: %q", len(rows), tt.wantLen, rowTexts(rows))
			}
			for _, i := range tt.empty {
				if i >= len(rows) || !rows[i].empty() {
					t.Errorf("row %d should be empty: %q", i, rowTexts(rows))
				}
			}
			for _, i := range tt.filled {
				if i >= len(rows) || rows[i].empty() {
					t.Errorf("row %d should carry text: %q", i, rowTexts(rows))
				}
			}
			for i, want := range tt.text {
				if i >= len(rows) || rows[i].text != want {
					t.Errorf("row %d should be %q: %q", i, want, rowTexts(rows))
				}
			}
		})
	}
}

func TestLayoutHangingIndent(t *testing.T) {
	rows := layoutColumn(runeMeasurer{}, oneCharScale, []block{{kind: blockItem, level: 1, marker: "10.", text: "un deux trois quatre"}}, 12, 10)
	if len(rows) < 2 {
		t.Fatalf("want several rows, got %q", rowTexts(rows))
	}
	if rows[0].marker != "10." || rows[1].marker != "" {
		t.Errorf("marker on the first row only: %+v", rows)
	}
	if rows[1].x != rows[0].x || rows[0].x <= rows[0].markerX+3 || rows[0].markerX != 2 {
		t.Errorf("hanging indent wrong: %+v", rows)
	}
}

func rowTexts(rows []row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.marker + r.text
	}
	return out
}
