package ui

import (
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/analysis"

	"github.com/rapporteur/rapporteur/ui/uikit"
)

// spanOf is the span of the n-th (from 1) occurrence of what in text.
func spanOf(t testing.TB, text, what string, n int) analysis.Span {
	t.Helper()
	from := 0
	for k := 1; ; k++ {
		i := strings.Index(text[from:], what)
		if i < 0 {
			t.Fatalf("%q has no occurrence %d of %q", text, n, what)
		}
		if k == n {
			return analysis.Span{Start: from + i, End: from + i + len(what)}
		}
		from += i + len(what)
	}
}

// leafTexts lists the leaf segments of segs in reading order.
func leafTexts(segs []widget.RichTextSegment) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	walkTexts(segs, func(s widget.RichTextSegment) { out = append(out, s) })
	return out
}

// shown is text as the reader sees it, without the zero-width wrap guards.
func shown(text string) string { return strings.ReplaceAll(text, uikit.WrapGuard, "") }

// runsIn returns the runs of consecutive text pieces in color, each with the rendered text that
// comes before it.
func runsIn(segs []widget.RichTextSegment, color string) (runs, before []string) {
	var all strings.Builder
	in := false
	for _, s := range leafTexts(segs) {
		ts, ok := s.(*widget.TextSegment)
		marked := ok && string(ts.Style.ColorName) == color
		switch {
		case marked && !in:
			runs, before = append(runs, shown(ts.Text)), append(before, all.String())
		case marked:
			runs[len(runs)-1] += shown(ts.Text)
		}
		in = marked
		all.WriteString(shown(s.Textual()))
	}
	for i := range runs {
		runs[i] = strings.TrimSpace(runs[i])
	}
	return runs, before
}

func TestMarksLandOnTheRenderedWords(t *testing.T) {
	cases := []struct {
		name, md, what string
		n              int
		want, before   string // the marked run, and a text that must end what comes before it
	}{
		{"after a heading", "# RÉUNION PUBLIQUE\n\nLa réunion du 12 mars 2027 a réuni 40 personnes.", "12 mars 2027", 1, "12 mars 2027", "réunion du "},
		{"inside bold", "Étaient présents : **M. Jean Dupont**, maire, et Mme Roux.", "M. Jean Dupont", 1, "M. Jean Dupont", "présents : "},
		{"across a bold boundary", "Présent : Jean **Dupont**, maire adjoint.", "Jean **Dupont**", 1, "Jean Dupont", "Présent : "},
		{"in a list", "Points :\n\n- premier point\n- un budget de 750 000 € voté\n", "750 000 €", 1, "750 000 €", "budget de "},
		{"after a link", "Voir [le site](https://exemple.org/une/adresse/longue?x=1) puis la séance de 19h00 ici.", "19h00", 1, "19h00", "séance de "},
		{"second occurrence", "Dupont parle. Puis **Dupont** vote, et Dupont signe.", "Dupont", 3, "Dupont", "vote, et "},
		{"across a soft line break", "La parole est à Jean\nDupont qui conclut.", "Jean\nDupont", 1, "Jean Dupont", "est à "},
		{"in a second-level heading", "## BILAN 2026\n\nTexte de la réunion.", "2026", 1, "2026", "BILAN "},
		{"after inline HTML", "Le <u>budget</u> voté<br>atteint <b>750 000 €</b> &amp; plus.", "750 000 €", 1, "750 000 €", "atteint "},
		{"in inclusive writing", "Les participant·es ont voté à 54,5 % pour.", "54,5 %", 1, "54,5 %", "voté à "},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			span := spanOf(t, tc.md, tc.what, tc.n)
			segs, _ := markSegments(tc.md, columnSegments(tc.md), []spanMark{{span: span, kind: markFact}}, nil)
			runs, before := runsIn(segs, string(theme.ColorNameError))
			if len(runs) != 1 || runs[0] != tc.want {
				t.Fatalf("marked %q, want [%q]", runs, tc.want)
			}
			if !strings.HasSuffix(before[0], tc.before) {
				t.Errorf("marked after %q, want after …%q", before[0], tc.before)
			}
		})
	}
}

