package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

// Sentence is one sentence of a Markdown text.
type Sentence struct {
	// Text is the sentence exactly as written in the source, inline Markdown included:
	// Text == source[Start:End]. Use Plain to compare sentences regardless of formatting.
	Text string
	// Start and End are byte offsets of the sentence in the source.
	Start, End int
}

// Sentences splits a Markdown text into sentences, in order.
//
// Markdown blocks are boundaries: each heading, list item, table row, and paragraph is split
// on its own, and a sentence never spans two of them. Block markers ("# ", "- ", "1. ", "> ",
// the pipes around a table row) are outside the sentence; code blocks, horizontal rules and
// table separators yield no sentence, nor does a piece of text without a letter or digit.
//
// Inside a block, a sentence ends after . ! ? or … (and any closing quote, bracket or
// emphasis marker right after them) when white space and then a capital letter, a digit or an
// opening quote follow, unless the dot ends an abbreviation (M., Mme, Dr., p. ex., cf., env.,
// art. 12, No. 5, e.g., i.e.) or an initial (J.-P. Martin); "etc." is not an abbreviation:
// followed by a capital it ends the sentence. Nothing splits inside « … » or “ … ” when the
// block's quotes are balanced. A line break inside a paragraph also ends a sentence when the
// next line starts like a sentence and the line does not end with a comma, a semicolon or a
// hyphen, so lines typed one under the other stay apart.
func Sentences(text string, lang model.Language) []Sentence {
	var out []Sentence
	eachBlock(text, func(start, end int) {
		out = splitBlock(text, start, end, lang, out)
	})
	return out
}

// splitBlock appends the sentences of text[bs:be] to out.
func splitBlock(text string, bs, be int, lang model.Language, out []Sentence) []Sentence {
	sp := splitter{text: text[:be], lang: lang, quotes: balancedQuotes(text[bs:be])}
	start := sp.skipGap(bs)
	for i := start; i < be; {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case sp.quotes && (r == '«' || r == '“'):
			sp.depth++
		case sp.quotes && (r == '»' || r == '”') && sp.depth > 0:
			sp.depth--
		case isTerminator(r):
			end, ok := sp.afterTerminator(i, start)
			if ok {
				out = emit(text, start, end, out)
				start = sp.skipGap(end)
				end = start
			}
			i = end
			continue
		case r == '\n' && sp.lineBreakEnds(start, i):
			out = emit(text, start, i, out)
			start = sp.skipGap(i)
			i = start
			continue
		}
		i += size
	}
	return emit(text, start, be, out)
}

// emit appends text[start:end], trimmed, unless it holds no letter or digit.
func emit(text string, start, end int, out []Sentence) []Sentence {
	s := strings.TrimRightFunc(text[start:end], unicode.IsSpace)
	if strings.IndexFunc(s, isWordRune) < 0 {
		return out
	}
	return append(out, Sentence{Text: s, Start: start, End: start + len(s)})
}

func balancedQuotes(s string) bool {
	return strings.Count(s, "«") == strings.Count(s, "»") && strings.Count(s, "“") == strings.Count(s, "”")
}

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isHSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' }

type splitter struct {
	text   string // the text up to the end of the block
	lang   model.Language
	quotes bool // the block's quotes are balanced: never split inside them
	depth  int  // quotes open at the current position
}

// skipGap returns the position of the next sentence's first character after i, skipping
// white space and the block quote markers of continuation lines.
func (sp *splitter) skipGap(i int) int {
	afterNewline := false
	for i < len(sp.text) {
		r, size := utf8.DecodeRuneInString(sp.text[i:])
		switch {
		case r == '\n':
			afterNewline = true
		case r == '>' && afterNewline:
		case !unicode.IsSpace(r):
			return i
		}
		i += size
	}
	return i
}

