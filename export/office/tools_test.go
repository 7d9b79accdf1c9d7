package office

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// needTool skips the test when a program is not installed, and fails it when the CI
// environment variable is set: CI installs LibreOffice, pandoc and poppler (make test-deps),
// so there a missing one is a fault.
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not in PATH, and CI is set (make test installs %s)", name, pkg)
		}
		t.Skipf("%s not in PATH: install %s to run this test", name, pkg)
	}
	return path
}

// runTool runs a program with a time limit and returns its standard output.
func runTool(t *testing.T, limit time.Duration, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// writeFile writes data at dir/name and returns the path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// pandocFeatures is what both of pandoc's readers, Word's and OpenDocument's, read back.
const pandocFeatures = "## Contexte\n\nTexte **gras**, *italique*, ***les deux*** et ~~barré~~, un " +
	"[lien vers le dossier](https://tanneurs.example.org/dossier) et <https://tanneurs.example.org/suivi>.\n\n" +
	"1. premier\n2. second\n    - sous-puce\n        1. tout au fond\n    - autre\n3. troisième\n\n" +
	"### Fin\n\nDernier paragraphe,  \navec un retour à la ligne.\n"

// pandocWordFeatures is what pandoc's Word reader reads back too: quotes, tables with their
// header, code, and a numbered list that starts at 5.
const pandocWordFeatures = "> Une citation\n> sur deux lignes.\n\n| Proposition | Votes |\n| --- | --- |\n| Double-sens | 24 |\n" +
	"| Arceaux | **19** |\n\n```\nHoraires : 18 h 30\nSalle    : maison de quartier\n```\n\n5. Prochaine étape\n6. Envoi du `compte-rendu`\n"

// TestPandocReadsBack: pandoc, another program than the word processors and Rapporteur,
// reads both formats back to the same document as the Markdown they were written from.
func TestPandocReadsBack(t *testing.T) {
	pandoc := needTool(t, "pandoc", "pandoc")
	dir := t.TempDir()
	for _, c := range []struct {
		f  Format
		md string
	}{{DOCX, pandocFeatures + "\n" + pandocWordFeatures}, {ODT, pandocFeatures}} {
		path := writeFile(t, dir, "doc"+c.f.Extension(), render(t, c.f, bodyOnly(c.md)))
		got := runTool(t, time.Minute, pandoc, "-f", string(c.f), "-t", "gfm", "--wrap=none", path)
		// pandoc reads Word's title as metadata and OpenDocument's as a paragraph
		got = strings.TrimPrefix(strings.TrimSpace(got), "Compte-rendu\n\n")
		if g, w := withoutParagraphs(html(t, got)), withoutParagraphs(html(t, c.md)); g != w {
			t.Errorf("%s: pandoc reads another document back:\n%s\ngot:  %s\nwant: %s", c.f, got, g, w)
		}
	}
}

// aroundTags is the white space around HTML tags.
var aroundTags = regexp.MustCompile(`\s*(<[^>]+>)\s*`)

// withoutParagraphs removes the paragraph tags of HTML and the spaces around tags: pandoc's
// lists are loose, goldmark's tight, which wraps the items' text in paragraphs or not.
func withoutParagraphs(h string) string {
	h = strings.NewReplacer("<p>", " ", "</p>", " ").Replace(h)
	return aroundTags.ReplaceAllString(h, "$1")
}
