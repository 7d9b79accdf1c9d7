package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestBuiltinPresets(t *testing.T) {
	ps := BuiltinPresets()
	if len(ps) < 6 {
		t.Fatalf("got %d built-in presets, want at least 6", len(ps))
	}
	seen := map[string]bool{}
	for _, p := range ps {
		t.Run(p.ID, func(t *testing.T) {
			if err := p.Validate(); err != nil {
				t.Fatalf("invalid: %v", err)
			}
			if seen[p.ID] {
				t.Fatalf("duplicate id")
			}
			seen[p.ID] = true
			if p.Version < 1 {
				t.Errorf("version %d, want ≥ 1", p.Version)
			}
			for _, lang := range []Language{French, English} {
				for field, l := range map[string]Localized{"name": p.Name, "description": p.Description, "instructions": p.Instructions} {
					if strings.TrimSpace(l[lang]) == "" {
						t.Errorf("%s missing in %s", field, lang)
					}
				}
			}
			if strings.Contains(strings.ToUpper(p.Name.In(French)+p.Instructions.In(French)), "FALC") {
				t.Errorf("mentions FALC, which needs a certification this tool does not give")
			}
		})
	}
}

func TestBuiltinPresetsExpected(t *testing.T) {
	tests := []struct {
		id     string
		method Method
		ratio  float64
	}{
		{"synthese-courte", MethodSynthesis, 0.2},
		{"points-cles", MethodKeyPoints, 0.25},
		{"decisions-actions", MethodDecisions, 0},
		{"compte-rendu-detaille", MethodNone, 0},
		{"version-simplifiee", MethodNone, 0},
		{"lettre-information", MethodNone, 0},
		{"fil-reseaux-sociaux", MethodNone, 0},
		{"critique", MethodNone, 0},
		{"reviser", MethodNone, 0},
		{"ameliorer-consigne", MethodNone, 0},
	}
	ps := BuiltinPresets()
	index := map[string]int{}
	for i, p := range ps {
		index[p.ID] = i
	}
	last := -1
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			p, ok := FindPreset(ps, tc.id)
			if !ok {
				t.Fatal("missing")
			}
			if index[tc.id] < last {
				t.Errorf("at position %d, want it after the presets listed before it", index[tc.id])
			}
			last = index[tc.id]
			if p.Method != tc.method || p.TargetRatio != tc.ratio {
				t.Errorf("method %q ratio %g, want %q %g", p.Method, p.TargetRatio, tc.method, tc.ratio)
			}
		})
	}
}

func TestBuiltinEnginePresets(t *testing.T) {
	got := BuiltinEnginePresets()
	if len(got) != 3 {
		t.Fatalf("got %d engine presets, want 3", len(got))
	}
	for _, p := range got {
		if p.Method == MethodNone {
			t.Errorf("%s has no method", p.ID)
		}
	}
}

func TestBuiltinPresetsIsACopy(t *testing.T) {
	a := BuiltinPresets()
	a[0].ID = "changed"
	if BuiltinPresets()[0].ID == "changed" {
		t.Error("BuiltinPresets returned the shared slice")
	}
}

// TestBuiltinPresetsAnnotated checks, in both languages, that the opening line and every
// "- " line of each built-in preset's instructions has a note, and that every note explains
// some line.
func TestBuiltinPresetsAnnotated(t *testing.T) {
	for _, p := range BuiltinPresets() {
		for _, lang := range []Language{French, English} {
			t.Run(p.ID+"/"+string(lang), func(t *testing.T) {
				lines := p.Annotated(lang)
				if len(lines) == 0 || lines[0].Why == "" {
					t.Errorf("the opening line has no note")
				}
				annotated := 0
				for _, l := range lines {
					if l.Why != "" {
						annotated++
					}
					if strings.HasPrefix(strings.TrimSpace(l.Text), "- ") && l.Why == "" {
						t.Errorf("no note for %q", l.Text)
					}
				}
				notes := p.Notes[lang]
				for _, n := range notes {
					if strings.TrimSpace(n.Why) == "" {
						t.Errorf("note %q explains nothing", n.Rule)
					}
					explains := func(l AnnotatedLine) bool {
						return l.Why == n.Why && strings.HasPrefix(strings.TrimSpace(l.Text), strings.TrimSpace(n.Rule))
					}
					if !slices.ContainsFunc(lines, explains) {
						t.Errorf("note %q matches no line", n.Rule)
					}
				}
				if annotated != len(notes) {
					t.Errorf("%d notes but %d annotated lines: a note matches no line, or two notes give the same explanation", len(notes), annotated)
				}
			})
		}
	}
}

