package imports

import (
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/rapporteur/rapporteur/model"
)

// maxControlShare is the share of control characters above which a text is taken for binary
// data: one in a hundred characters. Real reports hold none; a few strays are removed.
const maxControlShare = 100

var lineEndings = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// normalize returns s without a byte order mark, with \n line endings, in NFC, without
// trailing white space at the end.
func normalize(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = lineEndings.Replace(s)
	s = norm.NFC.String(s)
	return strings.TrimRight(s, " \t\n")
}

// checkText refuses a body that is empty, binary or too long for a report.
func checkText(name, body string) error {
	if strings.TrimSpace(strings.ReplaceAll(body, "\ufeff", "")) == "" {
		return fail(name, CodeEmpty, nil)
	}
	runes, controls := 0, 0
	for _, r := range body {
		runes++
		if r == 0 {
			return fail(name, CodeBinary, nil)
		}
		if isControl(r) {
			controls++
		}
	}
	if controls*maxControlShare > runes {
		return fail(name, CodeBinary, nil)
	}
	if runes > model.MaxBodyLen {
		return &Error{Code: CodeTooLarge, Name: name, Limit: model.MaxBodyLen, Unit: UnitCharacters}
	}
	return nil
}

// isControl reports whether r is a C0 or C1 control character other than tab and new line.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r <= 0x9f)
}

// dropControls removes the few stray control characters checkText let through.
func dropControls(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

// headingTitle returns the text of the first level-one Markdown heading in body, ATX ("# Titre")
// or Setext ("Titre" over "====="), outside fenced code blocks; "" when there is none.
func headingTitle(body string) string {
	lines := strings.Split(body, "\n")
	fenced := false
	for i, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		if len(line)-len(trimmed) > 3 {
			continue // indented code
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		if t, ok := atxHeading(trimmed); ok && t != "" {
			return clip(t)
		}
		if i+1 < len(lines) && isSetextRule(lines[i+1]) && strings.TrimSpace(line) != "" {
			return clip(strings.TrimSpace(line))
		}
	}
	return ""
}

// atxHeading parses "# Titre #" and reports whether line is a level-one heading.
func atxHeading(line string) (string, bool) {
	if line == "#" {
		return "", true
	}
	rest, ok := strings.CutPrefix(line, "#")
	if !ok || (rest[0] != ' ' && rest[0] != '\t') {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	// An optional closing sequence of #, preceded by a space.
	if closed := strings.TrimRight(rest, "#"); closed != rest {
		if closed == "" {
			return "", true
		}
		if strings.HasSuffix(closed, " ") || strings.HasSuffix(closed, "\t") {
			rest = strings.TrimSpace(closed)
		}
	}
	return rest, true
}

func isSetextRule(line string) bool {
	t := strings.TrimSpace(line)
	return t != "" && strings.Trim(t, "=") == "" && len(line)-len(strings.TrimLeft(line, " ")) <= 3
}

// nameTitle makes a title from a file name: no directory, no extension, underscores and
// dashes read as spaces.
func nameTitle(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	base = strings.NewReplacer("_", " ", "-", " ").Replace(base)
	if !utf8.ValidString(base) {
		base = strings.ToValidUTF8(base, "")
	}
	return clip(strings.Join(strings.Fields(norm.NFC.String(base)), " "))
}

// clip shortens s to model.MaxTitleLen characters.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= model.MaxTitleLen {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:model.MaxTitleLen]))
}
