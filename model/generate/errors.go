package generate

import (
	"context"
	"errors"
	"fmt"
)

// ErrorCode classifies why a generation failed, independent of the language it is shown in.
// It is stored in model.Variant.ErrorCode; the interface translates it.
type ErrorCode string

// The codes a generation can end with. Engines may add their own.
const (
	CodeCancelled         ErrorCode = "cancelled"          // the user (or a deadline) stopped it
	CodeUnsupportedPreset ErrorCode = "unsupported-preset" // the engine cannot serve this preset
	CodeEmptySource       ErrorCode = "empty-source"       // the source has no text
	CodeNothingFound      ErrorCode = "nothing-found"      // the extraction found nothing to output
	CodeEngineMissing     ErrorCode = "engine-missing"     // no engine of the spec's name
	CodePresetMissing     ErrorCode = "preset-missing"     // no preset of the spec's id
	CodeSaveFailed        ErrorCode = "save-failed"        // the variant could not be persisted
	CodeInternal          ErrorCode = "internal"           // a bug or an unclassified failure
	CodeTimeout           ErrorCode = "timeout"            // a deadline passed before the answer came
)

// Error is a classified generation error.
type Error struct {
	// Code says what kind of failure it is.
	Code ErrorCode
	// Err is the underlying error, possibly nil.
	Err error
}

// Error returns an English description meant for logs and archives.
func (e *Error) Error() string {
	if e.Err == nil {
		return string(e.Code)
	}
	return fmt.Sprintf("%s: %v", e.Code, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// newError returns an *Error with code, wrapping a formatted message.
func newError(code ErrorCode, format string, args ...any) *Error {
	return &Error{Code: code, Err: fmt.Errorf(format, args...)}
}

// CodeOf classifies err: the code of the first *Error in its chain, CodeCancelled for a
// cancelled context, CodeTimeout for an expired one (nobody cancelled: time ran out), "" for
// nil, and CodeInternal otherwise.
func CodeOf(err error) ErrorCode {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e) && e.Code != "":
		return e.Code
	case errors.Is(err, context.Canceled):
		return CodeCancelled
	case errors.Is(err, context.DeadlineExceeded):
		return CodeTimeout
	}
	return CodeInternal
}

// Interrupted returns, when ctx is done, a CodeCancelled error, or CodeTimeout when its
// deadline passed (nobody cancelled: a host too slow for the caller's patience); err otherwise.
// Engines wrap with it what fails while their caller's context ends.
func Interrupted(ctx context.Context, err error) error {
	switch ctx.Err() {
	case nil:
		return err
	case context.DeadlineExceeded:
		return &Error{Code: CodeTimeout, Err: ctx.Err()}
	}
	return &Error{Code: CodeCancelled, Err: ctx.Err()}
}
