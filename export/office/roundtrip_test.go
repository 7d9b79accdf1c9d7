package office

import (
	"strings"
	"testing"
)

// roundTrip writes md as the body of a report in each format, imports it back with
// Rapporteur's importer and checks that it is the same document.
func roundTrip(t *testing.T, md string) {
	t.Helper()
	for _, f := range formats {
		got := reimport(t, f, render(t, f, bodyOnly(md)))
		sameMarkdown(t, string(f), got, "# Compte-rendu\n\n"+md)
	}
}

func TestRoundTripHeadings(t *testing.T) {
	roundTrip(t, "## CONTEXTE ET OBJECTIFS\n\nLa séance a réuni 45 personnes.\n\n### Le diagnostic\n\nTrois constats.\n\n"+
		"#### Détail des ateliers\n\nSuite.\n\n##### Cinquième niveau\n\nFin.\n\n###### Sixième\n\nVraiment la fin.")
}

func TestRoundTripLists(t *testing.T) {
	roundTrip(t, "Avant la liste.\n\n- un\n- deux\n    - deux-a\n    - deux-b\n        - tout au fond\n- trois\n\nEntre deux.\n\n"+
		"1. premier\n2. second\n    - une puce sous un numéro\n    - une autre\n        1. numéro sous une puce\n3. troisième\n    - encore une puce\n\nAprès.")
}

// TestMixedNestedLists: under one list, a numbered and a bulleted list at the same depth. The
// Word document says so, and the importer reads it back; the OpenDocument gives the second
// nested list a list style of its own, which the importer does not read (it follows the
// outermost list's), so only its structure is checked there.
func TestMixedNestedLists(t *testing.T) {
	md := "1. premier\n    1. sous-numéro\n2. second\n    - sous-puce\n"
	sameMarkdown(t, "docx", reimport(t, DOCX, render(t, DOCX, bodyOnly(md))), "# Compte-rendu\n\n"+md)
	content, _ := parts(t, render(t, ODT, bodyOnly(md)))
	want := `<text:list text:style-name="L1.1">`
	if !strings.Contains(content["content.xml"], want) || !strings.Contains(content["content.xml"], `<text:list-style style:name="L1.1">`) {
		t.Errorf("the bulleted list under a numbered one has no list style of its own (%s):\n%s", want, content["content.xml"])
	}
}

func TestRoundTripEmphasis(t *testing.T) {
	roundTrip(t, "Texte **gras**, *italique* et ***les deux***.\n\n"+
		"Une étoile seule \\* et un tiret_bas restent du texte.")
	// Emphasis inside emphasis comes back flat: the same words in the same weight and slant.
	for _, f := range formats {
		got := reimport(t, f, render(t, f, bodyOnly("Puis **un gras *avec de l’italique* dedans**.")))
		sameMarkdown(t, string(f), got, "# Compte-rendu\n\nPuis **un gras** ***avec de l’italique*** **dedans**.")
	}
}

func TestRoundTripTables(t *testing.T) {
	roundTrip(t, "| Proposition | Votes | Priorité |\n| --- | --- | --- |\n| Double-sens **cyclable** | 24 | haute |\n"+
		"| Arceaux école | 19 | *moyenne* |\n| Zone 30 |  | basse |")
}

func TestRoundTripLinks(t *testing.T) {
	roundTrip(t, "Suivi sur https://tanneurs.example.org/mobilites et par courriel à contact@tanneurs.example.org.")
	roundTrip(t, "Voir [le dossier](https://tanneurs.example.org/diagnostic.pdf) en ligne.")
}

func TestRoundTripLineBreaks(t *testing.T) {
	roundTrip(t, "Horaires : 18 h 30  \nSalle : maison de quartier\n\nParagraphe suivant, sur\ndeux lignes du source.")
}

func TestRoundTripTitleBlock(t *testing.T) {
	for _, f := range formats {
		got := reimport(t, f, render(t, f, frenchReport(t)))
		for _, want := range []string{
			"# Atelier « Mobilités douces » — Quartier des Tanneurs\n",
			"**Type de séance**\tAtelier", "**Date**\t12 mars 2026", "**Lieu**\tMaison de quartier des Tanneurs",
			"**Organisé par**\tVille de Lyse, service mobilités", "**Public**\tHabitant·es du quartier",
			"## Participant·es et organisation",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: the imported report lacks %q:\n%s", f, want, got)
			}
		}
		if strings.Count(got, "Atelier « Mobilités douces »") != 1 {
			t.Errorf("%s: the title is not given once:\n%s", f, got)
		}
	}
}

func TestEmptyReportSaysSo(t *testing.T) {
	for _, f := range formats {
		got := reimport(t, f, render(t, f, bodyOnly(" \n\n")))
		sameMarkdown(t, string(f), got, "# Compte-rendu\n\n(texte vide)")
	}
}
