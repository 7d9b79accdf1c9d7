package export

import (
	"strings"
	"testing"
)

// saintVincent is the French comparison where a resident, « Mme Vincent », lives in a district
// whose name holds hers: masking her must leave the district, a longer name and a street.
func saintVincent(t *testing.T) Comparison {
	c := frenchComparison(t)
	c.Source.Body += "\n\nMme Vincent, habitante du quartier Saint-Vincent, a pris la parole. " +
		"Vincent a rappelé que la rue Vincent-Bonnevay est fermée."
	return c
}

func TestMaskWholeWordsOnly(t *testing.T) {
	m := newMasker(saintVincent(t), "[masqué]")
	for _, c := range []struct{ in, want string }{
		{"Mme Vincent a conclu.", "[masqué] a conclu."},
		{"Vincent a conclu, puis Vincent.", "[masqué] a conclu, puis [masqué]."},
		{"Le quartier Saint-Vincent reste calme.", "Le quartier Saint-Vincent reste calme."},
		{"La rue Vincent-Bonnevay est fermée.", "La rue Vincent-Bonnevay est fermée."},
		{"Claire Vincentin et VincentX.", "Claire Vincentin et VincentX."},
		{"l’avis d’Vincent (Vincent)", "l’avis d’[masqué] ([masqué])"},
		{"« Vincent »\n- Vincent -", "« [masqué] »\n- [masqué] -"},
	} {
		if got := m.text(c.in); got != c.want {
			t.Errorf("mask(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMaskKeepsEmailsAndPhonesWhole(t *testing.T) {
	c := frenchComparison(t)
	c.Source.Body += "\n\nInès Moreau, habitante : ines.moreau@exemple.fr, +33 6 12 34 56 78."
	m := newMasker(c, "[masqué]")
	in := "Écrire à ines.moreau@exemple.fr ou appeler le +33 6 12 34 56 78 ; Inès Moreau répondra."
	want := "Écrire à [masqué] ou appeler le [masqué] ; [masqué] répondra."
	if got := m.text(in); got != want {
		t.Errorf("mask(%q) = %q, want %q", in, got, want)
	}
}

func TestMaskedPDFSaysBestEffort(t *testing.T) {
	c := saintVincent(t)
	note := "Données personnelles masquées automatiquement, au mot entier : le repérage peut en manquer ou masquer à tort"
	if text := normalise(pdfText(t, render(t, c))); strings.Contains(text, note) {
		t.Error("a document without masking says personal data are masked")
	}
	c.Options.MaskPersonal = true
	text := normalise(pdfText(t, render(t, c)))
	for _, want := range []string{note, "quartier Saint-Vincent"} {
		if !strings.Contains(text, want) {
			t.Errorf("the masked document lacks %q", want)
		}
	}
}
