package imports

import "encoding/xml"

// docxLists reads word/numbering.xml to tell, for each list and level, whether it is
// numbered or bulleted and where it starts, and counts the items of each list.
type docxLists struct {
	abstractOf map[string]string       // w:numId → w:abstractNumId
	numbered   map[string]map[int]bool // w:abstractNumId → level → numbered
	starts     map[string]map[int]int  // w:abstractNumId → level → first number
	overrides  map[string]map[int]int  // w:numId → level → first number (w:startOverride)
	counts     map[string]*docxCount   // w:numId → the numbers given so far
	abstract   string                  // the w:abstractNum being read
	num        string                  // the w:num being read
	level      int                     // the w:lvl or w:lvlOverride being read
}

// docxCount is the last number given at each level of a list.
type docxCount struct {
	n       [9]int
	started [9]bool
}

func newDocxLists() *docxLists {
	return &docxLists{abstractOf: map[string]string{}, numbered: map[string]map[int]bool{},
		starts: map[string]map[int]int{}, overrides: map[string]map[int]int{}, counts: map[string]*docxCount{}}
}

// ordered reports whether level ilvl of list numID is numbered; unknown lists are bulleted.
func (l *docxLists) ordered(numID string, ilvl int) bool {
	return l.numbered[l.abstractOf[numID]][ilvl]
}

// next returns the number Word shows for the next item at level ilvl of list numID: each
// list counts on its own from its first number, and an item starts its deeper levels again.
func (l *docxLists) next(numID string, ilvl int) int {
	c := l.counts[numID]
	if c == nil {
		c = &docxCount{}
		l.counts[numID] = c
	}
	ilvl = min(max(ilvl, 0), len(c.n)-1)
	if c.started[ilvl] {
		c.n[ilvl] = min(c.n[ilvl]+1, maxListNumber)
	} else {
		c.n[ilvl], c.started[ilvl] = l.first(numID, ilvl), true
	}
	for i := ilvl + 1; i < len(c.started); i++ {
		c.started[i] = false
	}
	return c.n[ilvl]
}

// first is the first number of level ilvl of list numID: its override, else its definition's
// start, else 1.
func (l *docxLists) first(numID string, ilvl int) int {
	if n, ok := l.overrides[numID][ilvl]; ok {
		return n
	}
	if n, ok := l.starts[l.abstractOf[numID]][ilvl]; ok {
		return n
	}
	return 1
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
	case "lvl", "lvlOverride":
		l.level = attrInt(el, "ilvl", 0, 0, 8)
	case "numFmt":
		if l.abstract != "" {
			f := attr(el, "val")
			l.numbered[l.abstract][l.level] = f != "bullet" && f != "none" && f != ""
		}
	case "start", "startOverride":
		l.setStart(attrInt(el, "val", 1, 0, maxListNumber))
	case "num":
		l.num, l.abstract = attr(el, "numId"), ""
	case "abstractNumId":
		if l.num != "" {
			l.abstractOf[l.num] = attr(el, "val")
		}
	}
	return false
}

// setStart records the first number of the level being read: a definition's (w:start) or a
// list's override (w:startOverride, or w:start in a w:lvlOverride).
func (l *docxLists) setStart(n int) {
	key, m := l.abstract, l.starts
	if key == "" {
		key, m = l.num, l.overrides
	}
	if key == "" {
		return
	}
	if m[key] == nil {
		m[key] = map[int]int{}
	}
	m[key][l.level] = n
}

func (l *docxLists) end(el xml.EndElement) {
	if el.Name.Local == "abstractNum" || el.Name.Local == "num" {
		l.abstract, l.num = "", ""
	}
}

func (l *docxLists) text([]byte) {}
