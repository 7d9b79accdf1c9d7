package imports

import (
	"encoding/xml"
	"strings"
)

// Bounds on what a Word document's links may make the importer hold.
const (
	// maxRels is the most hyperlink relationships read; a report cites a few hundred links
	// at most. Those past it leave their links' text alone.
	maxRels = 20_000
	// maxFields is the deepest nesting of fields followed; deeper fields keep their result
	// text without their link.
	maxFields = 16
	// maxInstr is the longest field instruction read, in bytes; the rest is ignored.
	maxInstr = maxLinkLen + 256
)

// docxRels reads word/_rels/document.xml.rels for the targets of the hyperlinks that open
// outside the document.
type docxRels struct{ links map[string]string } // relationship id → target

func (r *docxRels) start(el xml.StartElement) bool {
	if el.Name.Local == "Relationship" && len(r.links) < maxRels &&
		strings.HasSuffix(attr(el, "Type"), "/hyperlink") && strings.EqualFold(attr(el, "TargetMode"), "External") {
		r.links[attr(el, "Id")] = attr(el, "Target")
	}
	return false
}
func (r *docxRels) end(xml.EndElement) {}
func (r *docxRels) text([]byte)        {}

// docxField is a field being read: its instruction, and whether its result is a link.
type docxField struct {
	instr strings.Builder
	long  bool // the instruction is longer than maxInstr and is not read
	link  bool
}

// hyperlink opens the link of a w:hyperlink: an external one through its relationship; one
// to a bookmark of the document (w:anchor) keeps its text alone.
func (c *docxConv) hyperlink(el xml.StartElement) {
	c.w.startLink(c.rels[attr(el, "id")])
}

// fieldChar follows the complex fields (w:fldChar): their instruction is read between begin
// and separate, and the result of a HYPERLINK field, between separate and end, is its link.
func (c *docxConv) fieldChar(el xml.StartElement) {
	switch attr(el, "fldCharType") {
	case "begin":
		c.pushField("")
	case "separate":
		if f := c.topField(); f != nil && !f.link && !f.long {
			f.link = c.fieldLink(f.instr.String())
		}
	case "end":
		c.popField()
	}
}

// simpleField opens a w:fldSimple, whose instruction is an attribute and result its content.
func (c *docxConv) simpleField(el xml.StartElement) {
	c.pushField(attr(el, "instr"))
	if f := c.topField(); f != nil && !f.long {
		f.link = c.fieldLink(f.instr.String())
	}
}

// fieldLink opens the link of a HYPERLINK field instruction and reports whether it did.
func (c *docxConv) fieldLink(instr string) bool {
	target := hyperlinkField(instr)
	if linkTarget(target) == "" {
		return false
	}
	c.w.startLink(target)
	return true
}

func (c *docxConv) pushField(instr string) {
	if len(c.fields) >= maxFields {
		c.deepFields++
		return
	}
	c.fields = append(c.fields, &docxField{})
	c.fieldText([]byte(instr))
}

// topField returns the innermost field followed, or nil when there is none or it is too deep.
func (c *docxConv) topField() *docxField {
	if c.deepFields > 0 || len(c.fields) == 0 {
		return nil
	}
	return c.fields[len(c.fields)-1]
}

func (c *docxConv) popField() {
	if c.deepFields > 0 {
		c.deepFields--
		return
	}
	if len(c.fields) == 0 {
		return
	}
	if c.fields[len(c.fields)-1].link {
		c.w.endLink()
	}
	c.fields = c.fields[:len(c.fields)-1]
}

// fieldText adds to the instruction of the innermost field; one longer than maxInstr bytes
// is not read.
func (c *docxConv) fieldText(data []byte) {
	f := c.topField()
	if f == nil || f.long {
		return
	}
	if f.instr.Len()+len(data) > maxInstr {
		f.long = true
		f.instr.Reset()
		return
	}
	f.instr.Write(data)
}

// hyperlinkField returns the target of a field instruction « HYPERLINK "https://…" », or ""
// for any other field and for a link to a bookmark (\l).
func hyperlinkField(instr string) string {
	args := fieldArgs(instr)
	if len(args) < 2 || !strings.EqualFold(args[0], "HYPERLINK") || strings.HasPrefix(args[1], `\`) {
		return ""
	}
	return args[1]
}

// fieldArgs splits a field instruction into its words, a quoted one without its quotes. Only
// the first three are needed.
func fieldArgs(instr string) []string {
	var args []string
	s := strings.TrimSpace(instr)
	for s != "" && len(args) < 3 {
		var arg string
		if rest, ok := strings.CutPrefix(s, `"`); ok {
			arg, s, _ = strings.Cut(rest, `"`)
		} else {
			i := strings.IndexAny(s, " \t\r\n")
			if i < 0 {
				i = len(s)
			}
			arg, s = s[:i], s[i:]
		}
		args = append(args, arg)
		s = strings.TrimSpace(s)
	}
	return args
}

// monospaceFonts are the fixed-pitch fonts that make a run inline code in a document.
var monospaceFonts = map[string]bool{
	"courier": true, "courier new": true, "consolas": true, "lucida console": true, "menlo": true,
	"monaco": true, "andale mono": true, "source code pro": true, "inconsolata": true, "fira code": true,
	"cascadia code": true, "cascadia mono": true, "jetbrains mono": true, "sf mono": true,
}

// isMonospace reports whether a font family name is a fixed-pitch font: a known one, or one
// named « … Mono » (Liberation Mono, DejaVu Sans Mono, Noto Mono, Roboto Mono…).
func isMonospace(family string) bool {
	f := strings.ToLower(strings.Trim(strings.TrimSpace(family), `'"`))
	return monospaceFonts[f] || strings.HasSuffix(f, " mono")
}
