package export

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/export/internal/pdftest"
)

func TestOutlineAndLinks(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteComparisonPDF(&buf, fullComparison(t, frenchComparison(t))); err != nil {
		t.Fatal(err)
	}
	validatePDF(t, buf.Bytes())
	got := strings.Join(pdftest.Bookmarks(t, buf.Bytes()), "\n")
	want := strings.Join([]string{"Compte-rendu comparé", "Synthèse des mesures", "Variante 1", "Variante 2",
		"Variante 3", "Relecture", "Annexe — conditions de génération", "  Variante 1", "  Variante 2",
		"  Variante 3", "  Texte source complet"}, "\n")
	if got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
	links := regexp.MustCompile(`/Subtype ?/Link`).FindAll(buf.Bytes(), -1)
	if len(links) != 3 {
		t.Errorf("%d internal links, want one per variant (3)", len(links))
	}
}

func TestPlainComparisonValidates(t *testing.T) {
	for _, c := range []Comparison{frenchComparison(t), englishComparison(t)} {
		var buf bytes.Buffer
		if err := WriteComparisonPDF(&buf, c); err != nil {
			t.Fatal(err)
		}
		validatePDF(t, buf.Bytes())
	}
}

// TestFullComparisonRobustness exports the full document with no, one and twelve variants,
// an emoji title and masking, and checks pdfcpu accepts each.
func TestFullComparisonRobustness(t *testing.T) {
	for _, n := range []int{0, 1, 12} {
		c := frenchComparison(t)
		vs := c.Variants
		c.Variants = nil
		for i := range n {
			v := vs[i%3]
			v.ID = int64(i + 1)
			c.Variants = append(c.Variants, v)
		}
		c.Source.Title += " 🎉"
		c = fullComparison(t, c)
		c.Options = ComparisonOptions{MaskPersonal: true, SourceFacts: n == 1, DiffColours: true}
		var buf bytes.Buffer
		if err := WriteComparisonPDF(&buf, c); err != nil {
			t.Fatalf("%d variants: %v", n, err)
		}
		validatePDF(t, buf.Bytes())
		if n == 12 && len(regexp.MustCompile(`/Subtype ?/Link`).FindAll(buf.Bytes(), -1)) != 12 {
			t.Error("12 variants: not one link per variant")
		}
	}
}
