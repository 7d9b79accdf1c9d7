package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const supportSource = `# RÉUNION DU CONSEIL DE QUARTIER DES TILLEULS

Une trentaine d'habitant·es étaient présent·es dans la salle de la maison de quartier.
Les riverains se plaignent du bruit des livraisons tôt le matin devant la supérette.
Le conseil propose de planter des arbres le long de l'avenue et d'installer des bancs.

## Décisions
- Un courrier sera envoyé à la supérette au sujet des livraisons.
`

// writeSupportFiles writes the source and a variant with one invented sentence, and returns
// their paths and the path of the JSON to write.
func writeSupportFiles(t *testing.T) (string, string, string) {
	t.Helper()
	dir := t.TempDir()
	source, variant := filepath.Join(dir, "source.md"), filepath.Join(dir, "variante.md")
	text := "## Décisions\n\n" +
		"Le conseil souhaite installer des bancs et planter des arbres le long de l'avenue.\n\n" +
		"Les habitants ont massivement rejeté le projet de nouvelle école.\n\n" +
		"Les riverains se plaignent du bruit des livraisons tôt le matin devant la supérette.\n"
	for path, body := range map[string]string{source: supportSource, variant: text} {
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return source, variant, filepath.Join(dir, "check.json")
}

// TestCheckSentenceSupport checks the JSON of check: every sentence of the variant with its
// support, the invented one flagged, and the supporting passages as offsets that slice the
// source to the sentences they copy or paraphrase.
func TestCheckSentenceSupport(t *testing.T) {
	source, variant, js := writeSupportFiles(t)
	if code, _, stderr := run(t, "check", "--source", source, variant, "--json", js); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	var doc checkSentencesDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	got := doc.Variants[0].Analysis.Sentences
	want := []wantSentence{
		{"Décisions", "Décisions", false},
		{"Le conseil souhaite installer des bancs et planter des arbres le long de l'avenue.",
			"Le conseil propose de planter des arbres le long de l'avenue et d'installer des bancs.", false},
		{"Les habitants ont massivement rejeté le projet de nouvelle école.", "", true},
		{"Les riverains se plaignent du bruit des livraisons tôt le matin devant la supérette.",
			"Les riverains se plaignent du bruit des livraisons tôt le matin devant la supérette.", false},
	}
	if len(got) != len(want) {
		t.Fatalf("%d sentences, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		checkSentence(t, i, got[i], w)
	}
}

// checkSentencesDoc is the part of check's JSON that sentence support fills.
type checkSentencesDoc struct {
	Variants []struct {
		Analysis struct {
			Sentences []jsonSentence `json:"sentences"`
		} `json:"analysis"`
	} `json:"variants"`
}

type jsonSentence struct {
	Text        string  `json:"text"`
	Support     float64 `json:"support"`
	Unsupported bool    `json:"unsupported"`
	Source      []struct {
		Start int `json:"start"`
		End   int `json:"end"`
	} `json:"source"`
}

// wantSentence is a sentence of the variant, the source sentence that supports it ("" for
// none) and whether it is flagged.
type wantSentence struct {
	text, source string
	unsupported  bool
}

func checkSentence(t *testing.T, i int, g jsonSentence, w wantSentence) {
	t.Helper()
	if g.Text != w.text || g.Unsupported != w.unsupported {
		t.Errorf("sentence %d: %q unsupported %v, want %q unsupported %v", i, g.Text, g.Unsupported, w.text, w.unsupported)
	}
	if w.source == "" {
		if g.Support >= 0.5 {
			t.Errorf("invented sentence: support %.2f", g.Support)
		}
		return
	}
	if len(g.Source) == 0 || g.Source[0].Start < 0 || g.Source[0].End > len(supportSource) || g.Source[0].Start >= g.Source[0].End {
		t.Fatalf("sentence %d: source %+v", i, g.Source)
	}
	if s := supportSource[g.Source[0].Start:g.Source[0].End]; s != w.source {
		t.Errorf("sentence %d: source slices to %q, want %q", i, s, w.source)
	}
}

// TestCheckPrintsUnsupported checks the printed summary counts the unsupported sentences and
// quotes them, in English and in French.
func TestCheckPrintsUnsupported(t *testing.T) {
	source, variant, _ := writeSupportFiles(t)
	for _, tc := range []struct{ lang, want string }{
		{"en", "Sentences without support in the source (1): “Les habitants ont massivement rejeté le projet de nouvelle école.”\n"},
		{"fr", "Phrases sans appui dans la source (1)\u00a0: «\u00a0Les habitants ont massivement rejeté le projet de nouvelle école.\u00a0»\n"},
	} {
		t.Setenv("RAPPORTEUR_LANG", tc.lang)
		code, out, stderr := run(t, "check", "--source", source, variant)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.lang, code, stderr)
		}
		if !strings.Contains(out, tc.want) {
			t.Errorf("%s: output lacks %q:\n%s", tc.lang, tc.want, out)
		}
	}
	t.Setenv("RAPPORTEUR_LANG", "en")
	if _, out, _ := run(t, "check", "--source", source, source); !strings.Contains(out, "Sentences without support in the source: none\n") {
		t.Errorf("the source against itself:\n%s", out)
	}
}

func TestShortened(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"Une phrase courte.", 20, "Une phrase courte."},
		{"Une phrase, bien trop longue", 12, "Une phrase…"},
		{"Élu·es présent·es", 6, "Élu·e…"},
	} {
		if got := shortened(tc.in, tc.n); got != tc.want {
			t.Errorf("shortened(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
