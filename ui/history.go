package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// history shows a report's revisions, the differences between two of them, and restores one.
type history struct {
	u        *UI
	revs     []model.Revision
	from, to *widget.Select
	diff     *widget.RichText
	restore  *widget.Button
	dlg      dialog.Dialog
}

// onHistory opens the history of the open report.
func (u *UI) onHistory() *history {
	if u.reportID == 0 {
		return nil
	}
	if err := u.ed.Flush(); err != nil {
		u.showError(unsavedError{err})
		return nil
	}
	if _, err := u.deps.Store.Snapshot(u.ctx, u.reportID); err != nil { // the current text is a version too
		u.showError(err)
		return nil
	}
	revs, err := u.deps.Store.Revisions(u.ctx, u.reportID)
	if err != nil {
		u.showError(err)
		return nil
	}
	h := &history{u: u, revs: revs, diff: widget.NewRichText()}
	h.diff.Wrapping = fyne.TextWrapWord
	labels := make([]string, len(revs))
	for i, r := range revs {
		labels[i] = revisionLabel(r)
	}
	h.from = widget.NewSelect(labels, func(string) { h.showDiff() })
	h.to = widget.NewSelect(labels, func(string) { h.showDiff() })
	h.restore = widget.NewButtonWithIcon(lang.L("Restore this version"), theme.HistoryIcon(), h.onRestore)
	if len(revs) > 1 {
		h.from.SetSelectedIndex(1)
	} else {
		h.from.SetSelectedIndex(0)
	}
	h.to.SetSelectedIndex(0)
	form := widget.NewForm(widget.NewFormItem(lang.L("Version"), h.from), widget.NewFormItem(lang.L("Compared with"), h.to))
	body := container.NewBorder(container.NewVBox(form, container.NewHBox(h.restore)), nil, nil, nil, container.NewVScroll(h.diff))
	h.dlg = dialog.NewCustom(lang.L("History of the report"), lang.L("Close"), body, u.win)
	h.dlg.Resize(fyne.NewSize(860, 600))
	h.dlg.Show()
	return h
}

// revisionLabel names a version: its number, date and length.
func revisionLabel(r model.Revision) string {
	return lang.L("Version {{.N}} — {{.Date}} — {{.Words}} words", map[string]any{
		"N": r.Number, "Date": r.Created.Local().Format("02/01/2006 15:04"), "Words": fmtInt(wordCount(r.Body))})
}

// showDiff shows what changed from the first chosen version to the second: words added stand
// out, words removed are shown struck in red.
func (h *history) showDiff() {
	i, j := h.from.SelectedIndex(), h.to.SelectedIndex()
	if i < 0 || j < 0 {
		return
	}
	segs := wordDiffSegments(analysis.WordDiff(h.revs[i].Body, h.revs[j].Body))
	h.diff.Segments = segs
	h.diff.Refresh()
	h.restore.Disable()
	if i > 0 {
		h.restore.Enable() // the newest version is the current text
	}
}

// onRestore brings the report back to the chosen version; the current text stays in the history.
func (h *history) onRestore() {
	i := h.from.SelectedIndex()
	if i <= 0 {
		return
	}
	rev := h.revs[i]
	r, err := h.u.deps.Store.RestoreRevision(h.u.ctx, h.u.reportID, rev.ID)
	if err != nil {
		h.u.showError(err)
		return
	}
	h.dlg.Hide()
	h.u.ed.Load(r)
	h.u.lib.UpdateReport(r)
	dialog.ShowInformation(lang.L("Version restored"), fmt.Sprint(lang.L("The report is back to version {{.N}}. The text it had just before is kept in the history.", map[string]any{"N": rev.Number})), h.u.win)
}