func TestMarksKindsStackAndStayApart(t *testing.T) {
	md := "Le conseil a voté. Les habitants ont **massivement** rejeté le projet de 3 M€."
	unsupported := spanOf(t, md, "Les habitants ont **massivement** rejeté le projet de 3 M€.", 1)
	marks := []spanMark{
		{span: unsupported, kind: markUnsupported},
		{span: spanOf(t, md, "massivement", 1), kind: markAbsent},
		{span: spanOf(t, md, "3 M€", 1), kind: markFact},
	}
	segs, _ := markSegments(md, columnSegments(md), marks, nil)
	if runs, _ := runsIn(segs, string(theme.ColorNamePrimary)); len(runs) != 1 || runs[0] != "massivement" {
		t.Errorf("absent words %q", runs)
	}
	if runs, _ := runsIn(segs, string(theme.ColorNameError)); len(runs) != 1 || runs[0] != "3 M€" {
		t.Errorf("facts %q", runs)
	}
	if runs, _ := runsIn(segs, string(theme.ColorNameWarning)); strings.Join(runs, "|") != "Les habitants ont|rejeté le projet de|." {
		t.Errorf("unsupported %q", runs)
	}
	for _, s := range leafTexts(segs) {
		ts := s.(*widget.TextSegment)
		if strings.Contains(ts.Text, "conseil") && (ts.Style.TextStyle.Italic || ts.Style.ColorName != theme.ColorNameForeground) {
			t.Errorf("the supported sentence is marked: %+v", ts)
		}
		if strings.Contains(ts.Text, "3 M€") && !ts.Style.TextStyle.Italic {
			t.Error("a fact inside an unsupported sentence loses the sentence's italics")
		}
	}
}

func TestMarksNeverLandElsewhere(t *testing.T) {
	raw := "Le d&#233;bat public a réuni 45 personnes au conseil."
	segs, _ := markSegments(raw, columnSegments("Le débat public a réuni 45 personnes au conseil."), []spanMark{
		{span: spanOf(t, raw, "d&#233;bat", 1), kind: markFact},
		{span: spanOf(t, raw, "45", 1), kind: markAbsent},
	}, nil)
	if runs, _ := runsIn(segs, string(theme.ColorNameError)); len(runs) != 0 {
		t.Errorf("a word that is not in the Markdown as rendered got marked: %q", runs)
	}
	if runs, _ := runsIn(segs, string(theme.ColorNamePrimary)); len(runs) != 1 || runs[0] != "45" {
		t.Errorf("after a word that could not be matched, the next ones are lost: %q", runs)
	}

	other := "Le maire a voté le budget."
	segs, _ = markSegments("Le conseil a voté le budget.", columnSegments(other), []spanMark{
		{span: analysis.Span{Start: 3, End: 10}, kind: markFact}, // « conseil », not shown
		{span: analysis.Span{Start: -5, End: 2}, kind: markFact},
		{span: analysis.Span{Start: 20, End: 500}, kind: markFact},
	}, []sentenceMarker{{start: 0, end: 900, text: "§"}, {start: 40, end: 30, text: "§"}})
	for _, r := range mustRuns(segs) {
		if strings.Contains(r, "maire") {
			t.Errorf("a span over a word not shown marked another word: %q", r)
		}
	}
}

// mustRuns lists the marked runs of every colour.
func mustRuns(segs []widget.RichTextSegment) []string {
	var out []string
	for _, c := range []string{string(theme.ColorNameError), string(theme.ColorNamePrimary)} {
		r, _ := runsIn(segs, c)
		out = append(out, r...)
	}
	return out
}

func FuzzMarkSegments(f *testing.F) {
	f.Add("# TITRE\n\n- **a** [b](c) d\n\n1. e", 2, 9)
	f.Add("x <u>y</u> &amp; ![i](j) `k` > l", 0, 40)
	f.Add("é**è**", 1, 3)
	f.Fuzz(func(t *testing.T, md string, start, end int) {
		segs, _ := markSegments(md, columnSegments(md), []spanMark{{span: analysis.Span{Start: start, End: end}, kind: markFact}},
			[]sentenceMarker{{start: start, end: end, text: "§"}})
		if len(segs) == 0 && strings.TrimSpace(md) != "" && len(columnSegments(md)) != 0 {
			t.Fatal("the text disappeared")
		}
	})
}

