package editor

import (
	"github.com/rapporteur/rapporteur/model/imports"
	"github.com/rapporteur/rapporteur/ui/textedit"
)

// newBodyEntry is the editor's Markdown text: a textedit.Editor, fast on long reports, where
// text pasted from a word processor keeps its paragraphs and bullets (see imports.Pasted).
func newBodyEntry() *textedit.Editor {
	e := textedit.New()
	e.OnPaste = imports.Pasted
	return e
}

// pastedText is a clipboard holding the text to paste, for the tests.
type pastedText struct{ text string }

// Content returns the text.
func (c *pastedText) Content() string { return c.text }

// SetContent replaces the text.
func (c *pastedText) SetContent(s string) { c.text = s }
