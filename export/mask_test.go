package export

import (
	"strings"
	"testing"
)

// personalFixture is the French comparison with personal data in every kind of text.
func personalFixture(t *testing.T) Comparison {
	c := fullComparison(t, frenchComparison(t))
	c.Source.Body += "\n\nPour s’inscrire : Claire Laurent, claire.laurent@exemple.fr, 06 12 34 56 78."
	c.Variants[1].Text += "\n\n- Joindre Mme Laurent au 06 12 34 56 78."
	for id := range c.Critiques {
		c.Critiques[id][0].Text += " Voir M. Diallo."
	}
	return c
}

// personalData are the e-mail, phone numbers and names of private persons of personalFixture.
var personalData = []string{
	"claire.laurent@exemple.fr", "06 12 34 56 78", "Mme Laurent", "M. Diallo", "Claire Laurent",
	"concertation@saint-aubin-sur-lys.example",
}

func TestMaskPersonalData(t *testing.T) {
	c := personalFixture(t)
	plain := normalise(pdfText(t, render(t, c)))
	for _, s := range personalData {
		if !strings.Contains(plain, s) {
			t.Errorf("without masking, the document lacks %q", s)
		}
	}
	c.Options.MaskPersonal = true
	masked := normalise(pdfText(t, render(t, c)))
	for _, s := range personalData {
		if strings.Contains(masked, s) {
			t.Errorf("masked document still shows %q", s)
		}
	}
	if !strings.Contains(masked, "[masqué]") {
		t.Error("masked document lacks « [masqué] »")
	}
	if c.Variants[1].Text == "" || !strings.Contains(c.Source.Body, "Mme Laurent") {
		t.Error("masking changed the caller's comparison")
	}
	if info := pdfInfo(t, render(t, c)); strings.Contains(info["Author"], "Laurent") {
		t.Errorf("author %q is not masked", info["Author"])
	}
}
