package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

// Word rules, shared by Words, WordCount and the metrics built on them:
//
//   - a word is a run of Unicode letters, digits and combining marks;
//   - apostrophes (' ’) and hyphens join letters inside a word: aujourd'hui, rendez-vous,
//     don't are one word each;
//   - French elision is split off and kept as its own word with its apostrophe: l'école gives
//     "l'" and "école", qu'il gives "qu'" and "il" (so l'école counts as two words, as in most
//     French style guides' word counts for readability formulas);
//   - a dot or a middle dot between two word characters joins them, so inclusive writing
//     (participant.es, inscrit·e·s), abbreviations written without spaces (c.-à-d.) and
//     addresses (www.ville-saint-aubin.fr, contact@mairie.fr) stay one word;
//   - a comma or a colon between two digits joins them (45,5 and 10:00 are one word each);
//     10h00 is one word; "1 250" written with a space is two;
//   - the inline HTML of converted reports (« <u> », « <br/> », « &nbsp; », see
//     model.HTMLMarkupLen) is not a word, and separates words.

// elisions are the French words whose last vowel is elided before an apostrophe.
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true, "c": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true,
}

// Words returns the words of text, in order, following the rules above. Each word is a
// substring of text.
func Words(text string) []string {
	var out []string
	eachWord(text, func(w string) { out = append(out, w) })
	return out
}

// WordCount returns the number of words a reader reads in a Markdown text, the one count
// the cover, the summary, the columns and the app show: the words of its sentences as Measure
// counts them, by the rules above, leaving out the Markdown markup, link addresses, code
// blocks and inline HTML.
func WordCount(text string) int {
	n := 0
	for _, s := range Sentences(text, model.French) {
		eachWord(Plain(s.Text), func(string) { n++ })
	}
	return n
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// eachWord calls fn for every word of text.
func eachWord(text string, fn func(string)) {
	start := -1
	prev := rune(0)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '<' || r == '&' {
			if n := model.HTMLMarkupLen(text[i:]); n > 0 {
				if start >= 0 {
					emitWord(text[start:i], fn)
					start = -1
				}
				prev, i = ' ', i+n
				continue
			}
		}
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && joins(prev, r, text[i+size:]):
			// a joiner inside a word: keep going
		case start >= 0:
			emitWord(text[start:i], fn)
			start = -1
		}
		prev = r
		i += size
	}
	if start >= 0 {
		emitWord(text[start:], fn)
	}
}

// joins reports whether the punctuation r, found after prev, continues a word given the rest.
func joins(prev, r rune, rest string) bool {
	next, _ := utf8.DecodeRuneInString(rest)
	switch r {
	case '\'', '’', '-', '‐', '.', '·', '@':
		if isWordRune(next) {
			return isWordRune(prev) || prev == '.'
		}
		// c.-à-d: a dot followed by a hyphen and a letter
		if r == '.' && isWordRune(prev) && (next == '-' || next == '‐') {
			after, _ := utf8.DecodeRuneInString(rest[utf8.RuneLen(next):])
			return isWordRune(after)
		}
	case ',', ':':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}

// emitWord splits a French elision off w and passes the parts to fn.
func emitWord(w string, fn func(string)) {
	for {
		k := strings.IndexAny(w, "'’")
		if k <= 0 || !elisions[strings.ToLower(w[:k])] {
			fn(w)
			return
		}
		_, size := utf8.DecodeRuneInString(w[k:])
		fn(w[:k+size])
		w = w[k+size:]
		if w == "" {
			return
		}
	}
}

// Plain strips inline Markdown from s so that texts can be compared regardless of formatting:
// emphasis markers (* _ ~~) are removed, `code` keeps its content, [text](url) and
// ![alt](url) keep their text, <https://…> keeps the address, backslash escapes keep the
// escaped character, blockquote markers at the start of a line are removed, and every run of
// white space becomes one space. The result is trimmed.
func Plain(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	atLine := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		skip, keep := inlineMarkup(s, i, atLine)
		if skip == 0 {
			skip = size
			if unicode.IsSpace(r) {
				space = true
				atLine = atLine || r == '\n'
				i += skip
				continue
			}
			keep = s[i : i+size]
		}
		i += skip
		if keep == "" {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space, atLine = false, false
		b.WriteString(keep)
	}
	return b.String()
}

// inlineMarkup recognises Markdown at s[i:]: it returns how many bytes to skip and what to
// write instead, or 0 when s[i] is ordinary text.
func inlineMarkup(s string, i int, atLine bool) (int, string) {
	switch c := s[i]; c {
	case '*', '~', '`':
		return 1, ""
	case '>':
		if atLine {
			return 1, ""
		}
	case '_':
		if wordBefore(s, i) && wordAfter(s, i+1) { // snake_case stays
			return 0, ""
		}
		return 1, ""
	case '\\':
		return escape(s, i)
	case '!', '[':
		return linkText(s, i)
	case '<':
		w := window(s, i)
		if j := strings.IndexByte(w, '>'); j > 0 && strings.Contains(w[:j], "://") && !strings.Contains(w[:j], " ") {
			return j + 1, s[i+1 : i+j]
		}
	}
	return 0, ""
}

// window returns the rest of the line at s[i:], at most maxInline bytes: inline Markdown
// never spans lines, and the bound keeps Plain linear on hostile input.
func window(s string, i int) string {
	const maxInline = 2048
	w := s[i:min(len(s), i+maxInline)]
	if k := strings.IndexByte(w, '\n'); k >= 0 {
		w = w[:k]
	}
	return w
}

// escape handles a backslash escape at s[i:].
func escape(s string, i int) (int, string) {
	if i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!<>~|", s[i+1]) >= 0 {
		return 2, s[i+1 : i+2]
	}
	return 0, ""
}

// linkText handles [text](url) and ![alt](url) at s[i:].
func linkText(s string, i int) (int, string) {
	s = s[:i+len(window(s, i))]
	j := i
	if s[j] == '!' {
		j++
		if j >= len(s) || s[j] != '[' {
			return 0, ""
		}
	}
	end := strings.Index(s[j:], "](")
	if end < 0 || strings.ContainsAny(s[j+1:j+end], "[]\n") {
		return 0, ""
	}
	closeURL := strings.IndexByte(s[j+end+2:], ')')
	if closeURL < 0 || strings.ContainsAny(s[j+end+2:j+end+2+closeURL], " \n") {
		return 0, ""
	}
	return j + end + 2 + closeURL + 1 - i, Plain(s[j+1 : j+end])
}

func wordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && isWordRune(r)
}

func wordAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && isWordRune(r)
}
