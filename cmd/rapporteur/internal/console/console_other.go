//go:build !windows

package console

// Attach does nothing outside Windows, where a program always has its terminal.
func Attach() {}
