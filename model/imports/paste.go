package imports

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pasted turns text pasted from a word processor, a web page or an e-mail into Markdown that
// keeps its paragraphs: \n line endings, NFC, no control characters, and bullets (•, ◦, ▪, ‣,
// –) turned into "- " items. A word processor puts each paragraph on one line with no blank
// line between them, which Markdown would join into one paragraph; so when the text has line
// breaks but no blank line, each line that is not a list item becomes its own paragraph.
// Text that already has blank lines (Markdown, plain text) keeps its layout.
func Pasted(text string) string {
	s := normalize(dropControls(lineEndings.Replace(strings.ToValidUTF8(text, "\uFFFD"))))
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = bulletToMarkdown(line)
	}
	if len(lines) < 2 || strings.Contains(s, "\n\n") {
		return strings.Join(lines, "\n")
	}
	var b strings.Builder
	for i, line := range lines {
		if i > 0 {
			b.WriteString("\n")
			if !(isListItem(line) && isListItem(lines[i-1])) {
				b.WriteString("\n")
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

// bullets are the list markers word processors put in plain text.
var bullets = []string{"•", "◦", "▪", "‣", "–", "·"}

// bulletToMarkdown turns a line starting with a typographic bullet into a Markdown item,
// keeping its indentation.
func bulletToMarkdown(line string) string {
	body := strings.TrimLeft(line, " \t")
	indent := line[:len(line)-len(body)]
	for _, b := range bullets {
		rest, ok := strings.CutPrefix(body, b)
		if r, _ := utf8.DecodeRuneInString(rest); ok && unicode.IsSpace(r) {
			return indent + "- " + strings.TrimLeft(rest, " \t\u00a0")
		}
	}
	return line
}

// isListItem reports whether line is a Markdown list item ("- ", "* ", "+ ", "1. ", "1) ").
func isListItem(line string) bool {
	s := strings.TrimLeft(line, " \t")
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "+ ") {
		return true
	}
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	return digits > 0 && digits < len(s)-1 && (s[digits] == '.' || s[digits] == ')') && s[digits+1] == ' '
}
