package imports

import (
	"encoding/xml"
	"strings"
)

// EncodingDocx is the Imported.Encoding of a Word document.
const EncodingDocx = "docx"

// readDocx imports a Word document (.docx). Only word/document.xml, word/numbering.xml to
// tell numbered from bulleted lists and where they start, and word/_rels/document.xml.rels
// for the targets of hyperlinks are read: headers, footers, comments, footnotes and endnotes
// live in other parts and are left out, as are text boxes, deleted text of tracked changes,
// field codes (but a HYPERLINK field's target), images and the entries of a generated table
// of contents.
func readDocx(name string, data []byte) (Imported, error) {
	zr, err := openArchive(name, data)
	if err != nil {
		return Imported{}, err
	}
	doc, err := readPart(name, zr, "word/document.xml", true)
	if err != nil {
		return Imported{}, err
	}
	numbering, err := readPart(name, zr, "word/numbering.xml", false)
	if err != nil {
		return Imported{}, err
	}
	rels, err := readPart(name, zr, "word/_rels/document.xml.rels", false)
	if err != nil {
		return Imported{}, err
	}
	c := &docxConv{w: newMDWriter(), lists: newDocxLists(), rels: map[string]string{}}
	for _, p := range []struct {
		data []byte
		h    xmlHandler
	}{{numbering, c.lists}, {rels, &docxRels{links: c.rels}}} {
		if p.data == nil {
			continue
		}
		if err := walkXML(name, p.data, p.h); err != nil {
			return Imported{}, err
		}
	}
	if err := walkXML(name, doc, c); err != nil {
		return Imported{}, err
	}
	return finishDocument(name, c.w, EncodingDocx)
}

// docxConv turns the WordprocessingML of word/document.xml into Markdown.
type docxConv struct {
	w     *mdWriter
	lists *docxLists
	rels  map[string]string // hyperlink relationship id → target

	fields     []*docxField // the fields open, outermost first
	deepFields int          // fields open past maxFields
	inInstr    bool         // inside a w:instrText

	// The paragraph being read.
	style  string // its style id, such as "Heading1" or "Titre1"
	numID  string // its list (w:numId), "" or "0" when it is none
	ilvl   int    // its list level
	inRun  bool
	em     emphasis // the emphasis of the run being read
	inText bool     // inside a w:t
}

// docxSkipped are the elements whose content is not part of the body text.
var docxSkipped = map[string]bool{
	"txbxContent": true, // text boxes
	"drawing":     true, // images and shapes
	"pict":        true, // legacy images and shapes
	"object":      true, // embedded objects
	"del":         true, // deleted text of tracked changes
	"moveFrom":    true, // moved-away text of tracked changes
	"delText":     true,
}

// docxStart handles the elements that matter when they open.
var docxStart = map[string]func(c *docxConv, el xml.StartElement){
	"p": func(c *docxConv, _ xml.StartElement) {
		c.style, c.numID, c.ilvl, c.em = "", "", 0, 0
	},
	"pStyle":    func(c *docxConv, el xml.StartElement) { c.style = attr(el, "val") },
	"numId":     func(c *docxConv, el xml.StartElement) { c.numID = attr(el, "val") },
	"ilvl":      func(c *docxConv, el xml.StartElement) { c.ilvl = attrInt(el, "val", 0, 0, 8) },
	"r":         func(c *docxConv, _ xml.StartElement) { c.inRun, c.em = true, 0 },
	"b":         func(c *docxConv, el xml.StartElement) { c.setEmphasis(bold, el) },
	"i":         func(c *docxConv, el xml.StartElement) { c.setEmphasis(italic, el) },
	"rStyle":    func(c *docxConv, el xml.StartElement) { c.runStyle(attr(el, "val")) },
	"rFonts":    func(c *docxConv, el xml.StartElement) { c.runFont(el) },
	"hyperlink": (*docxConv).hyperlink,
	"fldSimple": (*docxConv).simpleField,
	"fldChar":   (*docxConv).fieldChar,
	"instrText": func(c *docxConv, _ xml.StartElement) { c.inInstr = true },
	"t":         func(c *docxConv, _ xml.StartElement) { c.inText = true },
	"tab": func(c *docxConv, _ xml.StartElement) {
		if c.inRun { // a w:tab outside a run is a tab stop definition
			c.w.text("\t", 0)
		}
	},
	"br": func(c *docxConv, el xml.StartElement) {
		if t := attr(el, "type"); t != "page" && t != "column" {
			c.w.lineBreak()
		}
	},
	"cr":            func(c *docxConv, _ xml.StartElement) { c.w.lineBreak() },
	"noBreakHyphen": func(c *docxConv, _ xml.StartElement) { c.w.text("-", c.em) },
	"tbl":           func(c *docxConv, _ xml.StartElement) { c.w.startTable() },
	"tr":            func(c *docxConv, _ xml.StartElement) { c.w.startRow() },
	"tc":            func(c *docxConv, _ xml.StartElement) { c.w.startCell() },
}

