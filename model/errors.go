package model

import (
	"errors"
	"fmt"
)

// Problem names what is wrong with a value, independent of the language it is shown in.
// The user interface and the command line translate each Problem into a sentence.
type Problem string

// The problems validation can report.
const (
	ProblemRequired    Problem = "required"     // the field is empty
	ProblemTooLong     Problem = "too-long"     // the field exceeds its maximum length
	ProblemInvalid     Problem = "invalid"      // the value is not one of the accepted ones
	ProblemOutOfRange  Problem = "out-of-range" // a number is outside its accepted range
	ProblemInvalidUTF8 Problem = "invalid-utf8" // the text is not valid UTF-8
)

// ValidationError reports one invalid field of a domain value.
type ValidationError struct {
	// Field is the name of the field, in English and lower case ("title", "language").
	Field string
	// Problem says what is wrong with it.
	Problem Problem
	// Limit is the bound that was crossed, for ProblemTooLong and ProblemOutOfRange.
	Limit float64
}

// Error returns an English description meant for logs; people read a translated one.
func (e *ValidationError) Error() string {
	switch e.Problem {
	case ProblemTooLong:
		return fmt.Sprintf("%s: longer than %g characters", e.Field, e.Limit)
	case ProblemOutOfRange:
		return fmt.Sprintf("%s: out of range (limit %g)", e.Field, e.Limit)
	default:
		return fmt.Sprintf("%s: %s", e.Field, e.Problem)
	}
}

// AsValidation returns the first ValidationError in err's chain, or nil.
func AsValidation(err error) *ValidationError {
	var v *ValidationError
	if errors.As(err, &v) {
		return v
	}
	return nil
}

// ErrNotFound is returned (wrapped) when a report, revision, run or variant does not exist.
var ErrNotFound = errors.New("not found")

func invalid(field string, p Problem, limit float64) error {
	return &ValidationError{Field: field, Problem: p, Limit: limit}
}
