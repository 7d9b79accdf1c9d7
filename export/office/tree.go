package office

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/rapporteur/rapporteur/export"
)

// kind is what a block is.
type kind int

const (
	kindPara     kind = iota
	kindHeading       // a heading of level 1 to 6
	kindTitle         // the document's title
	kindKicker        // the line above the title: « Compte-rendu comparé »
	kindField         // a labelled line of the title block
	kindItem          // the first paragraph of a list item
	kindItemMore      // a further paragraph of a list item
	kindQuote         // a paragraph of a block quote
	kindCode          // a code block, its lines separated by breaks
	kindRule          // a thematic break
	kindTable         // a table
	kindNote          // a remark of the document itself: an empty text, a partial variant
)

// block is one paragraph-level unit of a document.
type block struct {
	kind    kind
	level   int       // heading level; list depth from 0 for items and their paragraphs
	list    *listInfo // the list an item belongs to
	inItem  bool      // a paragraph, quote or code block inside a list item, at level
	inlines []inline
	table   *table
}

// listInfo is one list: items of one list share it, and a nested list has its own.
type listInfo struct {
	id      int // from 1, unique in the document
	ordered bool
	start   int
	depth   int
}

// align is a table column's alignment.
type align int

const (
	alignNone align = iota
	alignLeft
	alignCenter
	alignRight
)

// table is a table whose first row is the header.
type table struct {
	rows  [][][]inline // rows of cells of inline text
	align []align
}

// inline is a run of text in one look.
type inline struct {
	text                       string
	bold, italic, code, strike bool
	link                       string // a safe URL (export.LinkTarget), or ""
	lineBreak                  bool   // a hard line break; text is empty
	tab                        bool   // a tab; text is empty
}

// document is what both writers write: its properties, page, footer and blocks.
type document struct {
	props     export.Properties
	landscape bool
	footer    string // the notice of every footer, may be empty
	page      export.PageWords
	blocks    []block
	lists     int // lists numbered so far
}

// add appends blocks to the document.
func (d *document) add(bs ...block) { d.blocks = append(d.blocks, bs...) }

// plain makes a block of one run of plain text.
func plain(k kind, text string) block {
	return block{kind: k, inlines: []inline{{text: text}}}
}

// clean makes s fit for XML and a word processor: NFC, \n line ends, and without the
// characters XML 1.0 forbids (control characters but tab and newline, U+FFFE, U+FFFF), nor byte
// order marks, nor the bidirectional overrides that would show text in another order than it
// is read.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	ok := true
	for _, r := range s {
		if !keepRune(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case keepRune(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// keepRune reports whether r may stay in a document's text.
func keepRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return true
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return false
	case r == 0xFFFE || r == 0xFFFF || r == 0xFEFF || r == utf8.RuneError: // and byte order marks
		return false
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069: // bidirectional overrides
		return false
	}
	return true
}

// oneLine joins the lines of a field and trims it.
func oneLine(s string) string { return strings.Join(strings.Fields(clean(s)), " ") }

// xmlEscaper escapes text for XML content and attribute values.
var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

// esc escapes already cleaned text for XML.
func esc(s string) string { return xmlEscaper.Replace(s) }

// langTag is the language's tag for spell checking: fr-FR or en-GB.
func langTag(p export.Properties) (lang, country string) {
	if p.Language == "en" {
		return "en", "GB"
	}
	return "fr", "FR"
}

// eachLink walks ins in order: plain gets each piece outside a link, link each run of
// consecutive pieces with the same target, so that a writer opens one hyperlink for them.
func eachLink(ins []inline, plain func(inline), link func(target string, group []inline)) {
	for i := 0; i < len(ins); {
		target := ins[i].link
		if target == "" {
			plain(ins[i])
			i++
			continue
		}
		j := i
		for j < len(ins) && ins[j].link == target {
			j++
		}
		link(target, ins[i:j])
		i = j
	}
}