func TestMarkersFollowTheirSentences(t *testing.T) {
	md := "# BILAN\n\nLe conseil a voté. Les habitants ont **massivement** rejeté le projet.\n\n- Un point final."
	s1 := spanOf(t, md, "BILAN", 1)
	s2 := spanOf(t, md, "Le conseil a voté.", 1)
	s3 := spanOf(t, md, "Les habitants ont **massivement** rejeté le projet.", 1)
	s4 := spanOf(t, md, "Un point final.", 1)
	var markers []sentenceMarker
	for i, s := range []analysis.Span{s1, s2, s3, s4} {
		markers = append(markers, sentenceMarker{start: s.Start, end: s.End, text: []string{"A", "B", "C", "D"}[i]})
	}
	segs, _ := markSegments(md, columnSegments(md), nil, markers)
	var before strings.Builder
	want := map[string]string{"A": "BILAN", "B": "a voté.", "C": "rejeté le projet.", "D": "point final."}
	seen := 0
	for _, s := range leafTexts(segs) {
		if h, ok := s.(*widget.HyperlinkSegment); ok {
			seen++
			if !strings.HasSuffix(before.String(), want[h.Text]) {
				t.Errorf("marker %s after %q", h.Text, before.String())
			}
		}
		before.WriteString(shown(s.Textual()))
	}
	if seen != 4 {
		t.Errorf("%d markers, want 4", seen)
	}
	// the heading keeps its line: the text after its marker starts a new line
	for i, s := range segs {
		if h, ok := s.(*widget.HyperlinkSegment); ok && h.Text == "A" {
			if next, ok := segs[i+1].(*widget.TextSegment); !ok || next.Inline() || shown(next.Text) != "" {
				t.Errorf("after the heading's marker: %#v", segs[i+1])
			}
		}
	}
}

func TestColumnRendersInlineHTML(t *testing.T) {
	text := textOf(columnSegments("Le <u>budget</u> voté<br>atteint <b>750 000 €</b>."))
	if strings.Contains(text, "<") || !strings.Contains(text, "budget") || !strings.Contains(text, "750 000 €") {
		t.Errorf("rendered %q", text)
	}
}

// verticalRuns counts the places where rt draws three or more single letters one under the
// other: a word laid out one character per line.
func verticalRuns(rt *widget.RichText) int {
	n, run := 0, 0
	for _, o := range test.WidgetRenderer(rt).Objects() {
		var letters []rune
		if tx, ok := o.(*canvas.Text); ok {
			letters = []rune(strings.TrimSpace(shown(tx.Text)))
		}
		if len(letters) == 1 && unicode.IsLetter(letters[0]) {
			run++
			if run == 3 {
				n++
			}
			continue
		}
		run = 0
	}
	return n
}

func TestMarkedColumnsWrapAsWords(t *testing.T) {
	test.NewTempApp(t)
	md := "## SYNTHÈSE\n\nL'atelier du 14 octobre 2026 a réuni 37 participant·es autour de **Mme Claire Laurent**. Le budget est de 750 000 €. Voir [le site](https://exemple.org) pour Mme Laurent. Les habitants ont rejeté le projet. Une zone piétonne sera créée. Le prochain atelier aura lieu le 25 novembre 2026."
	var markers []sentenceMarker
	for _, s := range []string{"L'atelier", "Le budget", "Voir", "Les habitants", "Une zone", "Le prochain"} {
		start := strings.Index(md, s)
		end := strings.IndexByte(md[start:], '.') + start + 1
		if s == "L'atelier" {
			end = strings.Index(md, "**.") + 3
		}
		markers = append(markers, sentenceMarker{start: start, end: end, text: "§"})
	}
	marks := []spanMark{{span: spanOf(t, md, "750 000 €", 1), kind: markFact}, {span: spanOf(t, md, "rejeté le projet", 1), kind: markAbsent}}
	bad := 0
	for w := float32(120); w <= 420; w += 3 {
		segs, _ := markSegments(md, columnSegments(md), marks, markers)
		rt := widget.NewRichText(segs...)
		rt.Wrapping = fyne.TextWrapWord
		rt.Resize(fyne.NewSize(w, 10))
		if verticalRuns(rt) > 0 {
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("at %d widths of 101, a word is laid out one letter per line", bad)
	}
}
