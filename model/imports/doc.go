// Package imports reads the text of a session report from a file the user picks: Markdown or
// plain text, in UTF-8, UTF-16 (with a byte order mark) or Windows-1252, or a Word (.docx) or
// LibreOffice (.odt) document converted to Markdown, and text pasted from a word processor.
// It is bounded in size, in archive entries, in decompressed bytes and in XML nesting, rejects
// binaries, undecodable bytes, damaged and password-protected documents with a classified
// *Error, and never panics on malformed input.
package imports
