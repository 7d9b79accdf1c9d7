// Package editor is the report editor: the session's metadata and the Markdown body, with a
// preview, saved by itself. It knows no other screen: what it needs comes in Deps.
package editor
