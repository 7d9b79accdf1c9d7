package imports

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// defineStyle starts reading an automatic style.
func (c *odtConv) defineStyle(el xml.StartElement) {
	c.defStyle = attr(el, "name")
	if c.defStyle != "" {
		c.styles[c.defStyle] = odtStyle{parent: attr(el, "parent-style-name")}
	}
}

// textProperties records the bold and italic of the style being defined.
func (c *odtConv) textProperties(el xml.StartElement) {
	if c.defStyle == "" {
		return
	}
	st := c.styles[c.defStyle]
	if isBoldWeight(attr(el, "font-weight")) {
		st.em |= bold
	}
	if s := attr(el, "font-style"); s == "italic" || s == "oblique" {
		st.em |= italic
	}
	if f := attr(el, "font-name"); c.fixed[f] || isMonospace(f) || isMonospace(attr(el, "font-family")) {
		st.em |= code
	}
	c.styles[c.defStyle] = st
}

// isBoldWeight reports whether an fo:font-weight is bold: "bold" or 600 and above.
func isBoldWeight(w string) bool {
	n, err := strconv.Atoi(w)
	return w == "bold" || (err == nil && n >= 600)
}

// numberedLevel records a numbered level of the list style being defined.
func (c *odtConv) numberedLevel(el xml.StartElement) {
	if c.listStyle == "" {
		return
	}
	if c.numbered[c.listStyle] == nil {
		c.numbered[c.listStyle] = map[int]bool{}
	}
	level := attrInt(el, "level", 1, 1, 10)
	c.numbered[c.listStyle][level] = true
	if n := attrInt(el, "start-value", -1, 0, maxListNumber); n >= 0 {
		if c.starts[c.listStyle] == nil {
			c.starts[c.listStyle] = map[int]int{}
		}
		c.starts[c.listStyle][level] = n
	}
}

// styleEmphasis returns the emphasis of a text style: an automatic one, or the named styles
// Strong Emphasis, Emphasis and those of inline code (Source Text, Teletype), or an
// automatic style based on one of them.
func (c *odtConv) styleEmphasis(name string) emphasis {
	st, auto := c.styles[name]
	if auto {
		return st.em | namedEmphasis(st.parent)
	}
	return namedEmphasis(name)
}

// odtQuoteStyles are the paragraph styles of quotes: LibreOffice's Quotations, and the
// names it gives Word's Block Text, Quote and Intense Quote.
var odtQuoteStyles = map[string]bool{
	"Quotations": true, "Block_20_Text": true, "Quote": true, "Intense_20_Quote": true,
}

// namedEmphasis is the emphasis of LibreOffice's named text styles, and of those pandoc
// and LibreOffice name after Word's (Source_Text, Verbatim Char).
func namedEmphasis(name string) emphasis {
	switch name {
	case "Strong_20_Emphasis":
		return bold
	case "Emphasis":
		return italic
	case "Source_20_Text", "Source_Text", "Teletype", "Verbatim_20_Char":
		return code
	}
	return 0
}

// paraBlock tells what a text:p is: the title, a list item, or a paragraph.
func (c *odtConv) paraBlock(el xml.StartElement) block {
	style := attr(el, "style-name")
	if style == "Title" || c.styles[style].parent == "Title" {
		return block{kind: blockTitle}
	}
	if len(c.lists) == 0 {
		if odtQuoteStyles[style] || odtQuoteStyles[c.styles[style].parent] {
			return block{kind: blockQuote}
		}
		return block{kind: blockPara}
	}
	b := block{kind: blockItemMore, level: len(c.lists) - 1}
	b.ordered = c.numbered[c.listStyleName()][len(c.lists)]
	if c.itemFresh {
		b.kind = blockItem
		c.itemFresh = false
		if b.ordered {
			b.number, b.hasNumber = c.itemNumber(), true
		}
	}
	return b
}

// startPara opens a text:p or text:h that becomes b.
func (c *odtConv) startPara(el xml.StartElement, b block) {
	c.inPara++
	if c.inPara == 1 {
		c.para = b
		c.emStack = append(c.emStack[:0], c.styleEmphasis(attr(el, "style-name")))
	}
}

// endPara closes a text:p or text:h.
func (c *odtConv) endPara() {
	c.inPara--
	if c.inPara == 0 {
		c.w.endParagraph(c.para)
		c.emStack = c.emStack[:0]
	}
}

// pushEmphasis opens a text:span, adding its style's emphasis to the enclosing one.
func (c *odtConv) pushEmphasis(el xml.StartElement) {
	c.emStack = append(c.emStack, c.em()|c.styleEmphasis(strings.TrimSpace(attr(el, "style-name"))))
}

// textNS is the namespace of OpenDocument's text elements.
const textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

// fontFace records a declared font that is fixed-pitch, for inline code.
func (c *odtConv) fontFace(el xml.StartElement) {
	if attr(el, "font-pitch") == "fixed" || isMonospace(attr(el, "font-family")) {
		c.fixed[attr(el, "name")] = true
	}
}

// link opens a hyperlink (text:a); draw:a, around a frame, is none of the text's.
func (c *odtConv) link(el xml.StartElement) {
	if el.Name.Space == textNS {
		c.w.startLink(attr(el, "href"))
	}
}

// openList opens a text:list. An outermost list that continues the numbering of the one
// before (text:continue-numbering) counts on from it.
func (c *odtConv) openList(el xml.StartElement) {
	n := listNum{}
	if len(c.lists) == 0 && attr(el, "continue-numbering") == "true" {
		n = c.lastCount
	}
	c.lists = append(c.lists, attr(el, "style-name"))
	c.counts = append(c.counts, n)
}

// closeList closes a text:list.
func (c *odtConv) closeList() {
	if len(c.lists) == 0 {
		return
	}
	c.lists = c.lists[:len(c.lists)-1]
	if len(c.counts) == 1 {
		c.lastCount = c.counts[0]
	}
	c.counts = c.counts[:len(c.counts)-1]
}

// itemNumber returns the number of the ordered list item just opened, and counts it: its own
// start value, else the next of its list, else its list style's first number, else 1.
func (c *odtConv) itemNumber() int {
	cnt := &c.counts[len(c.counts)-1]
	n := 1
	switch {
	case c.itemStart >= 0:
		n = c.itemStart
	case cnt.open:
		n = cnt.next
	default:
		if first, ok := c.starts[c.listStyleName()][len(c.lists)]; ok {
			n = first
		}
	}
	cnt.open, cnt.next = true, min(n+1, maxListNumber)
	return n
}

// listStyleName is the list style of the innermost list open: its own, else that of the
// nearest list around it that names one, as LibreOffice reads it.
func (c *odtConv) listStyleName() string {
	for i := len(c.lists) - 1; i >= 0; i-- {
		if c.lists[i] != "" {
			return c.lists[i]
		}
	}
	return ""
}

// odtNamedLists reads the named list styles of styles.xml (office:styles), which lists
// converted from Word follow, to tell numbered lists and where they start. Its automatic
// styles, those of headers and footers, are skipped: their names may be content.xml's too.
type odtNamedLists struct{ c *odtConv }

func (l *odtNamedLists) start(el xml.StartElement) bool {
	switch el.Name.Local {
	case "automatic-styles", "master-styles":
		return true
	case "list-style":
		l.c.listStyle = attr(el, "name")
	case "list-level-style-number":
		l.c.numberedLevel(el)
	}
	return false
}

func (l *odtNamedLists) end(el xml.EndElement) {
	if el.Name.Local == "list-style" {
		l.c.listStyle = ""
	}
}

func (l *odtNamedLists) text([]byte) {}
