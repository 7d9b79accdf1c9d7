package ui

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// unsavedError says the open report's last edit could not be saved; the edit stays in the editor.
type unsavedError struct{ err error }

// Error describes the failure in English, for logs.
func (e unsavedError) Error() string { return "unsaved changes: " + e.err.Error() }

// Unwrap returns the reason the save failed.
func (e unsavedError) Unwrap() error { return e.err }

// ErrorText explains err in the interface language: what happened and, when it helps, what to do.
// The errors only the desktop interface makes (an unsaved edit, a message written for the user)
// are explained here; every other one as the command line explains it (i18n.ErrorText).
func ErrorText(err error) string {
	if text := unsavedText(err); text != "" {
		return text
	}
	if text := userText(err); text != "" {
		return text
	}
	return i18n.ErrorText(err)
}

// VariantErrorText explains why a variant stopped, from its stored error code; see
// i18n.VariantErrorText.
func VariantErrorText(v model.Variant) string { return i18n.VariantErrorText(v) }

// message is an error already written for the user, in the interface language.
type message string

// Error returns the text.
func (m message) Error() string { return string(m) }

// userText is the text of an error written for the user: a message, or an error type that
// explains itself (userError).
func userText(err error) string {
	var m message
	var ue userError
	switch {
	case errors.As(err, &m):
		return string(m)
	case errors.As(err, &ue):
		return ue.Error()
	}
	return ""
}

// userError is an error type whose Error text is written for the user, translated.
type userError interface {
	error
	userFacing()
}

// unsavedText explains an edit of the report that could not be saved.
func unsavedText(err error) string {
	var unsaved unsavedError
	if !errors.As(err, &unsaved) {
		return ""
	}
	return lang.L("The last changes to the report could not be saved: {{.Reason}} They are still in the editor; try again with Ctrl+S.", map[string]any{"Reason": ErrorText(unsaved.err)})
}
