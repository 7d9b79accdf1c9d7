package editor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model/imports"
)

// bodyEntry is the editor's Markdown entry. Text pasted from a word processor keeps its
// paragraphs and bullets (see imports.Pasted); everything else is a multi-line entry.
type bodyEntry struct {
	widget.Entry
}

func newBodyEntry() *bodyEntry {
	e := &bodyEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut pastes the clipboard's text as Markdown paragraphs; other shortcuts go to the
// entry.
func (e *bodyEntry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil {
		if text := p.Clipboard.Content(); text != "" {
			e.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: &pastedText{text: imports.Pasted(text)}})
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// pastedText is a clipboard holding the text to paste, already converted.
type pastedText struct{ text string }

// Content returns the converted text.
func (c *pastedText) Content() string { return c.text }

// SetContent replaces the text.
func (c *pastedText) SetContent(s string) { c.text = s }
