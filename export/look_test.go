package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLook writes sample documents to the directory named by EXPORT_LOOK, to look at with
// /work/shared/tools/pdf-look; it is skipped otherwise.
func TestLook(t *testing.T) {
	dir := os.Getenv("EXPORT_LOOK")
	if dir == "" {
		t.Skip("set EXPORT_LOOK to a directory to write sample PDFs")
	}
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
