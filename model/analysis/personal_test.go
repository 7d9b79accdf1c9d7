package analysis

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

func TestPersonalData(t *testing.T) {
	tests := []struct {
		name string
		lang model.Language
		in   string
		want []string // "kind text"
	}{
		{"titled persons", model.French, "Mme Claire Laurent et M. Diallo sont venus.", []string{"person Mme Claire Laurent", "person M. Diallo"}},
		{"first names", model.French, "Avec Claire Laurent et Karim Diallo.", []string{"person Claire Laurent", "person Karim Diallo"}},
		{"organisations and places are not persons", model.French,
			"Avec Territoires Partagés, la Maison des Associations, Saint-Aubin-sur-Lys, le CCAS et le Conseil Départemental.", nil},
		{"function makes a person", model.French, "Le maire, Bernard Lefèvre, et Odile Fabre, habitante du quartier.", []string{"person Bernard Lefèvre", "person Odile Fabre"}},
		{"surname given with a title", model.French, "Mme Garnier anime. Selon Garnier, et Lucienne Garnier aussi.", []string{"person Mme Garnier", "person Garnier", "person Lucienne Garnier"}},
		{"contacts", model.French, "Écrire à claire.laurent@exemple.fr ou appeler le 06 12 34 56 78.", []string{"email claire.laurent@exemple.fr", "phone 06 12 34 56 78"}},
		{"english", model.English, "Councillor Margaret Okafor and Dr. Amy Chen met Kevin Marsh of the Open Shelves Foundation. Call (555) 014-2290.",
			[]string{"person Councillor Margaret Okafor", "person Dr. Amy Chen", "person Kevin Marsh"}},
		{"not a person", model.English, "The City Council and Sport England.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range PersonalData(tc.in, tc.lang) {
				if tc.in[p.Start:p.End] != p.Text {
					t.Fatalf("bad position %+v", p)
				}
				got = append(got, string(p.Kind)+" "+p.Text)
			}
			if tc.name == "english" {
				tc.want = append(tc.want, "phone (555) 014-2290")
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("PersonalData(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func BenchmarkPersonalData(b *testing.B) {
	text := benchText(10_000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		PersonalData(text, model.French)
	}
}

// TestPersonalDataPublicRoles: elected officials and staff named in their public role, and
// the contacts of a service, are not a private person's data; residents and participants are.
func TestPersonalDataPublicRoles(t *testing.T) {
	tests := []struct {
		name string
		lang model.Language
		in   string
		want []string // "text public|private"
	}{
		{"deputy mayor", model.French, "Mme Sophie Martin, adjointe au maire, a ouvert la séance.", []string{"Mme Sophie Martin public"}},
		{"mayor before", model.French, "Le maire, M. Paul Girard, a répondu.", []string{"M. Paul Girard public"}},
		{"staff", model.French, "Jean Roux, chargé de mission à la Ville, présente le projet.", []string{"Jean Roux public"}},
		{"councillor", model.English, "Councillor Jane Smith chaired the meeting.", []string{"Councillor Jane Smith public"}},
		{"residents", model.French, "Odile Fabre, habitante du quartier, et M. Diallo, commerçant, ont pris la parole.",
			[]string{"Odile Fabre private", "M. Diallo private"}},
		{"quoted resident", model.French, "« Il faut des bancs », dit Claire Laurent.", []string{"Claire Laurent private"}},
		{"public role named again", model.French, "Mme Martin, adjointe au maire, ouvre. Plus tard, Mme Martin conclut.",
			[]string{"Mme Martin public", "Mme Martin public"}},
		{"private role wins", model.French, "Le maire a salué Inès Moreau, habitante.", []string{"Inès Moreau private"}},
		{"contacts", model.French, "Écrire à concertation@saint-aubin.example ou à claire.laurent@exemple.fr ; mairie : 02 31 00 00 00 ; Claire : 06 12 34 56 78.",
			[]string{"concertation@saint-aubin.example public", "claire.laurent@exemple.fr private", "02 31 00 00 00 public", "06 12 34 56 78 private"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range PersonalData(tc.in, tc.lang) {
				who := "private"
				if p.Public {
					who = "public"
				}
				got = append(got, p.Text+" "+who)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("PersonalData(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}
