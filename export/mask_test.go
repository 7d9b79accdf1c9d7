package export

import (
	"slices"
	"strings"
	"testing"
)

// personalFixture is the French comparison with personal data in every kind of text: a
// resident's name, e-mail and phone number, a shopkeeper quoted by name, and the deputy mayor
// (« Mme Laurent, adjointe à l’urbanisme ») and the town hall's address, which are public.
func personalFixture(t *testing.T) Comparison {
	c := fullComparison(t, frenchComparison(t))
	c.Source.Body += "\n\nPour s’inscrire : Inès Moreau, habitante, ines.moreau@exemple.fr, 06 12 34 56 78."
	c.Variants[1].Text += "\n\n- Joindre Inès Moreau au 06 12 34 56 78 ; Mme Laurent a conclu."
	for id := range c.Critiques {
		c.Critiques[id][0].Text += " Voir M. Diallo."
	}
	return c
}

// privateData are the e-mail, phone number and names of private persons of personalFixture.
var privateData = []string{"ines.moreau@exemple.fr", "06 12 34 56 78", "Inès Moreau", "M. Diallo"}

// publicData are the deputy mayor named in her role and the town hall's address.
var publicData = []string{"Mme Laurent", "concertation@saint-aubin-sur-lys.example"}

func TestMaskPersonalData(t *testing.T) {
	c := personalFixture(t)
	plain := normalise(pdfText(t, render(t, c)))
	for _, s := range append(privateData, publicData...) {
		if !strings.Contains(plain, s) {
			t.Errorf("without masking, the document lacks %q", s)
		}
	}
	c.Options.MaskPersonal = true
	masked := normalise(pdfText(t, render(t, c)))
	for _, s := range privateData {
		if strings.Contains(masked, s) {
			t.Errorf("masked document still shows %q", s)
		}
	}
	for _, s := range publicData {
		if !strings.Contains(masked, s) {
			t.Errorf("masking hid %q, who is not a private person", s)
		}
	}
	if !strings.Contains(masked, "[masqué]") {
		t.Error("masked document lacks « [masqué] »")
	}
	if c.Variants[1].Text == "" || !strings.Contains(c.Source.Body, "Inès Moreau") {
		t.Error("masking changed the caller's comparison")
	}
	if info := pdfInfo(t, render(t, c)); !strings.Contains(info["Author"], "Mme Laurent") {
		t.Errorf("author %q: the deputy mayor was masked", info["Author"])
	}
}

func TestMaskedTermsAndUnmask(t *testing.T) {
	c := personalFixture(t)
	terms := MaskedTerms(c)
	for _, s := range privateData {
		if !slices.Contains(terms, s) {
			t.Errorf("MaskedTerms lacks %q: %q", s, terms)
		}
	}
	for _, s := range publicData {
		if slices.Contains(terms, s) {
			t.Errorf("MaskedTerms lists %q, who is not a private person", s)
		}
	}
	c.Options.MaskPersonal = true
	c.Options.Unmasked = []string{"M. Diallo"}
	text := normalise(pdfText(t, render(t, c)))
	if !strings.Contains(text, "M. Diallo") {
		t.Error("the name the user unmasked is hidden")
	}
	for _, s := range []string{"ines.moreau@exemple.fr", "06 12 34 56 78", "Inès Moreau"} {
		if strings.Contains(text, s) {
			t.Errorf("unmasking M. Diallo showed %q", s)
		}
	}
}
