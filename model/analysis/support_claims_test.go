package analysis

import (
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// TestStanceGroups checks that every group named a group of stance is a group of its table.
func TestStanceGroups(t *testing.T) {
	for lang, names := range map[model.Language][]string{model.French: frenchStance, model.English: englishStance} {
		tab := tableFor(lang)
		for _, w := range names {
			stem := tableStem(w, lang)
			if _, ok := tab.canonical[stem]; !ok {
				t.Errorf("%s: stance group %q is in no group", lang, w)
			}
		}
	}
}

const claimsSourceFR = `# Réunion publique — quartier des Forges

Une habitante a proposé d'installer des bancs près de l'arrêt de bus.
Plusieurs riverains redoutent la suppression des places de stationnement devant les commerces.
Le conseil de quartier étudiera la pose de jardinières rue Haute.
Les jeunes ont demandé un local pour se retrouver le mercredi.
La salle polyvalente restera fermée pendant les travaux de toiture.
Le marché du samedi matin sera déplacé sur la place de l'église.
Les commerçants regrettent le manque de publicité pour la brocante.
L'éclairage du parking sera remplacé par des lampes moins gourmandes.
`

// TestSupportClaims checks that a sentence that puts, among the words of the source sentence
// it copies, an outcome (« a obtenu »), another actor or a retreat (« a renoncé ») has much less
// support than the faithful copy, and that one that generalises (« tous », « unanimement ») is
// flagged.
func TestSupportClaims(t *testing.T) {
	for _, tc := range []struct{ faithful, changed string }{
		{"Une habitante a proposé l'installation de bancs près de l'arrêt de bus.",
			"Une habitante a obtenu l'installation de bancs près de l'arrêt de bus."},
		{"Une habitante a proposé d'installer des bancs près de l'arrêt de bus.",
			"Les commerçants ont proposé d'installer des bancs près de l'arrêt de bus."},
		{"Le conseil de quartier étudiera la pose de jardinières rue Haute.",
			"Le conseil de quartier a renoncé à la pose de jardinières rue Haute."},
	} {
		f := supportOf(t, claimsSourceFR, tc.faithful, model.French)
		c := supportOf(t, claimsSourceFR, tc.changed, model.French)
		if f.Unsupported || c.Support > f.Support-0.3 {
			t.Errorf("%q: support %.2f (flagged %v), %q: %.2f; want the faithful one supported, the other 0.3 lower",
				tc.faithful, f.Support, f.Unsupported, tc.changed, c.Support)
		}
	}
	for _, all := range []string{
		"Tous les riverains redoutent la suppression des places devant les commerces.",
		"Les riverains redoutent unanimement la suppression des places devant les commerces.",
	} {
		if s := supportOf(t, claimsSourceFR, all, model.French); !s.Unsupported {
			t.Errorf("%q: support %.2f, not flagged", all, s.Support)
		}
	}
}

// TestSupportStitched checks that a sentence made of the words of two source sentences far
// apart is flagged, while one that merges two neighbouring sentences, or joins two sentences
// with « , et », is supported.
func TestSupportStitched(t *testing.T) {
	stitched := supportOf(t, claimsSourceFR, "Les jeunes regrettent le manque de publicité pour le local du mercredi.", model.French)
	if !stitched.Unsupported {
		t.Errorf("stitched from far apart: support %.2f, not flagged", stitched.Support)
	}
	for _, variant := range []string{
		"Les jeunes ont demandé un local pour le mercredi, pendant que la salle polyvalente reste fermée.",
		"Le marché du samedi matin sera déplacé sur la place de l'église, et les commerçants regrettent le manque de publicité pour la brocante.",
	} {
		if s := supportOf(t, claimsSourceFR, variant, model.French); s.Unsupported {
			t.Errorf("%q: support %.2f, flagged", variant, s.Support)
		}
	}
}
