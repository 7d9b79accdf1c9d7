package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/analysis"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// versionsView is the dialog of a text's versions, the report's or a preset's: two versions
// chosen by their key, newest first, what changed from the first to the second (words added
// stand out, words removed are struck in red), and a button that brings the first back — not
// the newest, which is the current text.
type versionsView[K comparable] struct {
	keys     []K // newest first
	text     func(K) string
	from, to *uikit.Choice[K]
	diff     *widget.RichText
	restore  *widget.Button
	dlg      dialog.Dialog
}

// showVersions opens the dialog on keys (at least one), each named by label and holding text;
// onRestore brings key back and reports whether it did, which closes the dialog; when it did
// not, the dialog stays with the reason it showed.
func showVersions[K comparable](title string, keys []K, label, text func(K) string, onRestore func(K) bool, win fyne.Window, size fyne.Size) *versionsView[K] {
	v := &versionsView[K]{keys: keys, text: text, diff: widget.NewRichText()}
	v.diff.Wrapping = fyne.TextWrapWord
	v.from = uikit.NewChoice(func(K) { v.showDiff() })
	v.to = uikit.NewChoice(func(K) { v.showDiff() })
	v.from.SetOptions(keys, label)
	v.to.SetOptions(keys, label)
	v.restore = widget.NewButtonWithIcon(lang.L("Restore this version"), theme.HistoryIcon(), func() {
		if k, ok := v.from.Value(); ok && k != v.keys[0] && onRestore(k) {
			v.dlg.Hide()
		}
	})
	v.from.Set(keys[min(1, len(keys)-1)]) // the version before the current text
	v.to.Set(keys[0])
	form := widget.NewForm(widget.NewFormItem(lang.L("Version"), v.from), widget.NewFormItem(lang.L("Compared with"), v.to))
	body := container.NewBorder(container.NewVBox(form, container.NewHBox(v.restore)), nil, nil, nil, container.NewVScroll(v.diff))
	v.dlg = dialog.NewCustom(title, lang.L("Close"), body, win)
	v.dlg.Resize(size)
	v.dlg.Show()
	return v
}

// showDiff shows what changed from the first chosen version to the second.
func (v *versionsView[K]) showDiff() {
	from, ok1 := v.from.Value()
	to, ok2 := v.to.Value()
	if !ok1 || !ok2 {
		return
	}
	v.diff.Segments = wordDiffSegments(analysis.WordDiff(v.text(from), v.text(to)))
	v.diff.Refresh()
	if from == v.keys[0] {
		v.restore.Disable()
	} else {
		v.restore.Enable()
	}
}
