package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/analysis"
)

const supportVariant = "## SYNTHÈSE\n\nLe projet de **halle couverte** a été présenté. Les habitants ont massivement rejeté le projet.\n\n- Un budget de 750 000 € est prévu."

// longSource is a source long enough to scroll, with the supporting passage well down.
func longSource() string {
	var b strings.Builder
	b.WriteString("# ATELIER DU QUARTIER NORD\n\n")
	for i := 1; i <= 80; i++ {
		fmt.Fprintf(&b, "## Point %d\n\nLes participant·es ont discuté du point %d pendant un long moment, sans conclure, en reprenant des remarques déjà faites lors des réunions précédentes.\n\n", i, i)
		if i == 50 {
			b.WriteString("La maire présente le projet de halle couverte sur la place du marché.\n\n")
		}
	}
	b.WriteString("Fin de séance.")
	return b.String()
}

// showSupport shows supportVariant against longSource with a hand-built analysis, as the
// sentence support analysis will give it.
func showSupport(t *testing.T) (*testEnv, *comparison) {
	t.Helper()
	env := newTestEnv(t, LanguageFrench)
	u := env.u
	u.lib.OpenExample()
	runWithVariants(t, env, supportVariant)
	u.show(screenCompare)
	c := u.cmp
	c.source.Body = longSource()
	c.layoutColumns()
	v := c.variants[0]
	src := c.source.Body
	passage := spanOf(t, src, "La maire présente le projet de halle couverte sur la place du marché.", 1)
	sentence := func(text string, unsupported bool, source ...analysis.Span) analysis.SentenceSupport {
		sp := spanOf(t, supportVariant, text, 1)
		return analysis.SentenceSupport{Text: text, Start: sp.Start, End: sp.End, Support: 0.8, Unsupported: unsupported, Source: source}
	}
	c.analysis.variants[v.ID] = analysis.VariantAnalysis{
		Facts: analysis.FactCheck{Introduced: []analysis.Fact{{Text: "750 000 €", Start: spanOf(t, supportVariant, "750 000 €", 1).Start, End: spanOf(t, supportVariant, "750 000 €", 1).End}}},
		Sentences: []analysis.SentenceSupport{
			sentence("SYNTHÈSE", false),
			sentence("Le projet de **halle couverte** a été présenté.", false, passage),
			sentence("Les habitants ont massivement rejeté le projet.", true),
			sentence("Un budget de 750 000 € est prévu.", true),
		},
		Absent: []analysis.Span{spanOf(t, supportVariant, "massivement rejeté", 1)},
	}
	c.refreshColumns()
	return env, c
}

// markers lists the sentence markers of a column, in reading order.
func markers(col *column) []*widget.HyperlinkSegment {
	var out []*widget.HyperlinkSegment
	for _, s := range leafTexts(col.text.Segments) {
		if h, ok := s.(*widget.HyperlinkSegment); ok {
			out = append(out, h)
		}
	}
	return out
}

func TestUnsupportedSentencesMarked(t *testing.T) {
	_, c := showSupport(t)
	col := c.cols[0]
	ms := markers(col)
	if len(ms) != 4 || ms[0].Text != "§" || ms[1].Text != "§" || ms[2].Text != "⚠" || ms[3].Text != "⚠" {
		t.Fatalf("markers %+v", ms)
	}
	runs, _ := runsIn(col.text.Segments, string(theme.ColorNameWarning))
	if strings.Join(runs, "|") != "Les habitants ont massivement rejeté le projet.|Un budget de|est prévu." {
		t.Errorf("unsupported sentences shown as %q", runs)
	}
	if !col.unsupported.Visible() || col.unsupported.Text != "⚠ 2 phrases sans appui dans la source" {
		t.Errorf("count %q (visible %v)", col.unsupported.Text, col.unsupported.Visible())
	}
}

func TestAbsentWordsKeepTheColumnRendered(t *testing.T) {
	_, c := showSupport(t)
	col := c.cols[0]
	legend := func() string { return textOf(c.legend.Segments) }
	if strings.Contains(legend(), "mots absents") {
		t.Error("the legend names the words not in the source while they are not highlighted")
	}
	c.diffCheck.SetChecked(true)
	for _, s := range leafTexts(col.text.Segments) {
		if strings.Contains(s.Textual(), "**") || strings.Contains(s.Textual(), "##") {
			t.Fatalf("the column shows raw Markdown: %q", s.Textual())
		}
	}
	if runs, _ := runsIn(col.text.Segments, string(theme.ColorNamePrimary)); strings.Join(runs, "|") != "massivement rejeté" {
		t.Errorf("words not in the source: %q", runs)
	}
	if runs, _ := runsIn(col.text.Segments, string(theme.ColorNameError)); strings.Join(runs, "|") != "750 000 €" {
		t.Errorf("facts: %q", runs)
	}
	for _, want := range []string{"Légende", "fait absent de la source", "mots absents de la source", "phrase sans appui dans la source"} {
		if !strings.Contains(legend(), want) {
			t.Errorf("legend %q lacks %q", legend(), want)
		}
	}
}

