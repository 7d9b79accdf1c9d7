package textedit

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// unitLayout wraps with every character one unit wide.
func unitLayout(width float32) *layout {
	return &layout{width: width, adv: func(rune) float32 { return 1 }}
}

// TestWrap breaks paragraphs at spaces, lets spaces overhang the end of a row, breaks a word
// longer than a row inside it, and never breaks at the no-break spaces of French typography.
func TestWrap(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width float32
		want  []int
	}{
		{"at spaces", "aaaa bbbb cccc dddd eeee", 10, []int{0, 10, 20}},
		{"word to next row", "aaaa bbbbb", 8, []int{0, 5}},
		{"fits", "aaaa bbbb", 10, []int{0}},
		{"long word", "aaaaaaaaaaaaaaa", 10, []int{0, 10}},
		{"spaces overhang", "abcde   fg", 5, []int{0, 8}},
		{"no-break space", "ab cd\u00a0» e", 6, []int{0, 3}},
		{"narrow no-break space", "ab cd\u202f; ef", 7, []int{0, 10}},
		{"empty", "", 10, []int{0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b buffer
			b.set(c.text)
			l := unitLayout(c.width)
			l.rebuild(&b)
			if !slices.Equal(l.rows[0], c.want) {
				t.Errorf("%q at width %v: rows at %v, want %v", c.text, c.width, l.rows[0], c.want)
			}
		})
	}
}

// TestRowsAcrossParagraphs numbers rows over several paragraphs, and finds the row of an
// offset and the bounds of a row.
func TestRowsAcrossParagraphs(t *testing.T) {
	var b buffer
	b.set("aaaa bbbb cccc\n\nxx yy")
	l := unitLayout(10)
	l.rebuild(&b)
	if l.total() != 4 {
		t.Fatalf("%d rows, want 4 (2 + empty line + 1)", l.total())
	}
	bounds := [][2]int{{0, 10}, {10, 14}, {15, 15}, {16, 21}}
	for n, want := range bounds {
		if s, e := l.rowBounds(&b, n); s != want[0] || e != want[1] {
			t.Errorf("row %d spans %d–%d, want %v", n, s, e, want)
		}
	}
	for off, want := range map[int]int{0: 0, 9: 0, 10: 1, 14: 1, 15: 2, 16: 3, 21: 3} {
		if got := l.rowOf(&b, off); got != want {
			t.Errorf("offset %d is on row %d, want %d", off, got, want)
		}
	}
}

// TestEditsKeepLayout makes a thousand random edits (letters, accents, spaces, line breaks,
// deletions across paragraphs) and checks after each that the paragraph index and the rows
// re-wrapped piecemeal equal those of the whole text laid out afresh.
func TestEditsKeepLayout(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "é", " ", "\n", "mot ", "participant·es ", "\n\n", "«\u00a0x\u00a0»", "longmotsansespace"}
	var b buffer
	b.set("Début du compte-rendu.\nDeuxième ligne assez longue pour être coupée en plusieurs rangées.")
	l := unitLayout(12)
	l.rebuild(&b)
	for i := range 1000 {
		from := runeStart(b.text, rng.IntN(len(b.text)+1))
		to := from
		if rng.IntN(3) == 0 {
			to = runeStart(b.text, min(len(b.text), from+rng.IntN(30)))
		}
		ins := ""
		if rng.IntN(4) > 0 {
			ins = pieces[rng.IntN(len(pieces))]
		}
		p0, before, after := b.replace(from, to, ins)
		l.update(&b, p0, before, after)

		var fresh buffer
		fresh.set(b.text)
		want := unitLayout(12)
		want.rebuild(&fresh)
		if !slices.Equal(b.starts, fresh.starts) {
			t.Fatalf("edit %d: paragraph starts %v, want %v", i, b.starts, fresh.starts)
		}
		if !slices.EqualFunc(l.rows, want.rows, slices.Equal) || !slices.Equal(l.first, want.first) {
			t.Fatalf("edit %d (%d–%d ← %q): rows differ from a fresh layout", i, from, to, ins)
		}
	}
	if !strings.Contains(b.text, "\n") {
		t.Fatal("the edits never made a paragraph: the test exercised too little")
	}
}

// runeStart moves off back to the start of a character.
func runeStart(s string, off int) int {
	for off > 0 && off < len(s) && !isCharStart(s[off]) {
		off--
	}
	return off
}
