package export

import (
	"strings"
	"testing"
)

// lineStrings gives the text of each laid-out line, spans joined, words separated by "|".
func lineStrings(lines []rline) []string {
	var out []string
	for _, ln := range lines {
		var words []string
		for _, w := range ln.words {
			var b strings.Builder
			for _, sp := range w.spans {
				b.WriteString(sp.text)
			}
			words = append(words, b.String())
		}
		out = append(out, strings.Join(words, "|"))
	}
	return out
}

func TestBreakLinesNeverAtNoBreakSpaces(t *testing.T) {
	m := runeMeasurer{}
	text := "aaaa bbbb 45,5\u00a0% cccc «\u00a0dd\u00a0» ee ff\u202f? gg : hh"
	for avail := 5.0; avail <= 40; avail++ {
		lines := breakLines(m, toWords(m, []span{{text: text, st: repBody}}), avail)
		for _, s := range lineStrings(lines) {
			for _, bad := range []string{"%", "»", "?", ":", "\u00a0", "\u202f"} {
				if strings.HasPrefix(s, bad) {
					t.Errorf("avail %v: line starts with %q: %q", avail, bad, s)
				}
			}
			if strings.HasSuffix(s, "«") || strings.HasSuffix(s, "\u00a0") {
				t.Errorf("avail %v: line ends badly: %q", avail, s)
			}
		}
	}
}

func TestToWordsKeepsStylesInsideAWord(t *testing.T) {
	m := runeMeasurer{}
	spans := []span{
		{text: "un ", st: repBody},
		{text: "mot", st: style{"B", 10}},
		{text: ", puis", st: repBody},
	}
	words := toWords(m, spans)
	if len(words) != 3 || len(words[1].spans) != 2 || words[1].w != 4 {
		t.Fatalf("words = %+v", words)
	}
	if words[1].spans[0].st.face != "B" || words[1].spans[1].st.face != "" {
		t.Error("styles lost inside the word")
	}
}

func TestBreakLinesHardBreaksLongWords(t *testing.T) {
	m := runeMeasurer{}
	spans := []span{{text: "x " + strings.Repeat("a", 10), st: repBody}, {text: strings.Repeat("b", 15), st: style{"B", 10}}}
	lines := breakLines(m, toWords(m, spans), 10)
	got := lineStrings(lines)
	want := []string{"x", "aaaaaaaaaa", "bbbbbbbbbb", "bbbbb"}
	if strings.Join(got, "/") != strings.Join(want, "/") {
		t.Errorf("lines = %q, want %q", got, want)
	}
	for _, ln := range lines {
		if ln.w > 10 {
			t.Errorf("line %v wider than 10", ln.w)
		}
	}
	if lines[3].words[0].spans[0].st.face != "B" {
		t.Error("the cut word lost its bold")
	}
}

func TestBreakLinesHardBreak(t *testing.T) {
	m := runeMeasurer{}
	spans := []span{{text: "un", st: repBody}, {text: hardBreak}, {text: "deux trois", st: repBody}}
	got := lineStrings(breakLines(m, toWords(m, spans), 40))
	if strings.Join(got, "/") != "un/deux|trois" {
		t.Errorf("lines = %q", got)
	}
}

func TestColumnWidthsFitTheText(t *testing.T) {
	m := runeMeasurer{}
	var rows []trow
	for range 3 {
		var cells []tcell
		for range 9 {
			cells = append(cells, tcell{words: toWords(m, []span{{text: strings.Repeat("mot ", 30), st: repBody}})})
		}
		rows = append(rows, trow{cells: cells})
	}
	d := &reportDoc{}
	w := d.columnWidths(rows, 9, 166)
	total := 0.0
	for _, x := range w {
		total += x
	}
	if total > 166.001 {
		t.Errorf("columns are %v mm wide, more than the text", total)
	}
}

func TestPDFURI(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/é t": "https://example.org/%C3%A9%20t",
		"mailto:a@example.org":    "mailto:a@example.org",
		"#suite":                  "",
		"page.html":               "",
	} {
		if got := pdfURI(in); got != want {
			t.Errorf("pdfURI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDropTitle(t *testing.T) {
	tests := []struct{ md, title, want string }{
		{"# Atelier\n\nTexte.", "Atelier", "\nTexte."},
		{"\n\n# atelier  \nTexte.", "Atelier", "Texte."},
		{"# Autre chose\nTexte.", "Atelier", "# Autre chose\nTexte."},
		{"## Atelier\nTexte.", "Atelier", "## Atelier\nTexte."},
		{"", "Atelier", ""},
	}
	for _, tt := range tests {
		if got := dropTitle(tt.md, tt.title); got != tt.want {
			t.Errorf("dropTitle(%q) = %q, want %q", tt.md, got, tt.want)
		}
	}
}
