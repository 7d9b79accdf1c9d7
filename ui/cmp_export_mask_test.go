package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestMaskListUnmask: the names masking would hide are listed ticked; unticking one shows it
// in the document, the others stay masked; turning masking off hides the list.
func TestMaskListUnmask(t *testing.T) {
	test.NewTempApp(t)
	m := newMaskList()
	m.show(true, []string{"06 12 34 56 78", "Inès Moreau", "M. Diallo"})
	if !m.view.Visible() || len(m.checks) != 3 {
		t.Fatalf("list visible %v with %d boxes, want 3 visible", m.view.Visible(), len(m.checks))
	}
	if got := m.unmasked(); len(got) != 0 {
		t.Errorf("unmasked %q before any untick", got)
	}
	test.Tap(m.checks[2])
	if got := m.unmasked(); !slices.Equal(got, []string{"M. Diallo"}) {
		t.Errorf("unmasked = %q, want [M. Diallo]", got)
	}
	m.show(false, nil)
	if m.view.Visible() || len(m.unmasked()) != 0 {
		t.Error("masking off: the list is still shown or still unmasks")
	}
	m.show(true, nil)
	if m.note.Text == "" {
		t.Error("nothing to mask, and nothing says so")
	}
}
