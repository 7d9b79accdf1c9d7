package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// showFirstTry shows, in a readable and selectable text, what a variant's first server wrote
// before it stopped answering: the variant was written again elsewhere, from the start, and
// this partial text is kept beside it (and in the JSON archive).
func showFirstTry(win fyne.Window, host, text string) {
	intro := widget.NewLabel(lang.L("{{.Host}} stopped answering while it wrote this variant. Here is what it had written; the variant was then written again, from the start, on another server.", map[string]any{"Host": hostName(host)}))
	intro.Wrapping = fyne.TextWrapWord
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	body.Selectable = true
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(560, 320))
	d := dialog.NewCustom(lang.L("First try"), lang.L("Close"), container.NewBorder(intro, nil, nil, nil, scroll), win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}
