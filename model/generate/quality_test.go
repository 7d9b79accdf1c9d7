package generate

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// TestSummaryKeepsWhatMatters checks on the sample report that the synthesis and the key points
// open with what the session was about, carry its decision, and leave out a lone question.
func TestSummaryKeepsWhatMatters(t *testing.T) {
	body, err := os.ReadFile("testdata/sample-place-du-marche.md")
	if err != nil {
		t.Fatal(err)
	}
	rev := model.Revision{ID: 1, Meta: model.Meta{Title: "Atelier", Kind: model.KindWorkshop, Language: model.French}, Body: string(body)}
	for _, id := range []string{"synthese-courte", "points-cles"} {
		t.Run(id, func(t *testing.T) {
			p, _ := model.FindPreset(model.BuiltinPresets(), id)
			res, err := NewBuiltin().Generate(context.Background(), Request{Source: rev, Preset: p}, func(Progress) {})
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"La commune de Saint-Aubin-sur-Lys (1 250 habitants)", "Il a été décidé de tester une fermeture"} {
				if !strings.Contains(res.Text, want) {
					t.Errorf("missing %q in:\n%s", want, res.Text)
				}
			}
			if strings.Contains(res.Text, "Faut-il le prolonger") {
				t.Errorf("a lone question was picked:\n%s", res.Text)
			}
		})
	}
}
