package analysis

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// The planted pairs of testdata/support: fictional session reports (NN-name.md, French and
// English) and, for each, sentences a summary might hold (NN-name.pairs): « I: » invented
// sentences without figures or names, « P: » faithful paraphrases (synonyms, reordered clauses,
// voice changes, merged sentences). The .pairs files were written before the scoring was
// calibrated on them; the .heldout files after the first calibration (see TestSupportPlantedPairs
// for what was tuned on them since).

type plantedPair struct {
	report, sentence string
	invented         bool
}

func readPairs(t *testing.T, pattern string) (map[string]string, []plantedPair) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "support", pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no pairs %s: %v", pattern, err)
	}
	reports := map[string]string{}
	var pairs []plantedPair
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		if _, ok := reports[name]; !ok {
			data, err := os.ReadFile(filepath.Join("testdata", "support", name+".md"))
			if err != nil {
				t.Fatal(err)
			}
			reports[name] = string(data)
		}
		file, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(file)
		for sc.Scan() {
			kind, text, ok := strings.Cut(sc.Text(), ": ")
			if ok && (kind == "I" || kind == "P") {
				pairs = append(pairs, plantedPair{report: name, sentence: text, invented: kind == "I"})
			}
		}
		file.Close()
	}
	return reports, pairs
}

// flagRates returns the share of invented sentences flagged and of paraphrases flagged, and
// their counts; a pair is flagged when any of its sentences is.
func flagRates(t *testing.T, pattern string) (inventedFlagged, paraphraseFlagged float64, nInvented, nParaphrase int) {
	reports, pairs := readPairs(t, pattern)
	indexes := map[string]*supportIndex{}
	var flaggedI, flaggedP int
	for _, p := range pairs {
		ix, ok := indexes[p.report]
		if !ok {
			ix = newSupportIndex(reports[p.report], model.GuessLanguage(reports[p.report], model.French))
			indexes[p.report] = ix
		}
		flagged := false
		for _, s := range ix.sentences(p.sentence) {
			flagged = flagged || s.Unsupported
			if testing.Verbose() {
				t.Logf("%s I=%v %.2f %v %q", p.report, p.invented, s.Support, s.Unsupported, s.Text)
			}
		}
		switch {
		case p.invented:
			nInvented++
			if flagged {
				flaggedI++
			}
		default:
			nParaphrase++
			if flagged {
				flaggedP++
			}
		}
	}
	return float64(flaggedI) / float64(nInvented), float64(flaggedP) / float64(nParaphrase), nInvented, nParaphrase
}

// TestSupportPlantedPairs measures sentence support on the planted pairs: at least 85 % of
// invented sentences flagged, at most 10 % of faithful paraphrases. The .heldout pairs were
// written after the first calibration and met only 24 % then; the synonym tables, the stemming
// of derived forms and the cues of contradiction (synonyms.go, support_cues.go) were then
// written looking at both sets, so neither is held out any more (go test -v -run
// TestSupportPlantedPairs logs the figures).
//
// The .blind pairs were written by someone who had not seen the scorer, and measured once: 27
// of 40 invented sentences flagged (67.5 %), 16 of 71 paraphrases (22.5 %). They have been a
// development set since: their failures were studied to add the stemming of derived nouns, more
// general near-synonyms, the clauses of merged sentences (support_clauses.go), the words of
// claim (support_claims.go), the nearness of a second source sentence and the factor on an
// uncovered claim (claimFactor, chosen on them); so their figures (38 of 40, 7 of 71) are not
// out of sample either.
//
// The .blind2 pairs were written blind by another person while that work was done, and opened
// only after it was committed: measured once, with no change after, 45 of 50 invented sentences
// flagged (90 %) and 7 of 70 paraphrases (10 %, at the limit), so their subtest enforces the
// goals.
func TestSupportPlantedPairs(t *testing.T) {
	for _, set := range []struct {
		name, pattern        string
		minInvented, maxPara float64
	}{
		{"calibration", "*.pairs", 0.85, 0.10},
		{"held-out", "*.heldout", 0.85, 0.10},
		{"blind (development)", "*.blind", 0.85, 0.10},
		{"blind2", "*.blind2", 0.85, 0.10},
	} {
		t.Run(set.name, func(t *testing.T) {
			inv, par, ni, np := flagRates(t, set.pattern)
			if ni < 20 || np < 20 {
				t.Fatalf("%d invented sentences and %d paraphrases, want at least 20 of each", ni, np)
			}
			t.Logf("%s: %.1f %% of %d invented sentences flagged, %.1f %% of %d paraphrases flagged", set.name, inv*100, ni, par*100, np)
			if inv < set.minInvented {
				t.Errorf("%.1f %% of invented sentences flagged, want ≥ %.1f %%", inv*100, set.minInvented*100)
			}
			if par > set.maxPara {
				t.Errorf("%.1f %% of paraphrases flagged, want ≤ %.1f %%", par*100, set.maxPara*100)
			}
		})
	}
}

// TestSupportReorderedCopies gives each report's sentences in another order, as an extractive
// summary might: every sentence is supported by the one it copies.
func TestSupportReorderedCopies(t *testing.T) {
	reports, _ := readPairs(t, "*.pairs")
	for name, src := range reports {
		lang := model.GuessLanguage(src, model.French)
		ix := newSupportIndex(src, lang)
		sents := Sentences(src, lang)
		var b strings.Builder
		for i := len(sents) - 1; i >= 0; i -= 2 { // odd ones from the end, then even ones
			b.WriteString(sents[i].Text + "\n\n")
		}
		for i := len(sents) - 2; i >= 0; i -= 2 {
			b.WriteString(sents[i].Text + "\n\n")
		}
		got := ix.sentences(b.String())
		if len(got) != len(sents) {
			t.Errorf("%s: %d sentences scored, want %d", name, len(got), len(sents))
		}
		for _, s := range got {
			if s.Unsupported || s.Support < 1 || len(s.Source) == 0 || strings.TrimRight(src[s.Source[0].Start:s.Source[0].End], ".") != strings.TrimRight(s.Text, ".") {
				t.Errorf("%s: copied sentence %q: support %.2f, unsupported %v, source %v", name, s.Text, s.Support, s.Unsupported, s.Source)
			}
		}
	}
}
