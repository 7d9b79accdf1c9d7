package ui

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/rapporteur/rapporteur/model/analysis"
)

// The two sentences of syncVariant that the source supports, and their passages in longSource.
const (
	syncFirst  = "Le point 20 a été longuement discuté par les habitants."
	syncSecond = "Une halle couverte est proposée sur la place du marché."
)

// syncVariant is a long variant: paragraphs the source does not support, then the two
// supported sentences, then more paragraphs.
func syncVariant() string {
	var b strings.Builder
	b.WriteString("## SYNTHÈSE\n\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&b, "Remarque %d sans appui : les habitant·es demandent des bancs, des arbres et un meilleur éclairage des rues du quartier.\n\n", i)
	}
	b.WriteString(syncFirst + "\n\n" + syncSecond + "\n\n")
	for i := 31; i <= 60; i++ {
		fmt.Fprintf(&b, "Remarque %d sans appui : les habitant·es demandent des bancs, des arbres et un meilleur éclairage des rues du quartier.\n\n", i)
	}
	return b.String()
}

// showSync shows syncVariant against longSource with an analysis made by hand: every
// paragraph a sentence, supported (by one passage) only when supported is true for it.
func showSync(t *testing.T, supported bool) *comparison {
	t.Helper()
	env := newTestEnv(t, LanguageFrench)
	env.u.lib.OpenExample()
	variant := syncVariant()
	runWithVariants(t, env, variant)
	env.u.show(screenCompare)
	c := env.u.cmp
	c.source.Body = longSource()
	c.layoutColumns()
	passages := map[string]analysis.Span{
		syncFirst:  spanOf(t, c.source.Body, "## Point 20", 1),
		syncSecond: spanOf(t, c.source.Body, "La maire présente le projet de halle couverte", 1),
	}
	var sentences []analysis.SentenceSupport
	for _, p := range strings.Split(variant, "\n\n") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		sp := spanOf(t, variant, p, 1)
		s := analysis.SentenceSupport{Text: p, Start: sp.Start, End: sp.End, Unsupported: true}
		if passage, ok := passages[p]; ok && supported {
			s.Unsupported, s.Source = false, []analysis.Span{passage}
		}
		sentences = append(sentences, s)
	}
	c.analysis.variants[c.variants[0].ID] = analysis.VariantAnalysis{Sentences: sentences}
	c.refreshColumns()
	return c
}

// wheelUntil scrolls col down with the wheel, a little at a time, until what is drawn at most
// at below the top of the view.
func wheelUntil(t *testing.T, col *column, what string, at float32) float32 {
	t.Helper()
	for range 500 {
		if y, ok := screenY(col, what); ok && y <= at {
			return y
		}
		col.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -7)})
	}
	t.Fatalf("%q never came into view", what)
	return 0
}

func TestSourceFollowsTheVariantToItsSupport(t *testing.T) {
	c := showSync(t, true)
	c.syncCheck.SetChecked(true)
	variant, src := c.cols[0], c.srcCol
	// the first supported sentence at the bottom of the view: the source shows its passage there
	y := wheelUntil(t, variant, syncFirst[:20], variant.scroll.Size().Height-30)
	py, ok := screenY(src, "Point 20")
	if !ok || math.Abs(float64(py-y)) > 20 {
		t.Fatalf("the sentence is %v below the top of the view, its passage %v (drawn: %v)", y, py, ok)
	}
	// both supported sentences in view: the first one leads
	y = wheelUntil(t, variant, syncFirst[:20], variant.scroll.Size().Height/3)
	if py, ok := screenY(src, "Point 20"); !ok || math.Abs(float64(py-y)) > 20 {
		t.Errorf("with both sentences in view, the first one %v below the top, its passage %v (drawn: %v)", y, py, ok)
	}
	// the first one gone above the view: the second one leads
	wheelUntil(t, variant, syncSecond[:20], 5)
	y, _ = screenY(variant, syncSecond[:20])
	if py, ok := screenY(src, "halle couverte"); !ok || math.Abs(float64(py-y)) > 20 {
		t.Errorf("the second sentence is %v below the top, its passage %v (drawn: %v)", y, py, ok)
	}
}

func TestSourceFollowsByPlaceWithoutSupport(t *testing.T) {
	c := showSync(t, false)
	c.syncCheck.SetChecked(true)
	variant, src := c.cols[0], c.srcCol
	for _, f := range []float32{0.25, 0.5, 0.9} {
		room := variant.scroll.Content.Size().Height - variant.scroll.Size().Height
		for variant.scroll.Offset.Y < f*room {
			variant.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -11)})
		}
		got, want := src.scrollFraction(), variant.scrollFraction()
		if math.Abs(float64(got-want)) > 0.01 {
			t.Errorf("the variant is scrolled to %.3f of its text, the source to %.3f", want, got)
		}
	}
}

func TestSourceStaysWhenNotAskedToFollow(t *testing.T) {
	c := showSync(t, true)
	variant, src := c.cols[0], c.srcCol
	if c.syncCheck.Checked {
		t.Fatal("the source follows the variant unasked")
	}
	wheelUntil(t, variant, syncSecond[:20], 5)
	if src.scroll.Offset.Y != 0 {
		t.Errorf("the source moved to %v", src.scroll.Offset.Y)
	}
	c.syncCheck.SetChecked(true) // ticked: the source comes to the variant at once
	y, _ := screenY(variant, syncSecond[:20])
	if py, ok := screenY(src, "halle couverte"); !ok || math.Abs(float64(py-y)) > 20 {
		t.Errorf("ticked, the sentence is %v below the top, its passage %v (drawn: %v)", y, py, ok)
	}
}

func TestSentenceBegunAboveTheViewMatchesItsPassage(t *testing.T) {
	s := analysis.SentenceSupport{Start: 100, End: 200, Source: []analysis.Span{{Start: 1000, End: 1400}}}
	for _, tc := range []struct{ at, want int }{{50, 1000}, {100, 1000}, {150, 1200}, {175, 1300}, {260, 1400}} {
		if got := inPassage(s, tc.at); got != tc.want {
			t.Errorf("byte %d of the sentence: byte %d of the passage, want %d", tc.at, got, tc.want)
		}
	}
}
