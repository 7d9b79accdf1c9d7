package analysis

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// The corpus in testdata/corpus holds fictional session reports (sources) and variants written
// with planted changes; each pair's JSON file lists them:
//
//   - introduced: facts the variant invents or alters (text as written in the variant), which
//     must be reported as introduced;
//   - lost: facts of the source the variant drops or alters (text as written in the source),
//     which must be reported as lost;
//   - equal: values the variant writes differently but equally ("text" in the variant, "source"
//     in the source), which must be kept, and neither introduced nor lost: a false alarm
//     otherwise.

type plantedFact struct {
	Kind   FactKind `json:"kind"`
	Text   string   `json:"text"`
	Source string   `json:"source"`
}

type corpusPair struct {
	Lang       model.Language `json:"lang"`
	Source     string         `json:"source"`
	Variant    string         `json:"variant"`
	Introduced []plantedFact  `json:"introduced"`
	Lost       []plantedFact  `json:"lost"`
	Equal      []plantedFact  `json:"equal"`
}

// corpusScore counts the outcome of the planted changes.
type corpusScore struct {
	planted, found    int // introduced and lost changes
	equal, alarms     int // reformatted equal values, and false alarms on them
	notKept, unplaned int
}

func loadCorpus(t *testing.T) map[string]corpusPair {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	pairs := map[string]corpusPair{}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var pair corpusPair
		if err := json.Unmarshal(data, &pair); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pairs[name] = pair
	}
	return pairs
}

func readCorpusFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// findFact returns the index of a fact of facts of the kind ("" for any) that overlaps an
// occurrence of text in in, or -1.
func findFact(facts []Fact, kind FactKind, in, text string) int {
	for k, f := range facts {
		if kind != "" && f.Kind != kind {
			continue
		}
		for at := 0; ; {
			j := strings.Index(in[at:], text)
			if j < 0 {
				break
			}
			if s := at + j; f.Start < s+len(text) && s < f.End {
				return k
			}
			at += j + 1
		}
	}
	return -1
}

// keptAt reports whether the variant's fact of the kind at an occurrence of text is kept: Kept
// lists each fact once, at its first occurrence.
func keptAt(kept, variantFacts []Fact, kind FactKind, in, text string) bool {
	k := findFact(variantFacts, kind, in, text)
	if k < 0 {
		return false
	}
	for _, f := range kept {
		if f.Kind == variantFacts[k].Kind && f.Norm == variantFacts[k].Norm {
			return true
		}
	}
	return false
}

func scorePair(t *testing.T, name string, pair corpusPair) corpusScore {
	source, variant := readCorpusFile(t, pair.Source), readCorpusFile(t, pair.Variant)
	fc := CompareFacts(source, variant, pair.Lang)
	var sc corpusScore
	claimed := make([]bool, len(fc.Introduced))
	for _, pf := range pair.Introduced {
		sc.planted++
		if k := findFact(fc.Introduced, pf.Kind, variant, pf.Text); k >= 0 {
			sc.found++
			claimed[k] = true
		} else {
			t.Logf("%s: missed introduced %s %q", name, pf.Kind, pf.Text)
		}
	}
	for _, pf := range pair.Lost {
		sc.planted++
		if findFact(fc.Lost, pf.Kind, source, pf.Text) >= 0 {
			sc.found++
		} else {
			t.Logf("%s: missed lost %s %q", name, pf.Kind, pf.Text)
		}
	}
	for _, pf := range pair.Equal {
		sc.equal++
		if k := findFact(fc.Introduced, "", variant, pf.Text); k >= 0 {
			sc.alarms++
			claimed[k] = true
			t.Logf("%s: false alarm, %q reported introduced as %+v", name, pf.Text, fc.Introduced[k])
		} else if k := findFact(fc.Lost, "", source, pf.Source); k >= 0 {
			sc.alarms++
			t.Logf("%s: false alarm, %q reported lost as %+v", name, pf.Source, fc.Lost[k])
		}
		if !keptAt(fc.Kept, Facts(variant, pair.Lang), pf.Kind, variant, pf.Text) {
			sc.notKept++
			t.Logf("%s: %s %q not recognised as kept", name, pf.Kind, pf.Text)
		}
	}
	for k, f := range fc.Introduced {
		if !claimed[k] {
			sc.unplaned++
			t.Logf("%s: unplanned introduced %s %q", name, f.Kind, f.Text)
		}
	}
	return sc
}

func TestCorpusRecall(t *testing.T) {
	var total corpusScore
	pairs := loadCorpus(t)
	for name, pair := range pairs {
		sc := scorePair(t, filepath.Base(name), pair)
		total.planted += sc.planted
		total.found += sc.found
		total.equal += sc.equal
		total.alarms += sc.alarms
		total.notKept += sc.notKept
		total.unplaned += sc.unplaned
	}
	recall := float64(total.found) / float64(total.planted)
	t.Logf("corpus: %d pairs; recall of planted changes %d/%d = %.1f %%; false alarms on %d reformatted equal values: %d (%d not recognised as kept); unplanned introduced facts: %d",
		len(pairs), total.found, total.planted, 100*recall, total.equal, total.alarms, total.notKept, total.unplaned)
	if total.planted < 60 || total.equal < 30 {
		t.Errorf("corpus too small: %d planted changes, %d reformattings", total.planted, total.equal)
	}
	if recall < 0.95 {
		t.Errorf("recall %.1f %% < 95 %%", 100*recall)
	}
	if total.alarms > 0 || total.notKept > 0 {
		t.Errorf("%d false alarms and %d equal values not kept, want 0", total.alarms, total.notKept)
	}
	// Every fact a variant changes is planted in its pair's file: a fact reported introduced
	// that no pair plants is a false alarm on text the variant took from the source.
	if total.unplaned > 0 {
		t.Errorf("%d unplanned introduced facts (listed above), want 0: plant them if the variant does change them", total.unplaned)
	}
}
