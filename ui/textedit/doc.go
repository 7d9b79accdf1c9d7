// Package textedit is a multi-line text editor for long texts: it lays out and draws only the
// rows on screen, and one keystroke re-wraps only the paragraph it changed, so typing in a
// 100-page report costs what it costs in a short one. It has what the report editor needs from
// a text field: caret, selection with the keyboard and the mouse, copy, cut and paste, undo and
// redo, word wrap, scrolling and the usual keys (Home/End, Ctrl+Home/End, PgUp/PgDn, Ctrl+arrows).
package textedit
