package imports

import "encoding/xml"

// docxLists reads word/numbering.xml to tell, for each list and level, whether it is
// numbered or bulleted.
type docxLists struct {
	abstractOf map[string]string       // w:numId → w:abstractNumId
	numbered   map[string]map[int]bool // w:abstractNumId → level → numbered
	abstract   string                  // the w:abstractNum being read
	num        string                  // the w:num being read
	level      int                     // the w:lvl being read
}

func newDocxLists() *docxLists {
	return &docxLists{abstractOf: map[string]string{}, numbered: map[string]map[int]bool{}}
}

// ordered reports whether level ilvl of list numID is numbered; unknown lists are bulleted.
func (l *docxLists) ordered(numID string, ilvl int) bool {
	return l.numbered[l.abstractOf[numID]][ilvl]
}

func (l *docxLists) start(el xml.StartElement) bool {
	if !isWord(el.Name) {
		return false
	}
	switch el.Name.Local {
	case "abstractNum":
		l.abstract, l.num = attr(el, "abstractNumId"), ""
		if l.numbered[l.abstract] == nil {
			l.numbered[l.abstract] = map[int]bool{}
		}
	case "lvl":
		l.level = attrInt(el, "ilvl", 0, 0, 8)
	case "numFmt":
		if l.abstract != "" {
			f := attr(el, "val")
			l.numbered[l.abstract][l.level] = f != "bullet" && f != "none" && f != ""
		}
	case "num":
		l.num, l.abstract = attr(el, "numId"), ""
	case "abstractNumId":
		if l.num != "" {
			l.abstractOf[l.num] = attr(el, "val")
		}
	}
	return false
}

func (l *docxLists) end(el xml.EndElement) {
	if el.Name.Local == "abstractNum" || el.Name.Local == "num" {
		l.abstract, l.num = "", ""
	}
}

func (l *docxLists) text([]byte) {}
