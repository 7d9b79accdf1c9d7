package generate

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// Fictional sentences, in French and English, with what the decisions method must make of
// them: cueDecision or cueNext are picked; anything else is not.
var cueCases = []struct {
	text string
	want cue
}{
	// Decisions.
	{"Il a été décidé de repeindre le kiosque de la place des Ormeaux.", cueDecision},
	{"Le tracé nord est retenu pour la future passerelle.", cueDecision},
	{"Les élu·es ont décidé de reporter l'ouverture du jardin partagé.", cueDecision},
	{"Le conseil de quartier a validé le principe d'une fête annuelle.", cueDecision},
	{"Le projet de halle couverte a été adopté à l'unanimité en 2019.", cueDecision},
	{"Décision : le vide-grenier reste au mois de mai.", cueDecision},
	{"The residents' panel agreed to keep the library open on Sundays.", cueDecision},
	{"It was agreed that the orchard would stay public.", cueDecision},
	{"The board decided to fund two new benches.", cueDecision},
	{"The committee approved the revised budget last night.", cueDecision},
	// Next steps.
	{"Le service voirie présentera les plans du carrefour le 3 février.", cueNext},
	{"La régie des eaux publiera l'étude avant la fin de l'année.", cueNext},
	{"L'association s'engage à installer des nichoirs.", cueNext},
	{"Prochaine étape : une visite du chantier avec les riverain·es.", cueNext},
	{"Le questionnaire sera envoyé aux habitant·es d'ici le 15 avril.", cueNext},
	{"Les services vont organiser une balade urbaine en septembre.", cueNext},
	{"Les dossiers doivent être déposés avant le 12 mars.", cueNext},
	{"Action : la médiathèque prépare une exposition des maquettes.", cueNext},
	{"The parks team will plant forty hedges by March.", cueNext},
	{"Next steps: a second workshop on cycle parking.", cueNext},
	{"The final report is due by the end of June.", cueNext},
	{"The survey results shall be published online.", cueNext},
	{"A photo « Nous y serons ! » illustre l'affiche : le comité se réunira en juin.", cueNext},
	// Neither.
	{"La balade, prévue le jeudi 5 mai, devait montrer les points noirs avant le lancement des travaux.", cuePast},
	{"Mme Odile Ferrand, conseillère municipale, a rappelé le calendrier de la concertation.", cuePast},
	{"Trente habitant·es ont participé à la visite du 2 avril.", cuePast},
	{"Le directeur a présenté l'échéancier du chantier.", cuePast},
	{"Il était animé par un médiateur de l'agence Terres Communes.", cuePast},
	{"Les commerçants craignent que les clients ne viendront plus.", cueNone},
	{"« Le parc ne sera jamais fini », lance un habitant.", cueNone},
	{"Une riveraine s'inquiète de l'échéance des travaux.", cueTimed},
	{"Aucune décision n'a été prise sur le parking de la gare.", cueNever},
	{"Le nouveau marché sera-t-il ouvert le dimanche ?", cueNever},
	{"Merci à toutes et à tous pour votre venue !", cueNever},
	{"Mrs. Patel presented the schedule for the bridge repairs.", cuePast},
	{"Several neighbours agreed in the comments.", cueNone},
	{"Nothing has been decided about the car park yet.", cueNever},
	{"Will the tram stop move to Mill Lane?", cueNever},
	{"The meeting was held on 12 May at the town hall.", cuePast},
}

func TestCueOf(t *testing.T) {
	picked, left := 0, 0
	for _, c := range cueCases {
		got := cueOf(c.text)
		if got != c.want {
			t.Errorf("cueOf(%q) = %d, want %d", c.text, got, c.want)
		}
		if c.want == cueDecision || c.want == cueNext {
			picked++
		} else {
			left++
		}
	}
	if picked < 12 || left < 12 {
		t.Errorf("%d positive and %d negative cases, want at least 12 of each", picked, left)
	}
}

func TestHeadingCue(t *testing.T) {
	for _, c := range []struct {
		text string
		want cue
	}{
		{"Décisions et suites", cueDecision},
		{"Relevé de décisions", cueDecision},
		{"Prochaines étapes", cueNext},
		{"Calendrier", cueNext},
		{"Next steps", cueNext},
		{"Contexte et objectifs", cueNone},
		{"Participants", cueNone},
		{"Questions", cueNone},
	} {
		if got := headingCue(c.text); got != c.want {
			t.Errorf("headingCue(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

func TestInherit(t *testing.T) {
	for _, c := range []struct{ own, section, want cue }{
		{cueNone, cueDecision, cueDecision},
		{cueNone, cueNext, cueNext},
		{cuePast, cueDecision, cueDecision},
		{cuePast, cueNext, cueNone},
		{cueTimed, cueDecision, cueNext},
		{cueTimed, cueNone, cueNone},
		{cueNever, cueNext, cueNever},
		{cueNext, cueDecision, cueNext},
	} {
		if got := inherit(c.own, c.section); got != c.want {
			t.Errorf("inherit(%d, %d) = %d, want %d", c.own, c.section, got, c.want)
		}
	}
}

// TestDecisionsSample checks the decisions method on a copy of the sample report shipped
// with the app (assets/samples/atelier-place-du-marche.md).
func TestDecisionsSample(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "sample-place-du-marche.md"))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := model.FindPreset(model.BuiltinPresets(), "decisions-actions")
	res, err := NewBuiltin().Generate(context.Background(), request(string(b), model.French, p), nil)
	if err != nil {
		t.Fatal(err)
	}
	out := res.Text
	assertNoInvention(t, string(b), out, model.French)
	decided, next, ok := strings.Cut(out, "## Prochaines étapes")
	if !ok || !strings.HasPrefix(decided, "## Décisions") {
		t.Fatalf("missing sections in:\n%s", out)
	}
	for _, s := range []string{"Cet atelier, organisé le mardi 17 juin 2025", "a rappelé le calendrier du projet"} {
		if strings.Contains(out, s) {
			t.Errorf("false positive %q in:\n%s", s, out)
		}
	}
	for _, c := range []struct{ part, want string }{
		{decided, "Il a été décidé de tester une fermeture de la place"},
		{next, "Le bureau d'études présentera deux scénarios d'aménagement"},
		{next, "La mairie s'engage à publier ce compte-rendu"},
		{next, "Prochaine étape : un comptage des places de stationnement occupées sera réalisé"},
	} {
		if !strings.Contains(c.part, c.want) {
			t.Errorf("missing %q in:\n%s", c.want, out)
		}
	}
}
