package uikit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/ui/i18n"
)

type tone string

// TestChoiceMapsValues selects and reads by value, with labels that repeat and options that
// are reordered: the value read is always the one set or tapped, never the one at a position
// or the first with the same text.
func TestChoiceMapsValues(t *testing.T) {
	test.NewTempApp(t)
	var got []tone
	c := NewChoice(func(v tone) { got = append(got, v) })
	if _, ok := c.Value(); ok {
		t.Fatal("an empty choice has no value")
	}
	label := func(v tone) string { return map[tone]string{"light": "Clair", "dark": "Sombre", "system": "Clair"}[v] }
	c.SetOptions([]tone{"system", "light", "dark"}, label)
	if !c.Set("light") {
		t.Fatal("light is offered")
	}
	if v, _ := c.Value(); v != "light" {
		t.Fatalf("value %q after Set(light): a repeated label must not pick the first", v)
	}
	if c.Set("sepia") {
		t.Fatal("sepia is not offered")
	}
	if v, _ := c.Value(); v != "light" {
		t.Fatalf("a value not offered changed the selection to %q", v)
	}
	if c.Selected != "Clair (2)" {
		t.Fatalf("a repeated label is shown as %q", c.Selected)
	}
	c.SetOptions([]tone{"dark", "light"}, label) // reordered: the selection follows its value
	if v, _ := c.Value(); v != "light" || c.Selected != "Clair" {
		t.Fatalf("after reordering: value %q, shown %q", v, c.Selected)
	}
	c.SetOptions([]tone{"dark"}, label)
	if _, ok := c.Value(); ok {
		t.Fatal("a value no longer offered stays selected")
	}
	c.Select.SetSelected("Sombre") // as a tap does
	if v, _ := c.Value(); v != "dark" {
		t.Fatalf("tapped Sombre, value %q", v)
	}
	want := []tone{"light", "light", "dark"}
	if len(got) != len(want) || got[0] != want[0] || got[2] != want[2] {
		t.Fatalf("changed got %v, want %v", got, want)
	}
}

// noCanvasApp is an app whose driver finds no canvas for any object, as the real driver does
// for a select tapped before the dialog holding it is on screen.
type noCanvasApp struct{ fyne.App }

type noCanvasDriver struct{ fyne.Driver }

func (a noCanvasApp) Driver() fyne.Driver { return noCanvasDriver{a.App.Driver()} }

func (noCanvasDriver) CanvasForObject(fyne.CanvasObject) fyne.Canvas { return nil }

// TestChoiceTappedOffCanvas reproduces the crash of a select tapped while the window is busy
// building the settings dialog: Fyne's select opens its list on no canvas and panics. A choice
// tapped then does nothing; once on a canvas, a tap opens its list.
func TestChoiceTappedOffCanvas(t *testing.T) {
	a := test.NewTempApp(t)
	fyne.SetCurrentApp(noCanvasApp{a})
	plain := widget.NewSelect([]string{"fr", "en"}, nil)
	if !panics(func() { test.Tap(plain) }) {
		t.Fatal("the reproduction is off: Fyne's select tapped off canvas did not panic")
	}
	c := NewChoice[string](nil)
	c.SetOptions([]string{"fr", "en"}, func(s string) string { return s })
	if panics(func() { test.Tap(c) }) {
		t.Fatal("a choice tapped off canvas panics")
	}
	fyne.SetCurrentApp(a)
	w := test.NewTempWindow(t, c)
	test.Tap(c)
	if over := w.Canvas().Overlays().Top(); over == nil {
		t.Fatal("a tap on a choice in a window opens no list")
	}
}

func panics(f func()) (did bool) {
	defer func() { did = recover() != nil }()
	f()
	return false
}

// TestChoicePlaceholderTranslated checks the placeholder goes through the translations, not
// Fyne's English constant.
func TestChoicePlaceholderTranslated(t *testing.T) {
	test.NewTempApp(t)
	if err := i18n.LoadTranslations(i18n.LanguageFrench); err != nil {
		t.Fatal(err)
	}
	if got := NewChoice[int](nil).PlaceHolder; got != "Choisir…" {
		t.Fatalf("placeholder %q in the French interface", got)
	}
}
