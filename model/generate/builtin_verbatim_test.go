package generate

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// This file checks "never invents" without the analysis package: assertNoInvention compares
// sentences with analysis.Sentences and analysis.Plain, the very functions the engine uses to
// choose what to copy, so a fault shared by both would go unseen. Here the source and each
// output line are flattened by a few lines of their own (Markdown markers dropped, white space
// collapsed), and every output line must be made of runs copied from the flattened source,
// runs that may only break after the end of a sentence (a summary joins sentences).

var (
	mdLink       = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	lineMarker   = regexp.MustCompile(`^(#+\s+|>\s?|[-*+]\s+|\d+[.)]\s+)`)
	ruleLine     = regexp.MustCompile(`^[-*_\s]{3,}$`)
	inlineMarker = strings.NewReplacer("**", "", "__", "", "*", "", "`", "", "|", " ")
)

// flattenLine drops the Markdown of one line: links keep their text, list, heading and quote
// markers go (repeatedly: "> - 1. "), emphasis, code and table marks go, spaces are collapsed.
func flattenLine(l string) string {
	l = strings.TrimSpace(l)
	if ruleLine.MatchString(l) || strings.HasPrefix(l, "```") {
		return ""
	}
	for {
		m := lineMarker.FindString(l)
		if m == "" {
			break
		}
		l = strings.TrimSpace(l[len(m):])
	}
	l = mdLink.ReplaceAllString(l, "$1")
	l = inlineMarker.Replace(l)
	return strings.Join(strings.FieldsFunc(l, unicode.IsSpace), " ")
}

// flatten is the source as one line of text.
func flatten(src string) string {
	var parts []string
	for l := range strings.SplitSeq(src, "\n") {
		if f := flattenLine(l); f != "" {
			parts = append(parts, f)
		}
	}
	return strings.Join(parts, " ")
}

// breaks are the positions in line where a copied run may end: after a sentence's final
// punctuation (and closing quotes) followed by a space, and the end of the line; descending.
func breaks(line string) []int {
	out := []int{len(line)}
	for i := len(line) - 1; i > 0; i-- {
		if line[i] == ' ' && strings.ContainsAny(line[:i][len(strings.TrimRight(line[:i], ".!?…»\")")):], ".!?…") {
			out = append(out, i)
		}
	}
	return out
}

// copiedRuns reports whether line is a series of runs of src separated by single spaces, each
// run ending at a sentence end; it returns the first part that is not in src.
func copiedRuns(src, line string) (string, bool) {
	start := 0
	for start < len(line) {
		next := -1
		for _, b := range breaks(line) {
			if b > start && strings.Contains(src, line[start:b]) {
				next = b
				break
			}
		}
		if next < 0 {
			return line[start:], false
		}
		start = next + 1 // the space between two runs
	}
	return "", true
}

// assertCopied fails if a line of out, flattened, is not copied from the flattened source.
// The decisions method's fixed headings are structure, not text.
func assertCopied(t *testing.T, src, out string) {
	t.Helper()
	flat := flatten(src)
	labels := map[string]bool{}
	for _, l := range decisionLabels {
		labels[l[0]], labels[l[1]] = true, true
	}
	for l := range strings.SplitSeq(out, "\n") {
		line := flattenLine(l)
		if line == "" || (strings.HasPrefix(strings.TrimSpace(l), "#") && labels[line]) {
			continue
		}
		if part, ok := copiedRuns(flat, line); !ok {
			t.Errorf("output line %q is not copied from the source: %q is not in it", l, part)
		}
	}
}

// TestCopiedRuns checks the checker: a copied line passes, a line with a changed word or
// two sentences glued in the middle of one does not.
func TestCopiedRuns(t *testing.T) {
	src := flatten("# Atelier\n\n**Décision :** le marché reste le samedi. Il a été décidé de planter 20 arbres.\n\n- Une [fontaine](https://x.fr) neuve.")
	for line, want := range map[string]bool{
		"Décision : le marché reste le samedi.":                                       true,
		"Il a été décidé de planter 20 arbres. Décision : le marché reste le samedi.": true,
		"Une fontaine neuve.":                     true,
		"Il a été décidé de planter 30 arbres.":   false,
		"Décision : le marché reste le dimanche.": false,
		"le marché reste Il a été décidé":         false,
		"Le marché reste le samedi.":              false,
	} {
		if _, got := copiedRuns(src, flattenLine(line)); got != want {
			t.Errorf("copiedRuns(%q) = %v, want %v", line, got, want)
		}
	}
}
