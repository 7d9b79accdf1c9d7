// Package uikit holds the small helpers that several screens of the desktop interface share:
// widgets' filters and the like. It knows no screen.
package uikit
