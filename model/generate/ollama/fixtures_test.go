package ollama

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// frenchReport and englishReport are fictional sessions written for these tests.
const frenchReport = `# Atelier « Place des Tilleuls »

Le mardi 14 octobre 2025, de 18 h 30 à 21 h, 42 habitant·es du quartier des Tilleuls se sont réunis à la maison de quartier pour discuter du réaménagement de la place. L’atelier était animé par Mme Rivière, adjointe à la vie des quartiers, et par M. Okafor, de l’agence d’urbanisme.

## Constats partagés

Les participant·es ont d’abord décrit la place telle qu’elle est aujourd’hui : un parking de 64 places, deux bancs, aucun point d’eau. Plusieurs personnes âgées ont dit ne plus traverser la place le soir, faute d’éclairage. Des parents ont demandé un espace de jeux ombragé ; un commerçant a rappelé que le marché du samedi rapporte 30 % de son chiffre d’affaires.

## Propositions

Trois scénarios ont été discutés en petits groupes. Le scénario B, qui garde 20 places de stationnement et plante 15 arbres, a recueilli 27 voix sur 42. Le scénario A (place entièrement piétonne) a été jugé trop coûteux par la commission des finances, estimation à 1,2 million d’euros.

## Décisions et suites

La mairie s’est engagée à publier le compte-rendu avant le 31 octobre et à organiser une seconde réunion le 25 novembre 2025. Aucune décision définitive n’a été prise sur le stationnement ; l’éclairage sera toutefois renforcé dès l’hiver.
`

const englishReport = `# Riverside library consultation

On Thursday 6 November 2025, from 6:30 to 8:45 pm, 35 residents met at the community hall to discuss the future of the Riverside branch library. The session was chaired by Councillor Hughes and facilitated by Priya Nair from the county's engagement team.

## What people said

Residents described a building that is well loved but hard to reach: the only bus stops at 7 pm, and the car park has 12 spaces. Several parents asked for longer opening hours on Saturdays; two students said the study room is full by 10 am. A retired teacher recalled that visits fell by 18% since 2019.

## Options discussed

Three options were discussed in small groups. Option 2, which keeps the building and adds a mobile library van twice a week, received 21 votes out of 35. Option 1 (moving the library into the town centre) was judged too expensive by the finance officer, at an estimated cost of £850,000.

## Next steps

The council agreed to publish this report by 20 November and to hold a second session on 4 December 2025. No final decision was made about opening hours; the bus timetable will be raised with the transport authority.
`

// longReport returns a French report of n sections, each of three paragraphs, with distinct
// figures, long enough to need chunking on a small-context model.
func longReport(n int) string {
	var b strings.Builder
	b.WriteString("# Concertation sur le plan local de mobilité\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "## Séance %d\n\n", i)
		fmt.Fprintf(&b, "Lors de la séance %d, %d participant·es ont examiné le tracé de la ligne de bus numéro %d. "+
			"Mme Moreau a présenté les comptages : %d voyageurs par jour en semaine et %d le samedi, "+
			"avec une fréquentation en hausse de %d %% depuis la rentrée.\n\n", i, 20+i, 100+i, 1500+17*i, 900+11*i, 3+i)
		fmt.Fprintf(&b, "Des habitant·es du hameau de Valcourt ont demandé un arrêt supplémentaire près de l’école ; "+
			"le représentant de la région a répondu qu’une étude serait lancée avant le %d mars 2026. "+
			"Plusieurs cyclistes ont insisté sur la continuité des pistes entre la gare et la zone d’activités.\n\n", i)
		fmt.Fprintf(&b, "La séance %d s’est conclue par un vote indicatif : %d voix pour le tracé nord, %d pour le tracé sud, "+
			"et %d abstentions. La décision finale reviendra au conseil communautaire.\n\n", i, 10+i, 8+i%5, i%4)
	}
	return b.String()
}

// newServer starts a test server closed at the end of the test.
func newServer(t testing.TB, models ...ollamatest.Model) *ollamatest.Server {
	t.Helper()
	s := ollamatest.New(models...)
	t.Cleanup(s.Close)
	return s
}

// newRequest asks the preset id for body, in French, from modelName on host.
func newRequest(t testing.TB, host, modelName, presetID, body string) generate.Request {
	t.Helper()
	p, ok := model.FindPreset(model.BuiltinPresets(), presetID)
	if !ok {
		t.Fatalf("no preset %q", presetID)
	}
	lang := model.GuessLanguage(body, model.French)
	meta := model.Meta{Title: "Atelier de test", Kind: model.KindWorkshop, Date: "2025-10-14",
		Place: "Maison de quartier", Organisers: "Mairie", Audience: "Habitant·es", Language: lang}
	return generate.Request{
		Source: model.Revision{ID: 1, ReportID: 1, Number: 1, Meta: meta, Body: body},
		Preset: p,
		Spec:   model.Spec{Engine: model.EngineOllama, Host: host, Model: modelName, PresetID: presetID},
	}
}

// testContext is a context that ends the test's waits after a safety timeout.
func testContext(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// recorder collects progress; safe for concurrent use.
type recorder struct {
	mu     sync.Mutex
	events []generate.Progress
}

func (r *recorder) add(p generate.Progress) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, p)
}

func (r *recorder) all() []generate.Progress {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]generate.Progress(nil), r.events...)
}

// text is the concatenation of the recorded deltas.
func (r *recorder) text() string {
	var b strings.Builder
	for _, p := range r.all() {
		b.WriteString(p.Delta)
	}
	return b.String()
}

// stages lists the distinct stages in the order they first appeared.
func (r *recorder) stages() []generate.Stage {
	var out []generate.Stage
	for _, p := range r.all() {
		if len(out) == 0 || out[len(out)-1] != p.Stage {
			out = append(out, p.Stage)
		}
	}
	return out
}
