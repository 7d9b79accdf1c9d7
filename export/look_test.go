package export

import (
	"os"
	"testing"
)

func TestLook(t *testing.T) {
	dir := os.Getenv("EXPORT_LOOK")
	if dir == "" {
		t.Skip()
	}
	if err := SaveComparisonPDF(dir+"/fr.pdf", frenchComparison(t)); err != nil {
		t.Fatal(err)
	}
	if err := SaveComparisonPDF(dir+"/en.pdf", englishComparison(t)); err != nil {
		t.Fatal(err)
	}
}
