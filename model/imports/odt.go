package imports

import (
	"encoding/xml"
	"strings"
)

// EncodingOdt is the Imported.Encoding of a LibreOffice (OpenDocument) text document.
const EncodingOdt = "odt"

// readOdt imports an OpenDocument text (.odt). Only META-INF/manifest.xml (to detect a
// password), content.xml and the named list styles of styles.xml (to tell numbered lists) are
// read: headers and footers live in styles.xml and are left
// out, as are footnotes, endnotes, comments, tracked changes, frames (images, text boxes) and
// generated tables of contents. Bold, italic and inline code come from the automatic styles
// and fonts of content.xml and the names of LibreOffice's own styles; named styles in
// styles.xml are not read.
func readOdt(name string, data []byte) (Imported, error) {
	zr, err := openArchive(name, data)
	if err != nil {
		return Imported{}, err
	}
	manifest, err := readPart(name, zr, "META-INF/manifest.xml", false)
	if err != nil {
		return Imported{}, err
	}
	if manifest != nil {
		m := &odtManifest{}
		if err := walkXML(name, manifest, m); err != nil {
			return Imported{}, err
		}
		if m.encrypted {
			return Imported{}, fail(name, CodeEncrypted, nil)
		}
	}
	content, err := readPart(name, zr, "content.xml", true)
	if err != nil {
		return Imported{}, err
	}
	styles, err := readPart(name, zr, "styles.xml", false)
	if err != nil {
		return Imported{}, err
	}
	c := newOdtConv()
	if styles != nil {
		if err := walkXML(name, styles, &odtNamedLists{c}); err != nil {
			return Imported{}, err
		}
	}
	if err := walkXML(name, content, c); err != nil {
		return Imported{}, err
	}
	return finishDocument(name, c.w, EncodingOdt)
}

// odtManifest looks for the encryption data a password-protected document's manifest holds.
type odtManifest struct{ encrypted bool }

func (m *odtManifest) start(el xml.StartElement) bool {
	m.encrypted = m.encrypted || el.Name.Local == "encryption-data"
	return false
}
func (m *odtManifest) end(xml.EndElement) {}
func (m *odtManifest) text([]byte)        {}

// odtStyle is what Rapporteur keeps of an automatic style.
type odtStyle struct {
	em     emphasis
	parent string
}

// odtConv turns the content.xml of an OpenDocument text into Markdown.
type odtConv struct {
	w *mdWriter

	styles    map[string]odtStyle
	numbered  map[string]map[int]bool // list style → level (1-based) → numbered
	starts    map[string]map[int]int  // list style → level (1-based) → first number
	fixed     map[string]bool         // the fonts declared fixed-pitch
	defStyle  string                  // the style:style being defined
	listStyle string                  // the text:list-style being defined

	para      block      // the paragraph being read
	inPara    int        // depth of text:p and text:h being read (notes are skipped)
	emStack   []emphasis // emphasis of the paragraph and its open spans
	lists     []string   // style names of the open lists, outermost first
	counts    []listNum  // the numbering of the open lists, outermost first
	lastCount listNum    // the numbering of the last outermost list closed
	itemStart int        // the text:start-value of the current list item, -1 when none
	itemFresh bool       // no paragraph of the current list item was read yet
}

func newOdtConv() *odtConv {
	return &odtConv{w: newMDWriter(), styles: map[string]odtStyle{}, numbered: map[string]map[int]bool{},
		starts: map[string]map[int]int{}, fixed: map[string]bool{}, itemStart: -1}
}

// odtSkipped are the elements whose content is not part of the body text.
var odtSkipped = map[string]bool{
	"note":             true, // footnotes and endnotes
	"annotation":       true, // comments
	"tracked-changes":  true, // deleted text of tracked changes
	"frame":            true, // images, text boxes
	"table-of-content": true, // generated, repeats the headings
	"sequence-decls":   true,
	"master-styles":    true,
}

// odtStart handles the elements that matter when they open.
var odtStart = map[string]func(c *odtConv, el xml.StartElement){
	"style":                   (*odtConv).defineStyle,
	"text-properties":         (*odtConv).textProperties,
	"list-style":              func(c *odtConv, el xml.StartElement) { c.listStyle = attr(el, "name") },
	"list-level-style-number": (*odtConv).numberedLevel,
	"h": func(c *odtConv, el xml.StartElement) {
		c.startPara(el, block{kind: blockHeading, level: attrInt(el, "outline-level", 1, 1, 6)})
	},
	"p":          func(c *odtConv, el xml.StartElement) { c.startPara(el, c.paraBlock(el)) },
	"span":       func(c *odtConv, el xml.StartElement) { c.pushEmphasis(el) },
	"s":          func(c *odtConv, el xml.StartElement) { c.w.spaces(attrInt(el, "c", 1, 1, maxSpaces), c.em()) },
	"tab":        func(c *odtConv, _ xml.StartElement) { c.w.text("\t", 0) },
	"line-break": func(c *odtConv, _ xml.StartElement) { c.w.lineBreak() },
	"list":       (*odtConv).openList,
	"list-item": func(c *odtConv, el xml.StartElement) {
		c.itemFresh, c.itemStart = true, attrInt(el, "start-value", -1, 0, maxListNumber)
	},
	"font-face":   (*odtConv).fontFace,
	"a":           (*odtConv).link,
	"list-header": func(c *odtConv, _ xml.StartElement) { c.itemFresh = false },
	"table":       func(c *odtConv, _ xml.StartElement) { c.w.startTable() },
	"table-row":   func(c *odtConv, _ xml.StartElement) { c.w.startRow() },
	"table-cell":  func(c *odtConv, _ xml.StartElement) { c.w.startCell() },
	"covered-table-cell": func(c *odtConv, _ xml.StartElement) {
		c.w.startCell()
	},
}

func (c *odtConv) start(el xml.StartElement) bool {
	if odtSkipped[el.Name.Local] {
		return true
	}
	if f := odtStart[el.Name.Local]; f != nil {
		f(c, el)
	}
	return false
}

func (c *odtConv) end(el xml.EndElement) {
	switch el.Name.Local {
	case "p", "h":
		c.endPara()
	case "span":
		if len(c.emStack) > 1 {
			c.emStack = c.emStack[:len(c.emStack)-1]
		}
	case "list":
		c.closeList()
	case "a":
		if el.Name.Space == textNS {
			c.w.endLink()
		}
	case "table":
		c.w.endTable()
	case "style":
		c.defStyle = ""
	case "list-style":
		c.listStyle = ""
	}
}

// text adds the character data of a paragraph, its white space collapsed as ODF requires
// (text:s and text:tab carry the significant spaces).
func (c *odtConv) text(data []byte) {
	if c.inPara == 0 {
		return
	}
	s := string(data)
	if strings.TrimSpace(s) == "" {
		c.w.text(" ", c.em())
		return
	}
	lead := strings.TrimLeft(s, " \t\r\n") != s
	trail := strings.TrimRight(s, " \t\r\n") != s
	s = strings.Join(strings.Fields(s), " ")
	if lead {
		s = " " + s
	}
	if trail {
		s += " "
	}
	c.w.text(s, c.em())
}

// em returns the emphasis of the innermost open span or paragraph.
func (c *odtConv) em() emphasis {
	if len(c.emStack) == 0 {
		return 0
	}
	return c.emStack[len(c.emStack)-1]
}
