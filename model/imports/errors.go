package imports

import (
	"errors"
	"fmt"
)

// Code classifies why a file could not be imported, so that the interface can explain it in
// the user's language. Codes are stable strings, suitable as translation keys.
type Code string

// The reasons an import can fail.
const (
	// CodeNotFound: the file does not exist.
	CodeNotFound Code = "not-found"
	// CodeUnreadable: the file exists but cannot be read (permissions, a directory, a device,
	// an I/O error).
	CodeUnreadable Code = "unreadable"
	// CodeUnsupported: the extension is not one Rapporteur imports (.md, .markdown, .txt,
	// .docx, .odt), or a .docx is in fact a legacy Word .doc file.
	CodeUnsupported Code = "unsupported-format"
	// CodeNotYetSupported: the format is planned but not imported yet. No extension returns it
	// today; it is kept for formats still to come.
	CodeNotYetSupported Code = "not-yet-supported"
	// CodeCorrupt: a .docx or .odt file is not a readable document: a damaged or truncated ZIP
	// archive, a missing document part, or XML that does not parse.
	CodeCorrupt Code = "corrupt-document"
	// CodeEncrypted: a .docx or .odt file is protected by a password; it must be saved
	// without one to be imported.
	CodeEncrypted Code = "encrypted"
	// CodeTooComplex: a .docx or .odt file crosses a safety limit: too many archive entries,
	// a document part too large once decompressed, or XML nested too deeply. Limit names the
	// bound crossed (entries, bytes or levels).
	CodeTooComplex Code = "too-complex"
	// CodeEmpty: the file is empty or holds only white space.
	CodeEmpty Code = "empty"
	// CodeTooLarge: the file is over MaxFileSize, or its text is longer than a report body
	// may be (model.MaxBodyLen characters).
	CodeTooLarge Code = "too-large"
	// CodeBinary: the file is not text (NUL bytes, control characters, or the signature of a
	// PDF, ZIP, image or executable).
	CodeBinary Code = "binary"
	// CodeEncoding: the bytes are neither UTF-8, UTF-16 with a byte order mark, nor plausible
	// Windows-1252.
	CodeEncoding Code = "invalid-encoding"
)

// Unit is what an Error's Limit counts.
type Unit string

// The units of Error.Limit.
const (
	UnitBytes      Unit = "bytes"      // the file, or a part of a document once decompressed
	UnitCharacters Unit = "characters" // the text, as a report body (model.MaxBodyLen)
	UnitEntries    Unit = "entries"    // the entries of a .docx or .odt archive
	UnitLevels     Unit = "levels"     // the nesting of a document's XML
)

// Error reports why a file could not be imported. Inspect it with errors.As or CodeOf.
type Error struct {
	// Code classifies the failure.
	Code Code
	// Name is the file's name or path, as given.
	Name string
	// Limit is the bound that was crossed, for CodeTooLarge (bytes or characters) and
	// CodeTooComplex (entries, bytes or nesting levels), counted in Unit.
	Limit int64
	// Unit says what Limit counts, so that a message names the real limit (« at most
	// 2,000,000 characters », not a size in megabytes).
	Unit Unit
	// Err is the underlying error, such as an *fs.PathError, or nil.
	Err error
}

// Error returns an English description meant for logs; people read a translated one.
func (e *Error) Error() string {
	msg := fmt.Sprintf("import %q: %s", e.Name, e.Code)
	if e.Limit > 0 {
		msg += fmt.Sprintf(" (limit %d %s)", e.Limit, e.Unit)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Err }

// CodeOf returns the Code of the first *Error in err's chain, or "" when there is none.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func fail(name string, code Code, err error) *Error {
	return &Error{Code: code, Name: name, Err: err}
}