// WordprocessingML namespaces, transitional and strict.
const (
	wordNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wordStrictNS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// isWord reports whether name is in the WordprocessingML namespace: DrawingML shapes use the
// same local names (p, r, t) for text that is not the body's.
func isWord(name xml.Name) bool { return name.Space == wordNS || name.Space == wordStrictNS }

func (c *docxConv) start(el xml.StartElement) bool {
	if !isWord(el.Name) {
		return el.Name.Local == "Fallback" // alternative content duplicating a drawing
	}
	if docxSkipped[el.Name.Local] {
		return true
	}
	if f := docxStart[el.Name.Local]; f != nil {
		f(c, el)
	}
	return false
}

func (c *docxConv) end(el xml.EndElement) {
	if !isWord(el.Name) {
		return
	}
	switch el.Name.Local {
	case "p":
		c.w.endParagraph(c.block())
	case "r":
		c.inRun, c.em = false, 0
	case "t":
		c.inText = false
	case "instrText":
		c.inInstr = false
	case "hyperlink":
		c.w.endLink()
	case "fldSimple":
		c.popField()
	case "tbl":
		c.w.endTable()
	}
}

func (c *docxConv) text(data []byte) {
	switch {
	case c.inText:
		c.w.text(string(data), c.em)
	case c.inInstr:
		c.fieldText(data)
	}
}

// setEmphasis applies a w:b or w:i of a run; those of the paragraph mark are ignored.
func (c *docxConv) setEmphasis(e emphasis, el xml.StartElement) {
	if !c.inRun {
		return
	}
	switch attr(el, "val") {
	case "0", "false", "off", "none":
		c.em &^= e
	default:
		c.em |= e
	}
}

// runStyle applies the character styles Strong and Emphasis (Word's "Élevé" and
// "Accentuation" keep these ids), and those of inline code: Verbatim Char (Rapporteur's and
// pandoc's), HTML Code (Word's, "CodeHTML" in French) and Source Text (LibreOffice's).
func (c *docxConv) runStyle(id string) {
	switch strings.ToLower(id) {
	case "strong", "lev", "élevé":
		c.em |= bold
	case "emphasis", "accentuation":
		c.em |= italic
	case "verbatimchar", "htmlcode", "codehtml", "sourcetext":
		c.em |= code
	}
}

// runFont makes a run in a fixed-pitch font (Consolas, Courier New…) inline code.
func (c *docxConv) runFont(el xml.StartElement) {
	if c.inRun && (isMonospace(attr(el, "ascii")) || isMonospace(attr(el, "hAnsi"))) {
		c.em |= code
	}
}

// block tells what the paragraph just read is, from its style and list properties.
func (c *docxConv) block() block {
	style := strings.ToLower(c.style)
	if level, ok := headingLevel(style); ok {
		return block{kind: blockHeading, level: level}
	}
	if style == "title" || style == "titre" {
		return block{kind: blockTitle}
	}
	if isTOCStyle(style) {
		return block{kind: blockDropped}
	}
	if c.numID != "" && c.numID != "0" {
		n := c.lists.next(c.numID, c.ilvl)
		return block{kind: blockItem, level: c.ilvl, ordered: c.lists.ordered(c.numID, c.ilvl), number: n, hasNumber: true}
	}
	if isQuoteStyle(style) {
		return block{kind: blockQuote}
	}
	return listStyleBlock(style)
}

// isQuoteStyle reports whether a paragraph style id is a quote's: Word's Quote and Intense
// Quote ("Citation", "Citationintense" in French), LibreOffice's Quotations, pandoc's Block
// Text.
func isQuoteStyle(style string) bool {
	switch style {
	case "quote", "intensequote", "citation", "citationintense", "quotations", "blocktext":
		return true
	}
	return false
}

// headingLevel reads the level of a heading style id: "heading2" (English Word) or "titre2"
// (French Word).
func headingLevel(style string) (int, bool) {
	for _, prefix := range []string{"heading", "titre"} {
		rest, ok := strings.CutPrefix(style, prefix)
		if ok && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
			return int(rest[0] - '0'), true
		}
	}
	return 0, false
}

// isTOCStyle reports whether a style id is that of a table of contents entry: "TOC1" in
// English Word, "TM1" in French Word. The table is generated and repeats the headings.
func isTOCStyle(style string) bool {
	for _, prefix := range []string{"toc", "tm"} {
		rest, ok := strings.CutPrefix(style, prefix)
		if ok && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
			return true
		}
	}
	return false
}

// listStyleBlock makes a list item of a paragraph in one of Word's list styles ("ListBullet2",
// "Listepuces", "ListNumber"…), which number paragraphs without w:numPr; else a paragraph.
func listStyleBlock(style string) block {
	for _, p := range []struct {
		prefix  string
		ordered bool
	}{{"listbullet", false}, {"listepuces", false}, {"listnumber", true}, {"listenumros", true}} {
		rest, ok := strings.CutPrefix(style, p.prefix)
		if !ok {
			continue
		}
		level := 0
		if len(rest) == 1 && rest[0] >= '2' && rest[0] <= '9' {
			level = int(rest[0] - '1')
		}
		return block{kind: blockItem, level: level, ordered: p.ordered}
	}
	return block{kind: blockPara}
}