// TestBuiltinPresetsFrenchTypography checks the French names, descriptions, instructions and
// notes of the built-in presets follow French typography.
func TestBuiltinPresetsFrenchTypography(t *testing.T) {
	for _, p := range BuiltinPresets() {
		texts := map[string]string{"name": p.Name[French], "description": p.Description[French], "instructions": p.Instructions[French]}
		for i, n := range p.Notes[French] {
			texts[fmt.Sprintf("note %d", i+1)] = n.Rule + "\n" + n.Why
		}
		for field, text := range texts {
			for _, problem := range frenchTypographyProblems(text) {
				t.Errorf("%s, %s: %s", p.ID, field, problem)
			}
		}
	}
}

func TestFrenchTypographyProblems(t *testing.T) {
	tests := []struct {
		text string
		bad  bool
	}{
		{"Règles\u00a0:", false},
		{"Règles\u202f; puis\u00a0!\u00a0?", false},
		{"«\u00a0citation\u00a0»", false},
		{"l’avis des habitant·es", false},
		{"voir http://exemple.fr/page?id=3", false},
		{"{{titre}} et {{date}}", false},
		{"Vraiment\u00a0?!", false},
		{"Règles :", true},
		{"Règles:", true},
		{"fin ;", true},
		{"« citation\u00a0»", true},
		{"«\u00a0citation »", true},
		{"l'avis", true},
		{"?", true},
	}
	for _, tc := range tests {
		if got := frenchTypographyProblems(tc.text); (len(got) > 0) != tc.bad {
			t.Errorf("%q: got %q, want problems: %v", tc.text, got, tc.bad)
		}
	}
}

// frenchTypographyProblems lists where text breaks French typography: « : ; ! ? » not
// preceded by a no-break space (U+00A0 or U+202F), « not followed by one, and the ASCII
// apostrophe instead of ’. A mark right after ! or ? ("?!") needs no space of its own; a
// colon or a mark glued to the next character, as in "http://" or "?id=", is not
// punctuation and is left alone.
func frenchTypographyProblems(text string) []string {
	noBreak := func(r rune) bool { return r == '\u00a0' || r == '\u202f' }
	var problems []string
	report := func(i int, what string) {
		start := max(0, i-20)
		for start > 0 && !utf8.RuneStart(text[start]) {
			start--
		}
		end := min(len(text), i+10)
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		problems = append(problems, fmt.Sprintf("%s in %q", what, text[start:end]))
	}
	prev := rune(-1)
	for i, r := range text {
		next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
		if what := typographyProblem(prev, r, next, noBreak); what != "" {
			report(i, what)
		}
		prev = r
	}
	return problems
}

// typographyProblem says what is wrong with r between prev and next, or "".
func typographyProblem(prev, r, next rune, noBreak func(rune) bool) string {
	switch r {
	case '\'':
		return "ASCII apostrophe, use ’"
	case '«':
		if !noBreak(next) {
			return "no no-break space after «"
		}
	case '»', ':', ';', '!', '?':
		glued := r != '»' && (unicode.IsLetter(next) || unicode.IsDigit(next) || next == '/' || next == '=')
		if !glued && !noBreak(prev) && !(r != '»' && (prev == '!' || prev == '?')) {
			return "no no-break space before " + string(r)
		}
	}
	return ""
}

// TestImproveInstructionsHeadings checks the prompt coach's instructions show the two heading
// lines the app splits its answer at, in order, and hold no variable, which the app would fill
// with the details of the preset under review.
func TestImproveInstructionsHeadings(t *testing.T) {
	p, ok := FindPreset(BuiltinPresets(), "ameliorer-consigne")
	if !ok {
		t.Fatal("missing")
	}
	for lang, headings := range map[Language][2]string{
		French:  {"## Remarques", "## Consigne révisée"},
		English: {"## Remarks", "## Revised instructions"},
	} {
		lines := strings.Split(p.Instructions[lang], "\n")
		first, second := slices.Index(lines, headings[0]), slices.Index(lines, headings[1])
		if first < 0 || second < first {
			t.Errorf("%s: want the lines %q then %q, found them at %d and %d", lang, headings[0], headings[1], first, second)
		}
		for _, v := range Variables {
			if strings.Contains(p.Instructions[lang], v) {
				t.Errorf("%s: holds the variable %s", lang, v)
			}
		}
	}
}
