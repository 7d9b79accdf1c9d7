package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// Markers put after the sentences of a variant: tap one to see its support in the source.
const (
	markerSupported   = "§"
	markerUnsupported = "⚠"
)

// columnView is what stands out in a column's Markdown.
type columnView struct {
	marks   []spanMark
	markers []sentenceMarker
}

// key tells two views apart, to skip redrawing an identical one.
func (v columnView) key() string {
	var b strings.Builder
	for _, m := range v.marks {
		fmt.Fprintf(&b, "%d-%d:%d ", m.span.Start, m.span.End, m.kind)
	}
	b.WriteByte('|')
	for _, m := range v.markers {
		fmt.Fprintf(&b, "%d-%d:%s ", m.start, m.end, m.text)
	}
	return b.String()
}

// chosenSentence is the variant sentence whose support the source column shows.
type chosenSentence struct {
	variant  int64 // 0 when none is chosen
	sentence int
}

// viewFor gathers what stands out in v's column: the facts the source does not state, the
// words it does not contain (when asked), the sentences it does not support, and a marker
// after every sentence.
func (c *comparison) viewFor(v model.Variant) columnView {
	va, ok := c.variantAnalysis(v)
	if !ok {
		return columnView{}
	}
	var view columnView
	for _, f := range va.Facts.Introduced {
		view.marks = append(view.marks, spanMark{span: analysis.Span{Start: f.Start, End: f.End}, kind: markFact})
	}
	if c.diffCheck.Checked {
		for _, s := range va.Absent {
			view.marks = append(view.marks, spanMark{span: s, kind: markAbsent})
		}
	}
	for i, s := range va.Sentences {
		span := analysis.Span{Start: s.Start, End: s.End}
		if s.Unsupported {
			view.marks = append(view.marks, spanMark{span: span, kind: markUnsupported})
		}
		if c.chosen == (chosenSentence{variant: v.ID, sentence: i}) {
			view.marks = append(view.marks, spanMark{span: span, kind: markActive})
		}
		text := markerSupported
		if s.Unsupported {
			text = markerUnsupported
		}
		id := v.ID
		view.markers = append(view.markers, sentenceMarker{start: s.Start, end: s.End, text: text,
			onTap: func() { c.onSentence(id, i) }})
	}
	return view
}

// unsupportedCount counts the sentences of a variant the source does not support.
func unsupportedCount(va analysis.VariantAnalysis) int {
	n := 0
	for _, s := range va.Sentences {
		if s.Unsupported {
			n++
		}
	}
	return n
}

// unsupportedText says how many sentences of a variant the source does not support.
func unsupportedText(n int) string {
	if n == 1 {
		return lang.L("⚠ 1 sentence without support in the source")
	}
	return lang.L("⚠ {{.N}} sentences without support in the source", map[string]any{"N": n})
}

// onSentence shows the passage of the source that supports sentence i of a variant, or hides
// it when it is already shown.
func (c *comparison) onSentence(variant int64, i int) {
	if c.chosen == (chosenSentence{variant: variant, sentence: i}) {
		c.clearSentence()
		return
	}
	c.chosen = chosenSentence{variant: variant, sentence: i}
	c.refreshColumns()
	c.showPassage()
}

// clearSentence hides the passage shown in the source column.
func (c *comparison) clearSentence() {
	if c.chosen.variant == 0 {
		return
	}
	c.chosen = chosenSentence{}
	c.refreshColumns()
	c.showPassage()
}

// chosenSupport returns the chosen sentence's support, when it is still on screen.
func (c *comparison) chosenSupport() (analysis.SentenceSupport, bool) {
	for i := range c.cols {
		if i >= len(c.variants) || c.variants[i].ID != c.chosen.variant {
			continue
		}
		va, ok := c.variantAnalysis(c.variants[i])
		if ok && c.chosen.sentence < len(va.Sentences) {
			return va.Sentences[c.chosen.sentence], true
		}
	}
	return analysis.SentenceSupport{}, false
}

// showPassage marks the passage supporting the chosen sentence in the source column and
// scrolls the column to it.
func (c *comparison) showPassage() {
	if c.srcCol == nil {
		return
	}
	s, ok := c.chosenSupport()
	var view columnView
	if ok {
		for _, sp := range s.Source {
			view.marks = append(view.marks, spanMark{span: sp, kind: markPassage})
		}
	}
	c.srcCol.show(c.source.Body, view)
	c.srcCol.scrollToMark(markPassage)
}

// scrollToMark scrolls the column so that the first text marked kind is in view, a quarter
// down from the top. Its place in its block is measured by laying out, at the column's width,
// the text of the block that comes before it followed by its first word.
func (col *column) scrollToMark(kind markKind) {
	target := col.first[kind]
	if target == nil {
		return
	}
	b, ok := col.text.blockOf(target)
	if !ok {
		return
	}
	word := &widget.TextSegment{Text: firstWord(target.Text), Style: target.Style}
	prefix, ok := prefixThrough(col.text.blocks[b].segs, target, word)
	if !ok {
		return
	}
	measure := widget.NewRichText(prefix...)
	measure.Wrapping = fyne.TextWrapWord
	measure.Resize(fyne.NewSize(col.text.Size().Width, 1))
	th := col.text.Theme()
	size := th.Size(theme.SizeNameText)
	if target.Style.SizeName != "" {
		size = th.Size(target.Style.SizeName)
	}
	rowHeight := fyne.MeasureText(word.Text, size, target.Style.TextStyle).Height
	top := measure.MinSize().Height - 2*th.Size(theme.SizeNameInnerPadding) - rowHeight
	col.text.reveal(b, top, col.scroll.Size().Height/4)
}

// firstWord returns the start of text up to its first space.
func firstWord(text string) string {
	if i := strings.IndexByte(strings.TrimLeft(text, " "), ' '); i > 0 {
		return text[:i+len(text)-len(strings.TrimLeft(text, " "))]
	}
	return text
}

// prefixThrough returns the segments that come before target, inside lists and paragraphs
// too, followed by last in target's place.
func prefixThrough(segs []widget.RichTextSegment, target, last widget.RichTextSegment) ([]widget.RichTextSegment, bool) {
	for i, seg := range segs {
		if seg == target {
			return append(segs[:i:i], last), true
		}
		switch s := seg.(type) {
		case *widget.ListSegment:
			if inner, ok := prefixThrough(s.Items, target, last); ok {
				l := &widget.ListSegment{Items: inner, Ordered: s.Ordered}
				l.SetStartNumber(s.StartNumber())
				return append(segs[:i:i], l), true
			}
		case *widget.ParagraphSegment:
			if inner, ok := prefixThrough(s.Texts, target, last); ok {
				return append(segs[:i:i], &widget.ParagraphSegment{Texts: inner}), true
			}
		}
	}
	return nil, false
}

// tapArea is a column's body: a tap on it, outside a link or a marker, hides the passage shown.
type tapArea struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
}

func newTapArea(content fyne.CanvasObject) *tapArea {
	t := &tapArea{content: content}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer shows the content as it is.
func (t *tapArea) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.content) }

// Tapped calls onTap.
func (t *tapArea) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}
