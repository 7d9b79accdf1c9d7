package generate

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

type fixture struct {
	name string
	lang model.Language
	body string
}

func fixtures(t testing.TB) []fixture {
	t.Helper()
	files := []struct {
		name string
		lang model.Language
	}{
		{"atelier-place-du-marche.md", model.French},
		{"reunion-publique.md", model.French},
		{"webinar-en.md", model.English},
	}
	var out []fixture
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join("testdata", f.name))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fixture{f.name, f.lang, string(b)})
	}
	return out
}

func request(body string, lang model.Language, p model.Preset) Request {
	return Request{
		Source: model.Revision{ID: 1, Meta: model.Meta{Title: "Test", Kind: model.KindWorkshop, Language: lang}, Body: body},
		Preset: p,
		Spec:   model.Spec{Engine: model.EngineBuiltin, PresetID: p.ID},
	}
}

// assertNoInvention fails if a sentence of out is not a sentence of src. Headings of the
// decisions method's fixed labels are structure, not text.
func assertNoInvention(t *testing.T, src, out string, lang model.Language) {
	t.Helper()
	known := map[string]bool{}
	for _, s := range analysis.Sentences(src, lang) {
		known[analysis.Plain(s.Text)] = true
	}
	labels := map[string]bool{}
	for _, l := range decisionLabels {
		labels["## "+l[0]], labels["## "+l[1]] = true, true
	}
	for _, s := range analysis.Sentences(out, lang) {
		line := out[strings.LastIndexByte(out[:s.Start], '\n')+1 : s.End]
		if known[analysis.Plain(s.Text)] || labels[line] {
			continue
		}
		t.Errorf("invented sentence %q\nin output:\n%s", s.Text, out)
	}
}

func TestBuiltinNeverInvents(t *testing.T) {
	for _, f := range fixtures(t) {
		for _, p := range model.BuiltinEnginePresets() {
			t.Run(f.name+"/"+p.ID, func(t *testing.T) {
				res, err := NewBuiltin().Generate(context.Background(), request(f.body, f.lang, p), nil)
				if err != nil {
					t.Fatal(err)
				}
				if strings.TrimSpace(res.Text) == "" {
					t.Fatal("empty output")
				}
				assertNoInvention(t, f.body, res.Text, f.lang)
				assertCopied(t, f.body, res.Text)
			})
		}
	}
}

// fragments build random reports for the property test.
var fragments = []string{
	"# Compte-rendu de l'atelier\n\n", "## Échanges\n\n", "### Table 2 : stationnement\n",
	"M. Diallo a ouvert la séance à 10h00. ", "Mme Laurent, p. ex., a parlé de 45,5 % des inscrit.e.s. ",
	"Les participant·es veulent des bancs, des arbres, etc. ", "Selon J.-P. Martin, c.-à-d. l'élu.e, rien n'est fait… ",
	"« Vraiment ? Oui. » ", "Il a été décidé de planter 20 arbres. ", "La prochaine étape sera le 4 avril. ",
	"Voir www.ville-saint-aubin.fr ou contact@mairie.fr. ", "\n", "\n\n", "- Une fontaine\n", "1. Dépôt des projets\n",
	"> Citation d'un habitant.\n> Suite de la citation.\n", "| Thème | Votes |\n|---|---|\n| Arbres | 51 |\n",
	"The council agreed to publish the results. ", "Mr. Lee, i.e. the chair, will reply by June. ",
	"**Décision :** le marché reste le samedi. ", "Ordre du jour\nPrésentation\n", "2. Le second point. ",
	"Il y avait 1 250 habitants (env.). ", "---\n", "```\ncode\n```\n", "*Fin.*",
}

func TestBuiltinNeverInventsGenerated(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		var b strings.Builder
		for range 5 + r.IntN(40) {
			b.WriteString(fragments[r.IntN(len(fragments))])
		}
		body := b.String()
		for _, p := range model.BuiltinEnginePresets() {
			res, err := NewBuiltin().Generate(context.Background(), request(body, model.French, p), nil)
			if err != nil && CodeOf(err) != CodeNothingFound {
				t.Fatalf("doc %d %s: %v", n, p.ID, err)
			}
			assertNoInvention(t, body, res.Text, model.French)
			assertCopied(t, body, res.Text)
		}
	}
}

func FuzzBuiltin(f *testing.F) {
	for _, fx := range fixtures(f) {
		f.Add(fx.body, uint8(0))
	}
	for _, s := range fragments {
		f.Add(s, uint8(1))
	}
	presets := model.BuiltinEnginePresets()
	f.Fuzz(func(t *testing.T, body string, which uint8) {
		p := presets[int(which)%len(presets)]
		res, err := NewBuiltin().Generate(context.Background(), request(body, model.French, p), nil)
		switch CodeOf(err) {
		case "", CodeNothingFound, CodeEmptySource:
		default:
			t.Fatalf("unexpected error %v", err)
		}
		assertNoInvention(t, body, res.Text, model.French)
		assertCopied(t, body, res.Text)
	})
}

