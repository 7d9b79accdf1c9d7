package uikit

import (
	"testing"

	"fyne.io/fyne/v2/test"
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
