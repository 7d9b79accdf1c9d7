//go:build look

package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// This file is a tool, not a test: built only with the look tag, by `make look`, it writes
// sample comparisons and reports as PDFs for a person to look at.

// lookDir is the directory named by EXPORT_LOOK, where the samples go.
func lookDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("EXPORT_LOOK")
	if dir == "" {
		t.Fatal("set EXPORT_LOOK to a directory to write sample PDFs (make look does)")
	}
	return dir
}

// TestLook writes sample comparison documents: many variants, odd titles, long texts.
func TestLook(t *testing.T) {
	dir := lookDir(t)
	seven := frenchComparison(t)
	for i := range 4 {
		v := seven.Variants[i%3]
		v.Text = strings.Repeat("Texte de la variante. ", i+1) + v.Text
		seven.Variants = append(seven.Variants, v)
	}
	odd := frenchComparison(t)
	odd.Source.Title = "Fête de quartier 🎉 — bilan d’un atelier très long dont le titre occupe plus d’une ligne sur la page de garde"
	odd.Source.Body = "Voir https://concertation.saint-aubin-sur-lys.example/ateliers/2025/place-du-marche/compte-rendu-definitif-relu.pdf 🎉👩🏽‍💻 𝔘 → suite\n\n" + odd.Source.Body
	odd.Variants = odd.Variants[:1]
	alone := frenchComparison(t)
	alone.Variants = nil
	long := frenchComparison(t)
	long.Source.Body = longSource(10000)
	for i := range long.Variants {
		long.Variants[i].Text = longSource(2000 + 100*i)
	}
	forty := frenchComparison(t)
	for range 37 {
		forty.Variants = append(forty.Variants, forty.Variants[len(forty.Variants)%3])
	}
	samples := map[string]Comparison{
		"forty": forty, "full-fr": fullComparison(t, frenchComparison(t)),
		"full-en": fullComparison(t, englishComparison(t)),
		"long":    long,
		"fr":      frenchComparison(t), "en": englishComparison(t), "seven": seven, "odd": odd, "alone": alone,
	}
	for name, c := range samples {
		if err := SaveComparisonPDF(filepath.Join(dir, name+".pdf"), c); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLookReport writes sample final reports.
func TestLookReport(t *testing.T) {
	dir := lookDir(t)
	samples := robustReports(t)
	samples["fr"], samples["en"] = frenchReport(t), englishReport(t)
	for name, r := range samples {
		if err := SaveReportPDF(filepath.Join(dir, "report-"+name+".pdf"), r); err != nil {
			t.Fatal(err)
		}
	}
}
