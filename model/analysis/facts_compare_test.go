package analysis

import (
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// texts returns the texts of facts.
func texts(facts []Fact) []string {
	out := make([]string, 0, len(facts))
	for _, f := range facts {
		out = append(out, f.Text)
	}
	return out
}

func sameTexts(a []string, b ...string) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

func TestCompareFacts(t *testing.T) {
	tests := []struct {
		name, source, variant string
		lang                  model.Language
		kept, lost, intro     []string
	}{
		{"altered percent", "Soit 45,5 % des votes.", "Soit 54,5 % des votes.", model.French, nil, []string{"45,5 %"}, []string{"54,5 %"}},
		{"reformatted percent", "45 % et 45,5 %", "45% et 45,5 pour cent", model.French, []string{"45%", "45,5 pour cent"}, nil, nil},
		{"reformatted numbers", "1 250 habitants et douze bancs", "1250 habitants et 12 bancs", model.French, []string{"1250", "12"}, nil, nil},
		{"number word in the source", "dix", "10", model.French, []string{"10"}, nil, nil},
		{"english grouping", "1,250 people", "1250 people", model.English, []string{"1250"}, nil, nil},
		{"dates", "Le 17 juin 2025.", "Le 17/06/2025, soit le 17 juin, le 2025-06-17.", model.French, []string{"17/06/2025", "17 juin"}, nil, nil}, // listed once: 2025-06-17 is 17/06/2025
		{"shifted date", "Le 17 juin 2025.", "Le 18 juin 2025.", model.French, nil, []string{"17 juin 2025"}, []string{"18 juin 2025"}},
		{"month of a day", "Le 17 juin 2025 puis en mars 2026.", "En juin 2025, puis le 3 mars 2026.", model.French, []string{"juin 2025"}, []string{"17 juin 2025", "mars 2026"}, []string{"3 mars 2026"}},
		{"year of a date", "Le 17 juin 2025.", "En 2025.", model.French, []string{"2025"}, []string{"17 juin 2025"}, nil},
		{"times", "À 10h00.", "À 10 h, soit 10:00.", model.French, []string{"10 h"}, nil, nil},
		{"shifted time", "À 10h00.", "À 11h00.", model.French, nil, []string{"10h00"}, []string{"11h00"}},
		{"ambiguous hours", "La réunion a duré 2 h.", "Une réunion de 2 heures.", model.French, []string{"2 heures"}, nil, nil},
		{"names", "Mme Claire Laurent et Karim Diallo.", "Mme Laurent, Claire Laurent, C. Laurent et M. Diallo.", model.French,
			[]string{"Mme Laurent", "Claire Laurent", "C. Laurent", "M. Diallo"}, nil, nil},
		{"another first name", "Selon Claire Laurent.", "Selon Paul Laurent.", model.French, nil, []string{"Claire Laurent"}, []string{"Paul Laurent"}},
		{"name accents", "Avec Inès Moreau.", "Avec INÈS MOREAU et Ines Moreau.", model.French, []string{"INÈS MOREAU"}, nil, nil},
		{"acronym and expansion", "Le Plan Local d'Urbanisme.", "Le PLU.", model.French, []string{"PLU"}, nil, nil},
		{"part of a place", "À Saint-Aubin-sur-Lys.", "À Saint-Aubin.", model.French, []string{"Saint-Aubin"}, nil, nil},
		{"organisation ending", "Avec l'association Territoires Partagés.", "Avec Territoires Partagés.", model.French, []string{"Territoires Partagés"}, nil, nil},
		{"invented money", "Un budget de 480 000 €.", "Un budget de 480 000 euros et 35 000 € de l'ADEME.", model.French,
			[]string{"480 000 euros"}, nil, []string{"35 000 €", "ADEME"}},
		{"number backed by money", "Pour 480 000 €.", "Pour 480 000.", model.French, []string{"480 000"}, []string{"480 000 €"}, nil},
		{"contacts", "Écrire à a@b.fr ou 01 23 45 67 89.", "Écrire à A@B.fr ou +33 1 23 45 67 89 ou www.b.fr.", model.French,
			[]string{"A@B.fr", "+33 1 23 45 67 89"}, nil, []string{"www.b.fr"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fc := CompareFacts(tc.source, tc.variant, tc.lang)
			if !sameTexts(texts(fc.Kept), tc.kept...) || !sameTexts(texts(fc.Lost), tc.lost...) || !sameTexts(texts(fc.Introduced), tc.intro...) {
				t.Errorf("kept %q lost %q introduced %q\nwant kept %q lost %q introduced %q",
					texts(fc.Kept), texts(fc.Lost), texts(fc.Introduced), tc.kept, tc.lost, tc.intro)
			}
		})
	}
}

func TestCompareFactsWithPositions(t *testing.T) {
	source, variant := "Le 17 juin, 45 %.", "Ici 46 % le 17 juin."
	facts := Facts(source, model.French)
	fc := CompareFactsWith(facts, variant, model.French)
	if len(fc.Kept) != 1 || variant[fc.Kept[0].Start:fc.Kept[0].End] != "17 juin" {
		t.Errorf("kept %+v: want a position in the variant", fc.Kept)
	}
	if len(fc.Lost) != 1 || source[fc.Lost[0].Start:fc.Lost[0].End] != "45 %" {
		t.Errorf("lost %+v: want a position in the source", fc.Lost)
	}
	if len(fc.Introduced) != 1 || variant[fc.Introduced[0].Start:fc.Introduced[0].End] != "46 %" {
		t.Errorf("introduced %+v: want a position in the variant", fc.Introduced)
	}
	empty := CompareFacts("", "", model.French)
	if empty.Kept == nil || empty.Lost == nil || empty.Introduced == nil {
		t.Error("empty lists must not be nil, so that JSON shows []")
	}
}

func TestFactsListedOnce(t *testing.T) {
	source := "Soit 45% des votes. Puis 45 % encore, 45% et 45%. Mme Roussel parle ; Mme Hélène Roussel conclut. 12 juin."
	fc := CompareFacts(source, "Le 12 juin, soit 10 h et 10:00 et 10h00.", model.French)
	got := map[string]int{}
	for _, f := range fc.Lost {
		got[f.Text] = f.Count
	}
	want := map[string]int{"45%": 4, "Mme Hélène Roussel": 2}
	if len(got) != len(want) || got["45%"] != 4 || got["Mme Hélène Roussel"] != 2 {
		t.Errorf("lost %v, want %v", got, want)
	}
	if len(fc.Kept) != 1 || fc.Kept[0].Text != "12 juin" || fc.Kept[0].Count != 1 {
		t.Errorf("kept %+v, want « 12 juin » once", fc.Kept)
	}
	for _, f := range Facts(source, model.French) {
		if f.Count != 1 {
			t.Errorf("Facts gives %q count %d, want 1", f.Text, f.Count)
		}
	}
}

func TestLostRanked(t *testing.T) {
	source := "Contact : a@b.fr. L'association Territoires Partagés anime avec Claire Laurent. " +
		"On compte 87 participants le 12 mars 2026, dont 45 % d'agents, pour 480 000 €. " +
		"Il a été décidé d'ouvrir 3 ateliers. The council agreed on 2 more."
	fc := CompareFacts(source, "Rien.", model.French)
	want := []string{"3", "2", "45 %", "480 000 €", "12 mars 2026", "87", "Claire Laurent", "Territoires Partagés", "a@b.fr"}
	if !sameTexts(texts(fc.Lost), want...) {
		t.Errorf("lost %q\nwant %q", texts(fc.Lost), want)
	}
	if !fc.Lost[0].Decision || fc.Lost[2].Decision {
		t.Errorf("decisions: %+v", fc.Lost[:3])
	}
}

// The planted inventions of issue 12: a heading is not an invented name, and a titled name is
// one invented fact, not « M », « . » and « Jean Dupont ».
func TestInventedNamesNotHeadings(t *testing.T) {
	source := "Réunion publique du 3 mars 2026 à la mairie. Le budget est de 500 000 €."
	variant := "Réunion\n\n## Réunion publique\n\n**Réunion** du 3 mars 2026.\n\nRÉUNION PUBLIQUE\n\n" +
		"M. Jean Dupont a annoncé 750 000 € le 12 mars 2027 à 19h00."
	fc := CompareFacts(source, variant, model.French)
	want := []string{"M. Jean Dupont", "750 000 €", "12 mars 2027", "19h00"}
	if !sameTexts(texts(fc.Introduced), want...) {
		t.Errorf("introduced %q, want %q", texts(fc.Introduced), want)
	}
}

func TestCountFacts(t *testing.T) {
	facts := Facts("45 % puis 45 %. Mme Roussel et Mme Hélène Roussel, le 12 juin.", model.French)
	before := texts(facts)
	if n := CountFacts(facts); n != 3 {
		t.Errorf("CountFacts = %d, want 3 (45 %%, Roussel, 12 juin)", n)
	}
	if !sameTexts(texts(facts), before...) {
		t.Errorf("CountFacts changed its facts: %q, was %q", texts(facts), before)
	}
}

// TestNameInCapitalsNotLost checks a name of the source that the variant only writes in a
// heading in capitals, where it is not read as a name, is not reported lost.
func TestNameInCapitalsNotLost(t *testing.T) {
	source := "# Atelier place du Marché\n\nLa place du Marché sera réaménagée avec Mme Claire Laurent."
	variant := "# COMPTE-RENDU — ATELIER « PLACE DU MARCHÉ »\n\nLa place sera réaménagée."
	fc := CompareFacts(source, variant, model.French)
	for _, f := range fc.Lost {
		if f.Norm == "marche" {
			t.Errorf("« Marché » reported lost though the variant's heading says it: %+v", fc.Lost)
		}
	}
	if len(fc.Lost) != 1 || fc.Lost[0].Norm != "claire laurent" {
		t.Errorf("lost %+v, want only Claire Laurent", fc.Lost)
	}
}

// TestNameOnlyInALinkAddressIsLost checks a name the variant only has inside a link's address
// is still lost: the reader does not see it.
func TestNameOnlyInALinkAddressIsLost(t *testing.T) {
	source := "La séance s'est tenue à Brévilly, salle polyvalente."
	variant := "Voir [le site de la ville](https://www.brevilly.example/concertation)."
	fc := CompareFacts(source, variant, model.French)
	if len(fc.Lost) != 1 || fc.Lost[0].Norm != "brevilly" {
		t.Errorf("lost %+v, want Brévilly", fc.Lost)
	}
}