// afterTerminator examines the punctuation at i. It returns where the scan resumes and
// whether the sentence that began at start ends there.
func (sp *splitter) afterTerminator(i, start int) (int, bool) {
	t := sp.text
	runEnd := i
	for runEnd < len(t) {
		r, size := utf8.DecodeRuneInString(t[runEnd:])
		if !isTerminator(r) {
			break
		}
		runEnd += size
	}
	end := sp.closers(runEnd)
	if end >= len(t) || sp.depth > 0 {
		return end, false
	}
	if r, _ := utf8.DecodeRuneInString(t[end:]); !unicode.IsSpace(r) && !isHSpace(r) {
		return end, false
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(t[sp.skipGap(end):], "*_[("))
	if !startsSentence(next) {
		return end, false
	}
	if before, _ := utf8.DecodeLastRuneInString(t[start:i]); before == '(' || before == '[' {
		return end, false // an elision mark: (…) or […]
	}
	if runEnd-i == 1 && t[i] == '.' && (isNumbering(t[start:i]) || sp.abbreviation(start, i, unicode.IsDigit(next))) {
		return end, false
	}
	return end, true
}

// closers returns the position after the closing quotes, brackets and emphasis markers that
// follow a terminator at i; a French closing quote may come after a space.
func (sp *splitter) closers(i int) int {
	t := sp.text
	for i < len(t) {
		j := i
		for j < len(t) {
			r, size := utf8.DecodeRuneInString(t[j:])
			if !isHSpace(r) {
				break
			}
			j += size
		}
		r, size := utf8.DecodeRuneInString(t[j:])
		switch {
		case r == '»' || r == '”':
			if sp.quotes && sp.depth > 0 {
				sp.depth--
			}
		case j > i || !strings.ContainsRune(`"'’)]*_`+"`", r) || j >= len(t):
			return i
		}
		i = j + size
	}
	return i
}

// isNumbering reports a sentence that is only a number so far, as in a heading "1. Contexte".
func isNumbering(s string) bool {
	return s != "" && len(s) <= 3 && strings.Trim(s, "0123456789") == ""
}

func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`«“"‘'¿¡`, r)
}

// lineBreakEnds reports whether the line break at i ends the sentence that began at start.
func (sp *splitter) lineBreakEnds(start, i int) bool {
	if sp.depth > 0 {
		return false
	}
	last := strings.TrimRightFunc(sp.text[start:i], unicode.IsSpace)
	p, _ := utf8.DecodeLastRuneInString(last)
	if last == "" || isTerminator(p) || strings.ContainsRune(",;-‐–—(«“/", p) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(sp.text[sp.skipGap(i):], "*_[("))
	return startsSentence(next)
}

// Abbreviations whose dot never ends a sentence, and those that do not when a number follows.
var (
	abbreviations = wordSet("m mm mme mmes mlle mlles mgr dr drs pr me st ste cf ex env av apr vs viz al " +
		"approx mr mrs ms messrs prof jr sr tél tel coll dir éd réf ref resp")
	numberAbbreviations = wordSet("n no nº nos art p pp vol chap fig tab ch sect")
)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// abbreviation reports whether the dot at i ends an abbreviation or an initial.
func (sp *splitter) abbreviation(start, i int, digitNext bool) bool {
	before := sp.text[start:i]
	k := len(before)
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:k])
		if !isWordRune(r) && !strings.ContainsRune(".-‐'’°", r) {
			break
		}
		k -= size
	}
	token := strings.ToLower(before[k:])
	if a := strings.LastIndexAny(token, "'’"); a >= 0 {
		_, size := utf8.DecodeRuneInString(token[a:])
		token = token[a+size:]
	}
	switch {
	case token == "":
		return false
	case abbreviations[token]:
		return true
	case numberAbbreviations[token]:
		return digitNext
	case sp.lang == model.English && before[k:] == "I":
		return false
	case token == "j.-c" || token == "j.c":
		prev := strings.ToLower(strings.TrimRight(before[:k], " \u00a0"))
		return !strings.HasSuffix(prev, "av.") && !strings.HasSuffix(prev, "apr.")
	}
	return isInitials(token)
}

// isInitials reports tokens such as "j", "j.-p", "e.g" or "c.-à-d": single letters joined by
// dots or hyphens.
func isInitials(token string) bool {
	letters := 0
	prevLetter := false
	for _, r := range token {
		if unicode.IsLetter(r) {
			if prevLetter {
				return false
			}
			letters++
			prevLetter = true
			continue
		}
		if unicode.IsDigit(r) {
			return false
		}
		prevLetter = false
	}
	return letters > 0
}
