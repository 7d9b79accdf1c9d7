package uikit

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// Choice is a select box whose options stand for values: callers set and read values, never
// positions or labels, so that reordering or relabelling the options cannot pick the wrong one.
// Its placeholder is translated, and a tap that comes before it is on a canvas does nothing
// (Fyne's select would open its list on no canvas and crash).
type Choice[T comparable] struct {
	*widget.Select
	values []T
}

// NewChoice returns an empty choice; changed, when not nil, gets the value the user picks (or
// Set selects).
func NewChoice[T comparable](changed func(T)) *Choice[T] {
	c := &Choice[T]{}
	c.Select = &widget.Select{PlaceHolder: lang.L("(Select one)"), OnChanged: func(string) {
		if v, ok := c.Value(); ok && changed != nil {
			changed(v)
		}
	}}
	c.ExtendBaseWidget(c) // the select finds its canvas, and refreshes, through the choice
	return c
}

// Tapped opens the list of options, unless the choice is not on a canvas yet: a tap that
// arrives while the window is busy building a dialog.
func (c *Choice[T]) Tapped(e *fyne.PointEvent) {
	if fyne.CurrentApp().Driver().CanvasForObject(c) == nil {
		return
	}
	c.Select.Tapped(e)
}

// SetOptions offers values, each shown with its label; a label already shown gets a number
// (« Clair (2) »), since a select box knows its options by their text. The selection is kept
// when its value is still offered, else cleared.
func (c *Choice[T]) SetOptions(values []T, label func(T) string) {
	old, had := c.Value()
	labels := make([]string, len(values))
	seen := map[string]bool{}
	for i, v := range values {
		l := label(v)
		for n := 2; seen[l]; n++ {
			l = label(v) + " (" + strconv.Itoa(n) + ")"
		}
		seen[l] = true
		labels[i] = l
	}
	c.values = append([]T(nil), values...)
	c.Select.Options = labels
	c.Select.ClearSelected()
	if had {
		c.Set(old)
	}
	c.Select.Refresh()
}

// Set selects the option of v and reports whether v is offered; when it is not, the
// selection does not change.
func (c *Choice[T]) Set(v T) bool {
	for i, x := range c.values {
		if x == v {
			c.Select.SetSelectedIndex(i)
			return true
		}
	}
	return false
}

// Value returns the value selected, and false when none is.
func (c *Choice[T]) Value() (T, bool) {
	i := c.Select.SelectedIndex()
	if i < 0 || i >= len(c.values) {
		var zero T
		return zero, false
	}
	return c.values[i], true
}

// Values returns the values offered, in order.
func (c *Choice[T]) Values() []T { return append([]T(nil), c.values...) }

// NewLanguageChoice returns a choice of the languages a report or a preset can be written in,
// French first, each named in the interface language.
func NewLanguageChoice(changed func(model.Language)) *Choice[model.Language] {
	c := NewChoice(changed)
	c.SetOptions([]model.Language{model.French, model.English}, i18n.LanguageLabel)
	return c
}