func TestBuiltinDeterministic(t *testing.T) {
	for _, f := range fixtures(t) {
		for _, p := range model.BuiltinEnginePresets() {
			t.Run(f.name+"/"+p.ID, func(t *testing.T) {
				a, errA := NewBuiltin().Generate(context.Background(), request(f.body, f.lang, p), nil)
				b, errB := NewBuiltin().Generate(context.Background(), request(f.body, f.lang, p), nil)
				if errA != nil || errB != nil || a.Text != b.Text {
					t.Fatalf("outputs differ or fail: %v %v", errA, errB)
				}
			})
		}
	}
}

func TestBuiltinErrors(t *testing.T) {
	synthesis, _ := model.FindPreset(model.BuiltinPresets(), "synthese-courte")
	decisions, _ := model.FindPreset(model.BuiltinPresets(), "decisions-actions")
	detailed, _ := model.FindPreset(model.BuiltinPresets(), "compte-rendu-detaille")
	tests := []struct {
		name   string
		body   string
		preset model.Preset
		want   ErrorCode
	}{
		{"model-only preset", "Une phrase.", detailed, CodeUnsupportedPreset},
		{"unknown method", "Une phrase.", model.Preset{ID: "x", Method: "poetry"}, CodeUnsupportedPreset},
		{"empty source", "", synthesis, CodeEmptySource},
		{"blank source", " \n\t\n", synthesis, CodeEmptySource},
		{"nothing but markup", "---\n\n```\ncode\n```", synthesis, CodeNothingFound},
		{"no decision", "Les habitant·es ont parlé du marché. Le café était bon.", decisions, CodeNothingFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := NewBuiltin().Generate(context.Background(), request(tc.body, model.French, tc.preset), nil)
			if got := CodeOf(err); got != tc.want {
				t.Fatalf("code %q (%v), want %q", got, err, tc.want)
			}
			var e *Error
			if !errors.As(err, &e) || res.Text != "" {
				t.Errorf("error %T, text %q: want *Error and no text", err, res.Text)
			}
		})
	}
}

func TestBuiltinProgressAndStats(t *testing.T) {
	f := fixtures(t)[0]
	for _, p := range model.BuiltinEnginePresets() {
		t.Run(p.ID, func(t *testing.T) {
			var events []Progress
			res, err := NewBuiltin().Generate(context.Background(), request(f.body, f.lang, p),
				func(pr Progress) { events = append(events, pr) })
			if err != nil {
				t.Fatal(err)
			}
			if len(events) < 2 || events[0].Stage != StageLoading {
				t.Fatalf("events %v: want loading first, then writing", events)
			}
			var text strings.Builder
			for _, e := range events[1:] {
				if e.Stage != StageWriting || e.Fraction <= 0 || e.Fraction > 1 {
					t.Errorf("bad event %+v", e)
				}
				text.WriteString(e.Delta)
			}
			if text.String() != res.Text || events[len(events)-1].Fraction != 1 {
				t.Errorf("deltas do not add up to the text")
			}
			checkStats(t, f.body, p, res)
		})
	}
}

func checkStats(t *testing.T, body string, p model.Preset, res Result) {
	t.Helper()
	s := res.Stats
	if s.Started.IsZero() || s.Finished.Before(s.Started) || s.PromptTokens != analysis.WordCount(body) ||
		s.OutputTokens != analysis.WordCount(res.Text) || s.OutputTokens == 0 || res.DoneReason != "stop" {
		t.Errorf("bad stats %+v", s)
	}
	if ratio := float64(s.OutputTokens) / float64(s.PromptTokens); p.TargetRatio > 0 && ratio > 2*p.TargetRatio {
		t.Errorf("output is %.2f of the source, target %.2f", ratio, p.TargetRatio)
	}
}

func TestBuiltinCancel(t *testing.T) {
	f := fixtures(t)[0]
	p, _ := model.FindPreset(model.BuiltinPresets(), "points-cles")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	engine := &Builtin{Pace: time.Hour}
	var deltas []string
	res, err := engine.Generate(ctx, request(f.body, f.lang, p), func(pr Progress) {
		if pr.Delta != "" {
			deltas = append(deltas, pr.Delta)
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || CodeOf(err) != CodeCancelled {
		t.Fatalf("err %v, want cancelled", err)
	}
	if len(deltas) != 1 || res.Text != deltas[0] || res.Text == "" {
		t.Errorf("partial text %q, deltas %q", res.Text, deltas)
	}
}

func TestBuiltinCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p, _ := model.FindPreset(model.BuiltinPresets(), "synthese-courte")
	res, err := NewBuiltin().Generate(ctx, request("Une phrase. Une autre.", model.French, p), nil)
	if CodeOf(err) != CodeCancelled || res.Text != "" {
		t.Errorf("got %q, %v", res.Text, err)
	}
}

func BenchmarkBuiltin(b *testing.B) {
	f := fixtures(b)[0]
	var body strings.Builder
	for analysis.WordCount(body.String()) < 10_000 {
		body.WriteString(f.body)
		body.WriteString("\n\n")
	}
	for _, p := range model.BuiltinEnginePresets() {
		b.Run(p.ID, func(b *testing.B) {
			req := request(body.String(), model.French, p)
			for b.Loop() {
				if _, err := NewBuiltin().Generate(context.Background(), req, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