func textOf(segs []widget.RichTextSegment) string {
	var b strings.Builder
	for _, s := range leafTexts(segs) {
		b.WriteString(shown(s.Textual()))
	}
	return b.String()
}

// passageText finds, among what the source column draws, the text of the passage and its top.
func passageText(t *testing.T, col *column) (float32, bool) {
	t.Helper()
	for _, block := range test.WidgetRenderer(col.text).Objects() {
		for _, o := range test.WidgetRenderer(block.(*widget.RichText)).Objects() {
			if tx, ok := o.(*canvas.Text); ok && strings.Contains(tx.Text, "halle couverte") {
				return block.Position().Y + tx.Position().Y, true
			}
		}
	}
	return 0, false
}

func TestTappingASentenceShowsItsSupport(t *testing.T) {
	env, c := showSupport(t)
	src := c.srcCol
	if src.scroll.Offset.Y != 0 {
		t.Fatalf("the source starts scrolled at %v", src.scroll.Offset.Y)
	}
	tapLink(findLink(t, env.win.Canvas().Content(), "§", 1))
	if c.chosen.variant == 0 || c.chosen.sentence != 1 {
		t.Fatalf("chosen %+v", c.chosen)
	}
	runs, _ := runsIn(src.text.Segments, string(theme.ColorNameSuccess))
	if strings.Join(runs, "|") != "La maire présente le projet de halle couverte sur la place du marché." {
		t.Errorf("passage shown %q", runs)
	}
	y, ok := passageText(t, src)
	if !ok {
		t.Fatal("the passage is not drawn")
	}
	top, view := src.scroll.Offset.Y, src.scroll.Size().Height
	if top <= 0 || y < top || y+20 > top+view {
		t.Errorf("passage at %v, view from %v to %v", y, top, top+view)
	}
	if d := y - top - view/4; d < -20 || d > 20 { // it lands a quarter down, within a line
		t.Errorf("passage %v below the top of the view, want about %v", y-top, view/4)
	}
	if active, _ := runsIn(c.cols[0].text.Segments, string(theme.ColorNameSuccess)); strings.Join(active, "|") != "Le projet de halle couverte a été présenté." {
		t.Errorf("the chosen sentence shows as %q", active)
	}
}

func TestTappingAgainOrElsewhereHidesTheSupport(t *testing.T) {
	env, c := showSupport(t)
	src := c.srcCol
	tapLink(findLink(t, env.win.Canvas().Content(), "§", 1))
	if runs, _ := runsIn(src.text.Segments, string(theme.ColorNameSuccess)); len(runs) != 1 {
		t.Fatalf("passage shown %q", runs)
	}
	tapLink(findLink(t, env.win.Canvas().Content(), "§", 1)) // again: hides it
	if runs, _ := runsIn(src.text.Segments, string(theme.ColorNameSuccess)); len(runs) != 0 || c.chosen.variant != 0 {
		t.Errorf("tapping again left %q shown", runs)
	}

	tapLink(findLink(t, env.win.Canvas().Content(), "§", 1))
	test.Tap(c.cols[0].tapArea) // elsewhere: hides it
	if runs, _ := runsIn(src.text.Segments, string(theme.ColorNameSuccess)); len(runs) != 0 {
		t.Errorf("tapping elsewhere left %q shown", runs)
	}
}

// findLink finds the n-th (from 0) hyperlink drawn with text under root.
func findLink(t *testing.T, root fyne.CanvasObject, text string, n int) *widget.Hyperlink {
	t.Helper()
	var found []*widget.Hyperlink
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok && h.Text == text {
			found = append(found, h)
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		} else if c, ok := o.(*fyne.Container); ok {
			for _, ch := range c.Objects {
				walk(ch)
			}
		}
	}
	walk(root)
	if n >= len(found) {
		t.Fatalf("%d links %q drawn, want %d", len(found), text, n+1)
	}
	return found[n]
}

// tapLink taps the middle of a link, where its text is.
func tapLink(h *widget.Hyperlink) {
	test.TapAt(h, fyne.NewPos(h.Size().Width/2, h.Size().Height/2))
}
