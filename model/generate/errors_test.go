package generate

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

func TestCodeOf(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want ErrorCode
	}{
		{"nil", nil, ""},
		{"typed", &Error{Code: CodeEmptySource}, CodeEmptySource},
		{"wrapped typed", fmt.Errorf("run: %w", &Error{Code: CodePresetMissing, Err: errors.New("x")}), CodePresetMissing},
		{"typed wrapping a cancel", &Error{Code: CodeSaveFailed, Err: context.Canceled}, CodeSaveFailed},
		{"canceled", context.Canceled, CodeCancelled},
		{"wrapped canceled", fmt.Errorf("stream: %w", context.Canceled), CodeCancelled},
		{"deadline", context.DeadlineExceeded, CodeTimeout},
		{"typed without code", &Error{Err: context.Canceled}, CodeCancelled},
		{"plain", errors.New("boom"), CodeInternal},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := CodeOf(tc.err); got != tc.want {
				t.Errorf("CodeOf(%v) = %q, want %q", tc.err, got, tc.want)
			}
		})
	}
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Code: CodeNothingFound}, "nothing-found"},
		{&Error{Code: CodeInternal, Err: errors.New("boom")}, "internal: boom"},
		{newError(CodeEngineMissing, "no engine %q", "x"), `engine-missing: no engine "x"`},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	inner := errors.New("inner")
	if !errors.Is(&Error{Code: CodeInternal, Err: inner}, inner) {
		t.Error("Unwrap does not expose the cause")
	}
}
