// Package i18n holds Rapporteur's texts that need no window: loading the French and English
// translations into Fyne's lang package, the interface language, the labels of the model's
// values, numbers written the way each language writes them, the explanation of every error a
// user can meet, and ReadReport, the one way a file becomes a new report. Both the desktop
// interface (package ui) and the command line (package ui/cli) use it; it builds without cgo,
// so a command-line-only binary needs no graphics libraries.
package i18n
