package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// maskList is the export dialog's list of the personal data that masking hides (the e-mail
// addresses, phone numbers and names of private persons), one ticked checkbox each: the user
// unticks a term to show it in the document all the same. Its note says masking is best-effort.
type maskList struct {
	note   *widget.Label
	box    *fyne.Container
	checks []*widget.Check
	terms  []string
	view   fyne.CanvasObject
}

func newMaskList() *maskList {
	m := &maskList{note: widget.NewLabel(""), box: container.NewVBox()}
	m.note.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(m.box)
	scroll.SetMinSize(fyne.NewSize(0, 120))
	m.view = container.NewBorder(m.note, nil, nil, nil, scroll)
	m.view.Hide()
	return m
}

// show lists terms, all ticked (masked), or hides the list when on is false.
func (m *maskList) show(on bool, terms []string) {
	m.box.RemoveAll()
	m.checks, m.terms = nil, nil
	if !on {
		m.view.Hide()
		return
	}
	m.terms = terms
	for _, t := range terms {
		ch := widget.NewCheck(t, nil)
		ch.SetChecked(true)
		m.checks = append(m.checks, ch)
		m.box.Add(ch)
	}
	caveat := lang.L("Masking is best-effort: it finds e-mail addresses, phone numbers and the names of private persons it recognises, as whole words only; read the document before sharing it.")
	if len(terms) == 0 {
		m.note.SetText(lang.L("No private person's data found: nothing to mask.") + " " + caveat)
	} else {
		m.note.SetText(caveat + "\n" + lang.L("Will be masked (untick a name to show it in the document):"))
	}
	m.view.Show()
}

// unmasked returns the terms the user unticked.
func (m *maskList) unmasked() []string {
	var out []string
	for i, ch := range m.checks {
		if !ch.Checked {
			out = append(out, m.terms[i])
		}
	}
	return out
}
