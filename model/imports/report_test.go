package imports

import (
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// TestImportedReportLanguage checks the one rule for the language of an imported report: the
// text's own when it tells, else the language the person importing works in.
func TestImportedReportLanguage(t *testing.T) {
	french := "COMPTE-RENDU DE L'ATELIER\n\nLes participant·es ont demandé que la navette du marché soit maintenue le samedi, et la mairie a promis une réponse pour la rentrée avec les commerçant·es."
	english := "WORKSHOP NOTES\n\nThe residents asked that the market shuttle be kept on Saturdays, and the council will answer by September with the traders of the square."
	short := "Ateliers : 12/06, 19/06\nhttps://example.org/quartier-nord"
	cases := []struct {
		name string
		body string
		user model.Language
		want model.Language
	}{
		{"French text, English interface", french, model.English, model.French},
		{"English text, French interface", english, model.French, model.English},
		{"text too short to tell, English interface", short, model.English, model.English},
		{"text too short to tell, French interface", short, model.French, model.French},
	}
	for _, c := range cases {
		r := Imported{Title: "Atelier", Body: c.body}.Report("Sans titre", c.user)
		if r.Language != c.want {
			t.Errorf("%s: language %s, want %s", c.name, r.Language, c.want)
		}
		if r.Body != c.body {
			t.Errorf("%s: body changed to %q", c.name, r.Body)
		}
	}
}

// TestImportedReportTitle checks that the file's title is kept, and that the given one names a
// file that has none.
func TestImportedReportTitle(t *testing.T) {
	if got := (Imported{Title: "Réunion publique du 3 mars", Body: "x"}).Report("Sans titre", model.French).Title; got != "Réunion publique du 3 mars" {
		t.Errorf("title %q, want the file's", got)
	}
	if got := (Imported{Body: "x"}).Report("Untitled report", model.English).Title; got != "Untitled report" {
		t.Errorf("title %q, want the one given for untitled files", got)
	}
}
