package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// columnInWindow shows md in a column alone in a window of size.
func columnInWindow(t *testing.T, md string, size fyne.Size) (*column, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	col := newColumn()
	w := test.NewTempWindow(t, col.box)
	w.Resize(size)
	col.setText(md)
	return col, w
}

// drawnText is a piece of text a column draws, and its top in the column's text.
type drawnText struct {
	text string
	y    float32
}

// drawn lists the pieces of text bt draws, in order, with their tops in bt.
func drawn(bt *blockText) []drawnText {
	var out []drawnText
	for _, block := range test.WidgetRenderer(bt).Objects() {
		out = append(out, drawnIn(block.(*widget.RichText), block.Position().Y)...)
	}
	return out
}

// drawnIn lists the pieces of text rt draws with their tops, moved down by dy.
func drawnIn(rt *widget.RichText, dy float32) []drawnText {
	var out []drawnText
	for _, o := range test.WidgetRenderer(rt).Objects() {
		if tx, ok := o.(*canvas.Text); ok && strings.TrimSpace(shown(tx.Text)) != "" {
			out = append(out, drawnText{shown(tx.Text), dy + tx.Position().Y})
		}
	}
	return out
}

// screenY is where the first drawn text of col containing what is, below the top of the view.
func screenY(col *column, what string) (float32, bool) {
	for _, d := range drawn(col.text) {
		if strings.Contains(d.text, what) {
			return d.y - col.scroll.Offset.Y, true
		}
	}
	return 0, false
}

func TestColumnLaysOutOnlyTheBlocksInView(t *testing.T) {
	md := sampleReport(3000, 5)
	col, _ := columnInWindow(t, md, fyne.NewSize(420, 600))
	bt := col.text
	if len(bt.blocks) < 60 {
		t.Fatalf("%d blocks: the sample is too short for this test", len(bt.blocks))
	}
	check := func(when string) {
		t.Helper()
		objs := test.WidgetRenderer(bt).Objects()
		if len(objs) == 0 || len(objs) > 12 {
			t.Fatalf("%s: %d blocks of %d laid out", when, len(objs), len(bt.blocks))
		}
		top, view := col.scroll.Offset.Y, col.scroll.Size().Height
		for _, o := range objs {
			if o.Position().Y > top+view || o.Position().Y+o.Size().Height < top {
				t.Errorf("%s: a block at %v is laid out, the view goes from %v to %v", when, o.Position().Y, top, top+view)
			}
		}
	}
	check("at the top")
	if d := drawn(bt); len(d) == 0 || !strings.Contains(d[0].text, "COMPTE-RENDU") {
		t.Fatalf("the top of the text is not drawn: %v", d)
	}
	for col.scroll.Offset.Y+col.scroll.Size().Height < col.scroll.Content.Size().Height-1 {
		before := col.scroll.Offset.Y
		col.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -250)})
		if col.scroll.Offset.Y == before {
			t.Fatalf("the wheel stops at %v of %v", before, col.scroll.Content.Size().Height)
		}
		check(fmt.Sprintf("at %v", col.scroll.Offset.Y))
	}
	if d := drawn(bt); len(d) == 0 || !strings.Contains(d[len(d)-1].text, "novembre 2026.") {
		t.Errorf("the end of the text is not drawn at the bottom: %v", d)
	}
}

func TestColumnBlocksStackAsOneText(t *testing.T) {
	md := "# RÉUNION PUBLIQUE DU 14 OCTOBRE\n\nPremier paragraphe **assez long** pour passer à la ligne, avec [un lien](https://exemple.org) et des participant·es.\n\nIntervenant·es :\n\n- Mme Claire Laurent, adjointe\n- M. Karim Benali\n\n3. troisième point\n4. quatrième point, un peu plus long que le troisième\n\n---\n\n> Une citation de la salle.\n\n| Proposition | Pour |\n|---|---|\n| Halle | 42 |\n\n## SUITE\n\nFin de séance à 21h10."
	md += "\n\n- Plusieurs inscrit.e.s demandent un abri.\n- Un vote donne 35 voix pour.\n\n- Selon l'enquête, 60 % des répondant·es.\n- Fin."
	var markers []sentenceMarker
	for _, s := range []string{"Premier paragraphe", "Mme Claire Laurent", "quatrième point", "Une citation", "Plusieurs inscrit", "Un vote", "Selon l'enquête"} {
		start := strings.Index(md, s)
		markers = append(markers, sentenceMarker{start: start, end: start + strings.IndexAny(md[start:], ".\n") + 1, text: "§"})
	}
	marked := func() []widget.RichTextSegment {
		segs, _ := markSegments(md, columnSegments(md), nil, markers)
		return segs
	}
	segs := marked()
	for _, width := range []float32{180, 333, 520} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			test.NewTempApp(t)
			one := widget.NewRichText(marked()...)
			one.Wrapping = fyne.TextWrapWord
			one.Resize(fyne.NewSize(width, 10))
			bt := newBlockText()
			bt.viewport = func() (float32, float32) { return 0, 1e6 }
			bt.Resize(fyne.NewSize(width, 10))
			bt.setSegments(segs)
			want, got := drawnIn(one, 0), drawn(bt)
			if len(got) != len(want) {
				t.Fatalf("%d pieces drawn, want %d:\n%v\n%v", len(got), len(want), got, want)
			}
			for i := range want {
				if got[i].text != want[i].text || math.Abs(float64(got[i].y-want[i].y)) > 0.5 {
					t.Errorf("piece %d: %q at %v, want %q at %v", i, got[i].text, got[i].y, want[i].text, want[i].y)
				}
			}
			if h := one.MinSize().Height; math.Abs(float64(bt.MinSize().Height-h)) > 0.5 {
				t.Errorf("height %v, want %v", bt.MinSize().Height, h)
			}
		})
	}
}

