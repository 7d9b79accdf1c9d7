// Package console gives the command line's output a terminal on Windows. There,
// rapporteur.exe is a graphical program (it opens no console window of its own when
// double-clicked), so when cmd.exe or PowerShell starts it with a subcommand, Attach makes
// it write to the console it was started from. Elsewhere Attach does nothing: the terminal
// is already there.
package console
