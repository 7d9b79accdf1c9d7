package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"

	"github.com/rapporteur/rapporteur/ui/uikit"
)

// column is one scrollable text column of the comparison, with a header, the facts the variant
// lost, its critiques and its review mark.
type column struct {
	title    *widget.Label
	subtitle *widget.Label
	review   *widget.Label
	text     *blockText // lays out only the paragraphs in view
	lost     *lostView
	// unsupported counts the sentences the source does not support
	unsupported *widget.Label
	extra       *fyne.Container // critiques
	copyBtn     *widget.Button
	moreBtn     *widget.Button
	box         fyne.CanvasObject
	tapArea     *tapArea // a tap on the text outside a link clears the sentence shown
	scroll      *container.Scroll
	// scrolled is called when the reader scrolls the column
	scrolled func()
	markdown string
	shownKey string // what the text widget shows, to skip identical redraws
	first    map[markKind]*widget.TextSegment
	spans    []analysis.Span // the bytes of markdown each block shows, nil until asked (blockSpans)
}

func newColumn() *column {
	col := &column{
		title:       widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		subtitle:    widget.NewLabel(""),
		review:      widget.NewLabel(""),
		text:        newBlockText(),
		lost:        newLostView(),
		unsupported: widget.NewLabel(""),
		extra:       container.NewVBox(),
	}
	for _, l := range []*widget.Label{col.subtitle, col.review, col.unsupported} {
		l.Wrapping = fyne.TextWrapWord
		l.SizeName = theme.SizeNameCaptionText
	}
	col.title.Wrapping = fyne.TextWrapWord // the preset's name in full, on two lines if need be
	col.review.TextStyle.Bold = true
	col.review.Importance = widget.SuccessImportance
	col.review.Hide()
	col.unsupported.Importance = widget.WarningImportance
	col.unsupported.Hide()
	col.copyBtn = widget.NewButtonWithIcon("", theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(col.markdown)
	})
	col.moreBtn = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), nil)
	col.moreBtn.Hide()
	buttons := container.NewVBox(container.NewHBox(col.copyBtn, col.moreBtn)) // at the top, not stretched
	header := container.NewBorder(nil, nil, nil, buttons, container.NewVBox(col.title, col.subtitle, col.review, col.unsupported))
	col.tapArea = newTapArea(container.NewVBox(col.text, col.lost.box, col.extra))
	col.scroll = container.NewVScroll(col.tapArea)
	col.text.viewport = func() (float32, float32) { return col.scroll.Offset.Y, col.scroll.Size().Height }
	col.text.scrollTo = func(y float32) { col.scroll.ScrollToOffset(fyne.NewPos(0, y)) }
	col.text.grown = col.scroll.Refresh
	col.scroll.OnScrolled = func(fyne.Position) {
		col.text.place(-1)
		if col.scrolled != nil {
			col.scrolled()
		}
	}
	// the scroll may get taller without its text getting wider: the blocks come into view then
	col.box = container.New(afterLayout{inner: layout.NewBorderLayout(header, nil, nil, nil), after: func() { col.text.place(-1) }},
		header, col.scroll)
	return col
}

// show displays markdown, rendered, with what view marks standing out.
func (col *column) show(markdown string, view columnView) {
	key := markdown + "\x00" + view.key()
	if key == col.shownKey {
		return
	}
	col.shownKey, col.markdown = key, markdown
	segs, first := markSegments(markdown, columnSegments(markdown), view.marks, view.markers)
	col.first, col.spans = first, nil
	col.text.setSegments(segs) // lays out only the blocks in view
}

// afterLayout is a layout that calls after once it has laid its objects out.
type afterLayout struct {
	inner fyne.Layout
	after func()
}

// Layout lays the objects out, then calls after.
func (l afterLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.inner.Layout(objects, size)
	l.after()
}

// MinSize is the inner layout's.
func (l afterLayout) MinSize(objects []fyne.CanvasObject) fyne.Size { return l.inner.MinSize(objects) }

// setText displays markdown as it is.
func (col *column) setText(markdown string) { col.show(markdown, columnView{}) }

// columnSegments parses Markdown into rich-text segments with headings brought down one size,
// to suit narrow columns, and the inline HTML of converted reports rendered or removed.
func columnSegments(markdown string) []widget.RichTextSegment {
	segs := widget.NewRichTextFromMarkdown(model.InlineHTML(markdown)).Segments
	for _, seg := range segs {
		ts, ok := seg.(*widget.TextSegment)
		if !ok {
			continue
		}
		switch ts.Style.SizeName {
		case theme.SizeNameHeadingText:
			ts.Style.SizeName = theme.SizeNameSubHeadingText
		case theme.SizeNameSubHeadingText:
			ts.Style.SizeName = theme.SizeNameText
			ts.Style.TextStyle.Bold = true
		}
	}
	return uikit.GuardWraps(segs)
}
