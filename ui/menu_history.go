package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
)

// history shows a report's revisions, the differences between two of them, and restores one.
type history struct {
	*versionsView[int64] // revisions by ID
	svc                  *services
	reportID             int64
	revs                 map[int64]model.Revision
	restored             func(model.Report) // shows the report restored in the editor and the library
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
	h := &history{svc: u.services, reportID: u.reportID, revs: map[int64]model.Revision{},
		restored: func(r model.Report) {
			u.ed.Load(r)
			u.lib.UpdateReport(r)
		}}
	ids := make([]int64, len(revs))
	for i, r := range revs {
		ids[i], h.revs[r.ID] = r.ID, r
	}
	h.versionsView = showVersions(lang.L("History of the report"), ids,
		func(id int64) string { return revisionLabel(h.revs[id]) },
		func(id int64) string { return h.revs[id].Body },
		h.onRestore, u.win, fyne.NewSize(860, 600))
	return h
}

// revisionLabel names a version: its number, date and length.
func revisionLabel(r model.Revision) string {
	return lang.L("Version {{.N}} — {{.Date}} — {{.Words}} words", map[string]any{
		"N": r.Number, "Date": r.Created.Local().Format("02/01/2006 15:04"), "Words": fmtInt(wordCount(r.Body))})
}

// onRestore brings the report back to revision id, and reports whether it did; the current
// text stays in the history.
func (h *history) onRestore(id int64) bool {
	rev := h.revs[id]
	r, err := h.svc.store.RestoreRevision(h.svc.ctx, h.reportID, rev.ID)
	if err != nil {
		h.svc.showError(err)
		return false
	}
	h.restored(r)
	dialog.ShowInformation(lang.L("Version restored"), fmt.Sprint(lang.L("The report is back to version {{.N}}. The text it had just before is kept in the history.", map[string]any{"N": rev.Number})), h.svc.win)
	return true
}
