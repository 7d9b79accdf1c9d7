package library

import (
	"cmp"
	"slices"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
)

// prefLibraryOrder keeps the order of the library between sessions.
const prefLibraryOrder = "library-order"

// The orders of the library, in the order of its choice.
const (
	orderEdited     = iota // last edited first (with a search: title matches first)
	orderSessionNew        // most recent session first; undated reports last
	orderSessionOld        // oldest session first; undated reports last
	orderTitle             // by title, ignoring case and accents
	orderCount             // the number of orders
)

// newOrderSelect is the library's choice of order, kept in the preferences.
func (l *Screen) newOrderSelect() *widget.Select {
	labels := []string{lang.L("Last edited first"), lang.L("Session date, newest first"), lang.L("Session date, oldest first"), lang.L("Title (A to Z)")}
	sel := widget.NewSelect(labels, nil)
	saved := l.d.Prefs.IntWithFallback(prefLibraryOrder, orderEdited)
	if saved < 0 || saved >= orderCount {
		saved = orderEdited
	}
	sel.SetSelectedIndex(saved)
	sel.OnChanged = func(string) {
		l.d.Prefs.SetInt(prefLibraryOrder, sel.SelectedIndex())
		l.Refresh()
	}
	return sel
}

// sortReports orders reports as chosen. The sort is stable: reports equal for the chosen
// order keep the store's order (last edited first).
func sortReports(reports []model.Report, order int) {
	switch order {
	case orderSessionNew:
		slices.SortStableFunc(reports, func(a, b model.Report) int { return bySessionDate(a, b, -1) })
	case orderSessionOld:
		slices.SortStableFunc(reports, func(a, b model.Report) int { return bySessionDate(a, b, 1) })
	case orderTitle:
		slices.SortStableFunc(reports, func(a, b model.Report) int {
			return cmp.Compare(model.Fold(a.Title), model.Fold(b.Title))
		})
	}
}

// bySessionDate compares session dates in the direction dir (1 oldest first, -1 newest
// first); reports without a date come last either way. Dates are YYYY-MM-DD, so they
// compare as strings.
func bySessionDate(a, b model.Report, dir int) int {
	switch {
	case a.Date == b.Date:
		return 0
	case a.Date == "":
		return 1
	case b.Date == "":
		return -1
	}
	return dir * cmp.Compare(a.Date, b.Date)
}
