package library

import (
	"cmp"
	"slices"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/ui/uikit"
)

// prefLibraryOrder keeps the order of the library between sessions, by name;
// prefLibraryOrderPosition is where versions up to 0.1 kept it, by position in the choice.
const (
	prefLibraryOrder         = "library-sort"
	prefLibraryOrderPosition = "library-order"
)

// order is an order of the library.
type order string

// The orders of the library, in the order of its choice.
const (
	orderEdited     order = "edited"      // last edited first (with a search: title matches first)
	orderSessionNew order = "session-new" // most recent session first; undated reports last
	orderSessionOld order = "session-old" // oldest session first; undated reports last
	orderTitle      order = "title"       // by title, ignoring case and accents
)

var orders = []order{orderEdited, orderSessionNew, orderSessionOld, orderTitle}

// orderLabel names an order in the interface language.
func orderLabel(o order) string {
	switch o {
	case orderSessionNew:
		return lang.L("Session date, newest first")
	case orderSessionOld:
		return lang.L("Session date, oldest first")
	case orderTitle:
		return lang.L("Title (A to Z)")
	}
	return lang.L("Last edited first")
}

// newOrderSelect is the library's choice of order, kept in the preferences.
func (l *Screen) newOrderSelect() *uikit.Choice[order] {
	sel := uikit.NewChoice[order](nil)
	sel.SetOptions(orders, orderLabel)
	saved := order(l.d.Prefs.String(prefLibraryOrder))
	if pos := l.d.Prefs.IntWithFallback(prefLibraryOrderPosition, -1); saved == "" && pos >= 0 && pos < len(orders) {
		saved = orders[pos]
	}
	if !sel.Set(saved) {
		sel.Set(orderEdited)
	}
	sel.OnChanged = func(string) {
		o, _ := sel.Value()
		l.d.Prefs.SetString(prefLibraryOrder, string(o))
		l.Refresh()
	}
	return sel
}

// sortReports orders reports as chosen. The sort is stable: reports equal for the chosen
// order keep the store's order (last edited first).
func sortReports(reports []model.Report, o order) {
	switch o {
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