func TestColumnViewStaysStillWhenBlocksAboveAreMeasured(t *testing.T) {
	col, _ := columnInWindow(t, sampleReport(4000, 6), fyne.NewSize(380, 500))
	bt := col.text
	// a jump to the middle, as with the scroll bar: the blocks above are only estimated
	col.scroll.ScrollToOffset(fyne.NewPos(0, col.scroll.Content.Size().Height/2))
	col.scroll.OnScrolled(col.scroll.Offset)
	var mark drawnText
	for _, d := range drawn(bt) {
		if d.y >= col.scroll.Offset.Y && len(d.text) > 20 {
			mark = d
			break
		}
	}
	if mark.text == "" {
		t.Fatal("nothing drawn in view")
	}
	before := mark.y - col.scroll.Offset.Y
	estimated := 0
	for i := range bt.blocks {
		if !bt.isMeasured(i, bt.Size().Width) {
			estimated++
		}
	}
	if estimated < len(bt.blocks)/2 {
		t.Fatalf("only %d blocks of %d are estimated: the test needs most of them", estimated, len(bt.blocks))
	}
	for range 4 { // up, line by line: each step measures the blocks coming into view above
		col.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 60)})
		before += 60
		after, ok := screenY(col, mark.text)
		if !ok || math.Abs(float64(after-before)) > 0.5 {
			t.Fatalf("the text %q moved from %v to %v in view (drawn: %v)", mark.text, before, after, ok)
		}
	}
}

func TestColumnKeepsItsPlaceWhileTheTextGrows(t *testing.T) {
	md := sampleReport(3000, 9)
	col, _ := columnInWindow(t, md, fyne.NewSize(380, 500))
	for range 40 { // read down to the middle, as a reader does while a variant is written
		col.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -120)})
	}
	d := drawn(col.text)
	if len(d) < 3 {
		t.Fatalf("drawn %v", d)
	}
	mark := d[len(d)/2]
	before, _ := screenY(col, mark.text)
	for i := range 5 {
		md += fmt.Sprintf("\n\nParagraphe %d écrit pendant la lecture, par un modèle qui continue sa synthèse.", i)
		col.setText(md)
		if after, ok := screenY(col, mark.text); !ok || after != before {
			t.Fatalf("after %d more paragraphs, %q moved from %v to %v in view (drawn: %v)", i+1, mark.text, before, after, ok)
		}
	}
}

func TestColumnWrapsAgainAtANewWidth(t *testing.T) {
	col, w := columnInWindow(t, sampleReport(2000, 7), fyne.NewSize(600, 500))
	bt := col.text
	wide := bt.MinSize().Height
	w.Resize(fyne.NewSize(300, 500))
	if bt.Size().Width >= 300 || bt.MinSize().Height <= wide {
		t.Fatalf("at 300 px: width %v, height %v (it was %v at 600 px)", bt.Size().Width, bt.MinSize().Height, wide)
	}
	for _, o := range test.WidgetRenderer(bt).Objects() {
		if o.Size().Width != bt.Size().Width {
			t.Errorf("a block is laid out %v wide in a column %v wide", o.Size().Width, bt.Size().Width)
		}
	}
	d := drawn(bt)
	for i := 1; i < len(d); i++ {
		if d[i].y < d[i-1].y {
			t.Errorf("%q drawn at %v, above %q at %v", d[i].text, d[i].y, d[i-1].text, d[i-1].y)
		}
	}
	w.Resize(fyne.NewSize(600, 500))
	if h := bt.MinSize().Height; h != wide {
		t.Errorf("back at 600 px the text is %v high, it was %v", h, wide)
	}
}

// inkTheme is the test theme with text in another colour.
type inkTheme struct{ fyne.Theme }

var ink = color.NRGBA{R: 0x20, G: 0x40, B: 0x60, A: 0xff}

func (t inkTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameForeground {
		return ink
	}
	return t.Theme.Color(n, v)
}

func TestColumnTakesANewTheme(t *testing.T) {
	col, _ := columnInWindow(t, sampleReport(2000, 8), fyne.NewSize(400, 500))
	colorOf := func(where string) color.Color {
		t.Helper()
		for _, block := range test.WidgetRenderer(col.text).Objects() {
			for _, o := range test.WidgetRenderer(block.(*widget.RichText)).Objects() {
				if tx, ok := o.(*canvas.Text); ok && strings.TrimSpace(shown(tx.Text)) != "" {
					return tx.Color
				}
			}
		}
		t.Fatalf("%s: no text drawn", where)
		return nil
	}
	if c := colorOf("before"); c == ink {
		t.Fatalf("the text is drawn in %v before the change", c)
	}
	fyne.CurrentApp().Settings().SetTheme(inkTheme{test.Theme()})
	if c := colorOf("in view"); c != ink {
		t.Errorf("in view: text drawn in %v, want %v", c, ink)
	}
	col.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -2000)})
	if c := colorOf("come into view"); c != ink {
		t.Errorf("come into view: text drawn in %v, want %v", c, ink)
	}
}
