// Package pdftest reads back, for the tests of export and its subpackages, what a PDF holds
// beyond its text: its outline. It is imported by tests only.
package pdftest

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	pdfmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

var configOnce sync.Once

// Configure keeps pdfcpu from reading or writing a configuration folder; call it before any use
// of pdfcpu in a test.
func Configure() { configOnce.Do(func() { pdfmodel.ConfigPath = "disable" }) }

// Bookmarks returns the PDF's outline, one title a line, indented two spaces a level, depth
// first.
func Bookmarks(t testing.TB, data []byte) []string {
	t.Helper()
	Configure()
	bms, err := api.Bookmarks(bytes.NewReader(data), pdfmodel.NewDefaultConfiguration())
	if err != nil {
		t.Fatalf("bookmarks: %v", err)
	}
	var out []string
	var walk func(level int, bs []pdfcpu.Bookmark)
	walk = func(level int, bs []pdfcpu.Bookmark) {
		for _, b := range bs {
			out = append(out, strings.Repeat("  ", level)+b.Title)
			walk(level+1, b.Kids)
		}
	}
	walk(0, bms)
	return out
}
