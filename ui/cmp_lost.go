package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/analysis"
)

// mostLostShown is how many lost facts a column lists; the rest are counted.
const mostLostShown = 30

// lostView is the facts of the source a variant dropped, under its column: a title with their
// number (the metrics table's and the PDF's) and a button that folds or unfolds a ranked list,
// the most important first, in the text's size. The title wraps, so that a narrow column
// stays narrow.
type lostView struct {
	box   *fyne.Container
	title *widget.Label
	fold  *widget.Button
	list  *widget.RichText
}

func newLostView() *lostView {
	v := &lostView{list: widget.NewRichText(), title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	v.list.Wrapping = fyne.TextWrapWord
	v.title.Wrapping = fyne.TextWrapWord
	v.title.Importance = widget.WarningImportance
	v.fold = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), v.toggle)
	v.fold.Importance = widget.LowImportance
	v.box = container.NewVBox(container.NewBorder(nil, nil, v.fold, nil, v.title), v.list)
	v.box.Hide()
	return v
}

// toggle folds or unfolds the list.
func (v *lostView) toggle() {
	if v.list.Visible() {
		v.list.Hide()
		v.fold.SetIcon(theme.MenuExpandIcon())
	} else {
		v.list.Show()
		v.fold.SetIcon(theme.MenuDropDownIcon())
	}
}

// show lists the facts va lost, or hides the view when it lost none.
func (v *lostView) show(va analysis.VariantAnalysis, ok bool) {
	title, items := lostFacts(va)
	if !ok || len(items) == 0 {
		v.box.Hide()
		return
	}
	v.title.SetText(title)
	v.list.Segments = rankedList(items)
	v.list.Refresh()
	v.box.Show()
}

// lostFacts titles the facts of the source a variant dropped, with their number, and lists
// each once, the most important first (as analysis ranks them), with how many times the source
// states it when more than once; past mostLostShown, the last item counts the rest.
func lostFacts(va analysis.VariantAnalysis) (title string, items []string) {
	n := len(va.Facts.Lost)
	if n == 0 {
		return "", nil
	}
	for i, f := range va.Facts.Lost {
		if i == mostLostShown {
			items = append(items, lang.L("and {{.N}} more", map[string]any{"N": n - mostLostShown}))
			break
		}
		items = append(items, factWithCount(f))
	}
	return lang.L("Facts of the source missing here ({{.N}})", map[string]any{"N": n}), items
}

// rankedList is a numbered list of items in the warning colour.
func rankedList(items []string) []widget.RichTextSegment {
	list := &widget.ListSegment{Ordered: true}
	for _, it := range items {
		text := &widget.TextSegment{Text: it, Style: widget.RichTextStyleInline}
		text.Style.ColorName = theme.ColorNameWarning
		list.Items = append(list.Items, &widget.ParagraphSegment{Texts: []widget.RichTextSegment{text}})
	}
	return []widget.RichTextSegment{list}
}
