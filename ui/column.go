package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/analysis"
)

// column is one scrollable text column of the comparison, with a header, the facts the variant
// lost, its critiques and its review mark.
type column struct {
	title    *widget.Label
	subtitle *widget.Label
	review   *widget.Label
	text     *widget.RichText
	lost     *widget.Label
	extra    *fyne.Container // critiques
	copyBtn  *widget.Button
	moreBtn  *widget.Button
	box      fyne.CanvasObject
	markdown string
	shownKey string // what the text widget shows, to skip identical redraws
}

func newColumn() *column {
	col := &column{
		title:    widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		subtitle: widget.NewLabel(""),
		review:   widget.NewLabel(""),
		text:     widget.NewRichText(),
		lost:     widget.NewLabel(""),
		extra:    container.NewVBox(),
	}
	col.title.Truncation = fyne.TextTruncateEllipsis
	for _, l := range []*widget.Label{col.subtitle, col.review, col.lost} {
		l.Wrapping = fyne.TextWrapWord
		l.SizeName = theme.SizeNameCaptionText
	}
	col.review.TextStyle.Bold = true
	col.review.Importance = widget.SuccessImportance
	col.review.Hide()
	col.lost.Importance = widget.WarningImportance
	col.lost.Hide()
	col.text.Wrapping = fyne.TextWrapWord
	col.copyBtn = widget.NewButtonWithIcon("", theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(col.markdown)
	})
	col.moreBtn = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), nil)
	col.moreBtn.Hide()
	buttons := container.NewHBox(col.copyBtn, col.moreBtn)
	header := container.NewBorder(nil, nil, nil, buttons, container.NewVBox(col.title, col.subtitle, col.review))
	body := container.NewVBox(col.text, col.lost, col.extra)
	col.box = container.NewBorder(header, nil, nil, nil, container.NewVScroll(body))
	return col
}

// show displays markdown, with flags (introduced facts) standing out, or — when diff is not
// nil — the word diff against the source instead.
func (col *column) show(markdown string, flags []string, diff []analysis.DiffSpan) {
	key := markdown + "\x00" + strings.Join(flags, "\x00")
	if diff != nil {
		key += "\x00diff"
	}
	if key == col.shownKey {
		return
	}
	col.shownKey, col.markdown = key, markdown
	if diff != nil {
		col.text.Segments = diffSegments(diff)
	} else {
		col.text.Segments = flagSegments(columnSegments(markdown), flags)
	}
	col.text.Refresh() // once: laying out a long text is the costly part
}

// setText displays markdown as it is.
func (col *column) setText(markdown string) { col.show(markdown, nil, nil) }

// columnSegments parses Markdown into rich-text segments with headings brought down one size,
// to suit narrow columns.
func columnSegments(markdown string) []widget.RichTextSegment {
	segs := widget.NewRichTextFromMarkdown(markdown).Segments
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
	return segs
}
