package office

import "testing"

// The round trip of what the importer reads back since it follows links, quotes, the first
// number of a list and inline code: each test writes Markdown in both formats, imports it back
// and compares the documents.

func TestRoundTripNamedLinks(t *testing.T) {
	roundTrip(t, "Le [compte-rendu de l’atelier](https://tanneurs.example.org/ateliers/2026-03-12) est en ligne ; "+
		"[écrire à l’équipe](mailto:mobilites@lyse.example.fr?subject=Atelier%20Tanneurs) pour le corriger.")
}

func TestRoundTripLinksEverywhere(t *testing.T) {
	roundTrip(t, "## [PLAN DE CIRCULATION](https://tanneurs.example.org/plan)\n\n"+
		"- [la carte](https://tanneurs.example.org/carte) des rues\n    - voir [**le détail**](https://tanneurs.example.org/detail)\n\n"+
		"| Document | Lien |\n| --- | --- |\n| Diagnostic | [PDF](https://tanneurs.example.org/diagnostic.pdf) |\n| Carte | https://tanneurs.example.org/carte |")
}

func TestRoundTripTrickyLinks(t *testing.T) {
	roundTrip(t, "Voir [la page « Lyse (ville) »](<https://fr.example.org/wiki/Lyse_(ville?a=1&b=2>), "+
		"[le plan \\[v2](https://tanneurs.example.org/plan_v2.pdf), la [réunion](<https://tanneurs.example.org/réunion publique>) "+
		"et https://tanneurs.example.org/comptes_rendus.\n\nBravo\\![le site](https://tanneurs.example.org) est à jour.\n\n"+
		"Transcription : \\[rires\\](inaudible) puis \\[Note\\]: voir l’annexe.")
}

func TestRoundTripUnsafeLinksStayText(t *testing.T) {
	for _, f := range formats {
		got := reimport(t, f, render(t, f, bodyOnly("Ne pas [cliquer](javascript:alert(1)) ni [ouvrir](file:///C:/rapport.docx).")))
		sameMarkdown(t, string(f), got, "# Compte-rendu\n\nNe pas cliquer ni ouvrir.")
	}
}

func TestRoundTripQuotes(t *testing.T) {
	roundTrip(t, "Une habitante résume :\n\n> On veut des **bancs**, pas des barrières.\n>\n> Et des arbres *vrais*.\n\n"+
		"Un commerçant répond :\n\n> Les livraisons passent à 6 h.")
}

func TestRoundTripListStarts(t *testing.T) {
	roundTrip(t, "3. troisième point\n4. quatrième point\n\nAparté.\n\n1. nouvelle liste\n2. suite\n\n"+
		"- une puce\n\n    7. septième\n    8. huitième")
}

// TestRoundTripMixedNestedLists: a bulleted list under a numbered one keeps its kind in both
// formats (TestMixedNestedLists checks the Word document alone).
func TestRoundTripMixedNestedLists(t *testing.T) {
	roundTrip(t, "1. premier\n    1. sous-numéro\n2. second\n    - sous-puce\n")
}

func TestRoundTripInlineCode(t *testing.T) {
	roundTrip(t, "Lancer `rapporteur render cr.md --docx cr.docx`, puis ``un `accent` grave`` et **`gras_code`**.\n\n"+
		"| Option | Effet |\n| --- | --- |\n| `--odt` | OpenDocument |")
	// Word gives a link's runs its Hyperlink style, not the code's: only the OpenDocument keeps
	// code inside a link.
	got := reimport(t, ODT, render(t, ODT, bodyOnly("Voir [`--help`](https://tanneurs.example.org/aide).")))
	sameMarkdown(t, "odt", got, "# Compte-rendu\n\nVoir [`--help`](https://tanneurs.example.org/aide).")
}
