package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// TestWordTables checks the synonym tables: every word reaches its group (it is no stop word,
// and its stem is in no other group, nor too short to mean anything), and every opposite names
// a group of the table, with at most maxOpposites opposites to a group.
func TestWordTables(t *testing.T) {
	for _, tc := range []struct {
		lang      model.Language
		groups    []string
		opposites [][2]string
	}{
		{model.French, slices.Concat(frenchSynonyms, frenchClaimGroups), frenchOpposites},
		{model.English, slices.Concat(englishSynonyms, englishClaimGroups), englishOpposites},
	} {
		group := map[string]int{}
		for gi, g := range tc.groups {
			for _, w := range strings.Fields(g) {
				stem := tableStem(w, tc.lang)
				switch other, seen := group[stem]; {
				case supportStopWords[string(foldWord(nil, w))]:
					t.Errorf("%s: %q is a stop word", tc.lang, w)
				case len(stem) < minStem:
					t.Errorf("%s: %q has the stem %q, too short", tc.lang, w, stem)
				case seen && other != gi:
					t.Errorf("%s: %q (stem %q) is in the groups %q and %q", tc.lang, w, stem, tc.groups[other], g)
				}
				group[stem] = gi
			}
		}
		count := map[int]int{}
		for _, o := range tc.opposites {
			for _, w := range o {
				gi, ok := group[tableStem(w, tc.lang)]
				if !ok {
					t.Errorf("%s: opposite %q is in no group", tc.lang, w)
				}
				if count[gi]++; count[gi] > maxOpposites {
					t.Errorf("%s: %q has more than %d opposites", tc.lang, w, maxOpposites)
				}
			}
		}
	}
}

// TestStemDerivations checks the French forms that the light stemmer used to keep apart.
func TestStemDerivations(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"méfiance", "méfient", true},
		{"salué", "saluer", true},
		{"évoqué", "évoquer", true},
		{"attireraient", "attirent", true},
		{"surveillance", "surveiller", true},
		{"finance", "fin", false},
		{"responsabilités", "responsables", true},
		{"disponibilité", "disponible", true},
		{"déploiement", "déployer", true},
		{"essai", "essayer", true},
		{"livraisons", "livrer", true},
		{"boulangerie", "boulanger", true},
		{"maison", "mais", false},
	} {
		a, b := tableStem(tc.a, model.French), tableStem(tc.b, model.French)
		if (a == b) != tc.same {
			t.Errorf("%s → %q, %s → %q: same %v, want %v", tc.a, a, tc.b, b, a == b, tc.same)
		}
	}
}

const cuesSourceFR = `# CONSEIL DE QUARTIER DES ACACIAS — compte rendu

Présent·es : une trentaine d'habitant·es, l'adjointe à la voirie.

L'adjointe a présenté le projet de piste cyclable sur l'avenue des Tanneurs.
Plusieurs riverains redoutent la suppression des places de stationnement devant les commerces.
Le conseil a approuvé la fermeture du square le soir pendant l'été.
Une habitante a proposé d'installer des bancs près de l'arrêt de bus.
Les travaux de réfection du trottoir commenceront à la rentrée.
`

const cuesSourceEN = `Library users' forum — notes

The council approved the closure of the library on Sundays.
A resident suggested installing benches near the bus stop.
Several tenants fear that rents will rise next year.
The caretaker explained how the heating works in winter.
`

// supportOf returns the support of the one sentence variant against source.
func supportOf(t *testing.T, source, variant string, lang model.Language) SentenceSupport {
	t.Helper()
	got := newSupportIndex(source, lang).sentences(variant)
	if len(got) != 1 {
		t.Fatalf("%q: %d sentences, want 1", variant, len(got))
	}
	return got[0]
}

// TestSupportSynonyms checks that paraphrases in other words (« craignent » for « redoutent »,
// "fitting" for "installing", « chantier » for « travaux ») are supported.
func TestSupportSynonyms(t *testing.T) {
	for _, tc := range []struct {
		source, variant string
		lang            model.Language
	}{
		{cuesSourceFR, "Des habitants craignent que le stationnement devant les commerces soit supprimé.", model.French},
		{cuesSourceFR, "Une habitante a suggéré l'installation de bancs près de l'arrêt de bus.", model.French},
		{cuesSourceFR, "Le chantier de réparation du trottoir débutera à la rentrée.", model.French},
		{cuesSourceEN, "One resident proposed fitting benches near the bus stop.", model.English},
		{cuesSourceEN, "Several tenants are worried that rents will increase next year.", model.English},
	} {
		if s := supportOf(t, tc.source, tc.variant, tc.lang); s.Unsupported || s.Support < 0.7 {
			t.Errorf("%q: support %.2f, unsupported %v; want supported", tc.variant, s.Support, s.Unsupported)
		}
	}
}

// TestSupportContradiction checks that a sentence saying the opposite of the source sentence
// it copies otherwise (rejected for approved) is flagged.
func TestSupportContradiction(t *testing.T) {
	for _, tc := range []struct {
		source, variant string
		lang            model.Language
	}{
		{cuesSourceFR, "Le conseil a rejeté la fermeture du square le soir pendant l'été.", model.French},
		{cuesSourceFR, "Le conseil a approuvé l'ouverture du square le soir pendant l'été.", model.French},
		{cuesSourceEN, "The council rejected the closure of the library on Sundays.", model.English},
		{cuesSourceEN, "Several tenants fear that rents will fall next year, as they decrease.", model.English},
	} {
		if s := supportOf(t, tc.source, tc.variant, tc.lang); !s.Unsupported {
			t.Errorf("%q: support %.2f, not flagged", tc.variant, s.Support)
		}
	}
}

// TestSupportNegation checks that a sentence denying what the source sentence affirms has less
// support than the same sentence affirmed, and that « ne … que », which restricts, is no
// negation.
func TestSupportNegation(t *testing.T) {
	copied := supportOf(t, cuesSourceFR, "Le conseil a approuvé la fermeture du square le soir pendant l'été.", model.French)
	denied := supportOf(t, cuesSourceFR, "Le conseil n'a pas approuvé la fermeture du square le soir pendant l'été.", model.French)
	only := supportOf(t, cuesSourceFR, "Le conseil n'a approuvé la fermeture du square que le soir pendant l'été.", model.French)
	if copied.Support != 1 || denied.Support >= copied.Support-0.1 || only.Support != 1 {
		t.Errorf("support: copied %.2f, denied %.2f, « ne … que » %.2f; want 1, under 0.9, 1", copied.Support, denied.Support, only.Support)
	}
	en := supportOf(t, cuesSourceEN, "The council didn't approve the closure of the library on Sundays.", model.English)
	if en.Support >= 0.9 {
		t.Errorf("denied in English: support %.2f, want under 0.9", en.Support)
	}
}
