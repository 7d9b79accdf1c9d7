package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// history shows a report's revisions, the differences between two of them, and restores one.
type history struct {
	svc      *services
	reportID int64
	restored func(model.Report) // shows the report restored in the editor and the library
	revs     []model.Revision
	from, to *uikit.Choice[int64] // revisions by ID
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
	if _, err := u.store.Snapshot(u.ctx, u.reportID); err != nil { // the current text is a version too
		u.showError(err)
		return nil
	}
	revs, err := u.store.Revisions(u.ctx, u.reportID)
	if err != nil {
		u.showError(err)
		return nil
	}
	h := &history{svc: u.services, reportID: u.reportID, revs: revs, diff: widget.NewRichText(),
		restored: func(r model.Report) {
			u.ed.Load(r)
			u.lib.UpdateReport(r)
		}}
	h.diff.Wrapping = fyne.TextWrapWord
	ids := make([]int64, len(revs))
	labels := map[int64]string{}
	for i, r := range revs {
		ids[i], labels[r.ID] = r.ID, revisionLabel(r)
	}
	h.from = uikit.NewChoice(func(int64) { h.showDiff() })
	h.to = uikit.NewChoice(func(int64) { h.showDiff() })
	for _, c := range []*uikit.Choice[int64]{h.from, h.to} {
		c.SetOptions(ids, func(id int64) string { return labels[id] })
	}
	h.restore = widget.NewButtonWithIcon(lang.L("Restore this version"), theme.HistoryIcon(), h.onRestore)
	h.from.Set(ids[min(1, len(ids)-1)]) // the version before the current text
	h.to.Set(ids[0])
	form := widget.NewForm(widget.NewFormItem(lang.L("Version"), h.from), widget.NewFormItem(lang.L("Compared with"), h.to))
	body := container.NewBorder(container.NewVBox(form, container.NewHBox(h.restore)), nil, nil, nil, container.NewVScroll(h.diff))
	h.dlg = dialog.NewCustom(lang.L("History of the report"), lang.L("Close"), body, u.win)
	h.dlg.Resize(fyne.NewSize(860, 600))
	h.dlg.Show()
	return h
}

// chosen returns the position in revs of the revision c shows, -1 when none; 0 is the newest.
func (h *history) chosen(c *uikit.Choice[int64]) int {
	id, ok := c.Value()
	if !ok {
		return -1
	}
	return slices.IndexFunc(h.revs, func(r model.Revision) bool { return r.ID == id })
}

// revisionLabel names a version: its number, date and length.
func revisionLabel(r model.Revision) string {
	return lang.L("Version {{.N}} — {{.Date}} — {{.Words}} words", map[string]any{
		"N": r.Number, "Date": r.Created.Local().Format("02/01/2006 15:04"), "Words": fmtInt(wordCount(r.Body))})
}

// showDiff shows what changed from the first chosen version to the second: words added stand
// out, words removed are shown struck in red.
func (h *history) showDiff() {
	i, j := h.chosen(h.from), h.chosen(h.to)
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
	i := h.chosen(h.from)
	if i <= 0 {
		return
	}
	rev := h.revs[i]
	r, err := h.svc.store.RestoreRevision(h.svc.ctx, h.reportID, rev.ID)
	if err != nil {
		h.svc.showError(err)
		return
	}
	h.dlg.Hide()
	h.restored(r)
	dialog.ShowInformation(lang.L("Version restored"), fmt.Sprint(lang.L("The report is back to version {{.N}}. The text it had just before is kept in the history.", map[string]any{"N": rev.Number})), h.svc.win)
}
