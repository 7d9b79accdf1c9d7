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
	c.numbered[c.listStyle][attrInt(el, "level", 1, 1, 10)] = true
}

// styleEmphasis returns the emphasis of a text style: an automatic one, or the named styles
// Strong Emphasis and Emphasis.
func (c *odtConv) styleEmphasis(name string) emphasis {
	switch name {
	case "Strong_20_Emphasis":
		return bold
	case "Emphasis":
		return italic
	}
	return c.styles[name].em
}

// paraBlock tells what a text:p is: the title, a list item, or a paragraph.
func (c *odtConv) paraBlock(el xml.StartElement) block {
	style := attr(el, "style-name")
	if style == "Title" || c.styles[style].parent == "Title" {
		return block{kind: blockTitle}
	}
	if len(c.lists) == 0 {
		return block{kind: blockPara}
	}
	b := block{kind: blockItemMore, level: len(c.lists) - 1}
	if c.itemFresh {
		b.kind = blockItem
		c.itemFresh = false
	}
	for _, name := range c.lists {
		if name != "" {
			b.ordered = c.numbered[name][len(c.lists)]
			break
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
