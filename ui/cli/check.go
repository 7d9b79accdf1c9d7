package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
	"github.com/rapporteur/rapporteur/model/imports"
	"github.com/rapporteur/rapporteur/ui/i18n"
)

// CheckDocument is the JSON that rapporteur check writes.
type CheckDocument struct {
	// Source is the analysed source.
	Source CheckedSource `json:"source"`
	// Variants are the analysed variants, in the order given.
	Variants []CheckedVariant `json:"variants"`
	// Generator names the application and its version.
	Generator string `json:"generator"`
	// Created is when the document was written.
	Created time.Time `json:"created"`
}

// CheckedSource is the source file and what was measured on it.
type CheckedSource struct {
	Path     string                  `json:"path"`
	Language model.Language          `json:"language"`
	Analysis analysis.SourceAnalysis `json:"analysis"`
}

// CheckedVariant is one variant file and its analysis against the source.
type CheckedVariant struct {
	Path     string                   `json:"path"`
	Analysis analysis.VariantAnalysis `json:"analysis"`
}

// runCheck analyses variant files against a source: facts kept, lost and introduced, metrics.
func runCheck(e *env, args []string) int {
	fs := newFlags(e, "check")
	source := fs.String("source", "", lang.L("the source report (.md or .txt)"))
	out := fs.String("json", "", lang.L("write the analysis as JSON to this file"))
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if *source == "" || len(files) == 0 {
		fmt.Fprintln(e.stderr, lang.L("Usage: rapporteur check --source SOURCE.md VARIANT.md… [--json OUT.json]"))
		return exitUsage
	}
	src, err := i18n.ReadReport(*source) // its language, as import and compare find it
	if err != nil {
		fmt.Fprintln(e.stderr, errorText(err))
		return exitFailed
	}
	variants := make([]imports.Imported, len(files))
	for i, path := range files {
		if variants[i], err = imports.ReadFile(path); err != nil {
			fmt.Fprintln(e.stderr, errorText(err))
			return exitFailed
		}
	}
	if status := checkOutputs(e, output{"--json", *out}); status != exitOK {
		return status
	}
	lg := src.Language
	doc := CheckDocument{Source: CheckedSource{Path: *source, Language: lg, Analysis: analysis.AnalyzeSource(src.Body, lg)},
		Generator: "Rapporteur " + e.version, Created: time.Now().UTC()}
	for i, v := range variants {
		cv := CheckedVariant{Path: files[i], Analysis: analysis.AnalyzeVariant(doc.Source.Analysis, v.Body)}
		doc.Variants = append(doc.Variants, cv)
		printCheck(e.stdout, cv, lg)
	}
	if *out != "" && !saved(e, *out, writeJSON(*out, doc)) {
		return exitFailed
	}
	return exitOK
}

// printCheck writes one variant's facts and metrics for a reader.
func printCheck(w io.Writer, cv CheckedVariant, lg model.Language) {
	a := cv.Analysis
	m := a.Metrics
	fmt.Fprintf(w, "== %s\n", model.CleanName(filepath.Base(cv.Path)))
	readability := fmt.Sprintf("Kandel–Moles %.0f", m.KandelMoles)
	if lg == model.English {
		readability = fmt.Sprintf("Flesch %.0f", m.Flesch)
	}
	fmt.Fprintln(w, lang.L("Words: {{.Words}} ({{.Ratio}} % of the source) · sentences: {{.Sentences}} ({{.Mean}} words on average) · reading: {{.Time}} · {{.Readability}} · LIX {{.LIX}}", map[string]any{
		"Words": m.Words, "Ratio": fmt.Sprintf("%.0f", a.Compression*100), "Sentences": m.Sentences,
		"Mean": fmt.Sprintf("%.1f", m.MeanSentenceLength), "Time": analysis.ReadingTime(m.ReadingMinutes),
		"Readability": readability, "LIX": fmt.Sprintf("%.0f", m.LIX),
	}))
	printFacts(w, lang.L("Facts kept"), a.Facts.Kept)
	printFacts(w, lang.L("Facts lost"), a.Facts.Lost)
	printFacts(w, lang.L("Facts introduced (not in the source: check them)"), a.Facts.Introduced)
	printUnsupported(w, a.Sentences)
	fmt.Fprintln(w)
}

// shownUnsupported is how many unsupported sentences the printed summary quotes, and
// quotedRunes how long each quote may be.
const (
	shownUnsupported = 3
	quotedRunes      = 90
)

// printUnsupported writes how many sentences the source does not support, quoting the first.
func printUnsupported(w io.Writer, sentences []analysis.SentenceSupport) {
	var quotes []string
	count := 0
	for _, s := range sentences {
		if !s.Unsupported {
			continue
		}
		count++
		if len(quotes) < shownUnsupported {
			quotes = append(quotes, lang.L("“{{.Sentence}}”", map[string]any{"Sentence": shortened(model.CleanName(s.Text), quotedRunes)}))
		}
	}
	if count == 0 {
		fmt.Fprintln(w, lang.L("Sentences without support in the source: none"))
		return
	}
	list := strings.Join(quotes, " · ")
	if count > len(quotes) {
		list += " · …"
	}
	fmt.Fprintln(w, lang.L("Sentences without support in the source ({{.Count}}): {{.List}}", map[string]any{"Count": count, "List": list}))
}

// shortened cuts s to at most n characters, marking the cut with an ellipsis.
func shortened(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimRight(string(r[:n-1]), " ,;:") + "…"
}

// printFacts writes a list of facts and its length; a fact listed once that the text states
// several times (kept and lost facts) gets « (×N) ».
func printFacts(w io.Writer, title string, facts []analysis.Fact) {
	texts := make([]string, len(facts))
	for i, f := range facts {
		texts[i] = model.CleanName(f.Text)
		if f.Count > 1 {
			texts[i] += fmt.Sprintf(" (×%d)", f.Count)
		}
	}
	fmt.Fprintf(w, "%s (%d): %s\n", title, len(facts), strings.Join(texts, " · "))
}

// parseInterleaved parses flags that may come after the file arguments, as in
// « check --source S.md V1.md V2.md --json out.json », and returns the files.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return files, nil
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
