package export

import (
	"bytes"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	pdfmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/rapporteur/rapporteur/export/internal/pdftest"
)

// validatePDF checks data with pdfcpu's validator, in its strict mode: every PDF the export
// package writes must pass it, not only the relaxed mode that accepts the frequent deviations
// of PDF writers. pdfcpu's configuration directory is disabled: nothing is written to the
// user's home.
func validatePDF(t testing.TB, data []byte) {
	t.Helper()
	pdftest.Configure()
	strict := pdfmodel.NewDefaultConfiguration()
	strict.ValidationMode = pdfmodel.ValidationStrict
	if err := api.Validate(bytes.NewReader(data), strict); err != nil {
		t.Fatalf("pdfcpu (strict) rejects the PDF: %v", err)
	}
}

// TestComparisonPDFValidates runs the validator on a small comparison document.
func TestComparisonPDFValidates(t *testing.T) {
	c := Comparison{
		Source:     frenchRevision(t),
		Variants:   frenchVariants(t),
		Presets:    testPresets,
		Language:   frenchRevision(t).Language,
		AppVersion: "0.1.0",
	}
	var buf bytes.Buffer
	if err := WriteComparisonPDF(&buf, c); err != nil {
		t.Fatal(err)
	}
	validatePDF(t, buf.Bytes())
}
