// Package quietlog keeps a library's noise about the user's locale off the terminal. Fyne's
// lang package reads the locale when it is initialised, and again whenever translations are
// added; the locales of containers, cron and CI (C.UTF-8, POSIX.UTF-8…) are not language
// tags it can parse, so it logs « Fyne error: Error parsing user locale C » with its cause
// and source line, three lines on stderr before every command. The language then falls back
// to English, as intended: nothing is wrong for the user to fix.
//
// Imported (blank) by the command, its init replaces the standard logger's output by a
// Writer that drops those entries and passes everything else. It must run before Fyne's: Go
// initialises, among the packages whose imports are ready, the first by import path, and
// fyne.io/fyne/v2/lang waits for text/template, which sorts after this package and which it
// does not import.
package quietlog
