package office

import (
	"fmt"
	"sort"
	"strings"
)

// odtBody writes content.xml: the text, and the automatic styles it needs (the looks of its
// runs, its lists and its tables).
type odtBody struct {
	d      *document
	b      strings.Builder
	looks  map[string]string // automatic text style name → its properties
	open   []*odtList        // the lists open, outermost first
	tables []*table          // the tables written, whose columns need styles

	listStyles []*odtListStyle // the styles of the outermost lists
}

// odtList is a list being written: which list, and whether an item of it is open.
type odtList struct {
	info     *listInfo
	itemOpen bool
	style    *odtListStyle // the list style it follows, its own or the one of the list around it
}

// odtListStyle is the automatic list style of an outermost list: whether each level is
// numbered, set by the first list written at that level.
type odtListStyle struct {
	name    string
	ordered [10]bool
	set     [10]bool
}

func newOdtBody(d *document) *odtBody { return &odtBody{d: d, looks: map[string]string{}} }

// paraNames are the paragraph styles of the blocks that have one of their own.
var odtParaNames = map[kind]string{
	kindPara: "Text_20_body", kindTitle: "Title", kindKicker: "Subtitle", kindField: "Rapporteur_20_Field",
	kindItem: "Rapporteur_20_List", kindItemMore: "Rapporteur_20_List", kindQuote: "Quotations",
	kindCode: "Preformatted_20_Text", kindRule: "Rapporteur_20_Rule", kindNote: "Rapporteur_20_Note",
}

// document writes every block, lists nested in the items they belong to.
func (x *odtBody) document() {
	for _, bl := range x.d.blocks {
		x.block(bl)
	}
	x.closeLists(0)
}

func (x *odtBody) block(bl block) {
	switch {
	case bl.kind == kindItem:
		x.item(bl)
	case (bl.kind == kindItemMore || bl.inItem) && bl.kind != kindTable && len(x.open) > 0:
		x.closeLists(bl.level + 1)
	default:
		x.closeLists(0)
	}
	switch bl.kind {
	case kindTable:
		x.table(bl.table)
	case kindHeading:
		l := min(max(bl.level, 1), 6)
		fmt.Fprintf(&x.b, `<text:h text:style-name="Heading_20_%d" text:outline-level="%d">`, l, l)
		x.runs(bl.inlines)
		x.b.WriteString(`</text:h>`)
	default:
		x.para(odtParaNames[bl.kind], bl.inlines)
	}
}

// item opens the list item a list's item paragraph starts: the lists deeper than it are
// closed, its list opened when it is not the one open at its depth.
func (x *odtBody) item(bl block) {
	depth := min(bl.list.depth, len(x.open))
	x.closeLists(depth + 1)
	if depth < len(x.open) && x.open[depth].info != bl.list {
		x.closeLists(depth)
	}
	if depth == len(x.open) {
		x.openList(bl.list)
	}
	top := x.open[len(x.open)-1]
	if top.itemOpen {
		x.b.WriteString(`</text:list-item>`)
	}
	x.b.WriteString(`<text:list-item`)
	if !top.itemOpen && bl.list.ordered && bl.list.start != 1 {
		fmt.Fprintf(&x.b, ` text:start-value="%d"`, bl.list.start)
	}
	x.b.WriteString(`>`)
	top.itemOpen = true
}

// openList opens a list inside the item open at the depth above, or at the top. A nested list
// follows the list style of the list around it; one whose kind differs from the kind that
// style gives its level (a bulleted list where a numbered one came first) gets a style of its
// own.
func (x *odtBody) openList(info *listInfo) {
	level := min(len(x.open), 9) // from 0
	l := &odtList{info: info}
	if len(x.open) == 0 {
		l.style = x.newListStyle(fmt.Sprintf("L%d", info.id), nil)
	} else {
		l.style = x.open[len(x.open)-1].style
	}
	named := len(x.open) == 0
	if l.style.set[level] && l.style.ordered[level] != info.ordered {
		l.style = x.newListStyle(fmt.Sprintf("%s.%d", x.open[0].style.name, len(x.listStyles)), l.style)
		l.style.set[level] = false
		named = true
	}
	if !l.style.set[level] {
		l.style.set[level], l.style.ordered[level] = true, info.ordered
	}
	if named {
		x.b.WriteString(`<text:list text:style-name="` + l.style.name + `">`)
	} else {
		x.b.WriteString(`<text:list>`)
	}
	x.open = append(x.open, l)
}

// newListStyle makes an automatic list style, a copy of like when it is not nil.
func (x *odtBody) newListStyle(name string, like *odtListStyle) *odtListStyle {
	s := &odtListStyle{name: name}
	if like != nil {
		s.ordered, s.set = like.ordered, like.set
	}
	x.listStyles = append(x.listStyles, s)
	return s
}

// closeLists closes the lists from depth keep on, their open items with them.
func (x *odtBody) closeLists(keep int) {
	for len(x.open) > keep {
		l := x.open[len(x.open)-1]
		if l.itemOpen {
			x.b.WriteString(`</text:list-item>`)
		}
		x.b.WriteString(`</text:list>`)
		x.open = x.open[:len(x.open)-1]
	}
}

// para writes a paragraph in style.
func (x *odtBody) para(style string, ins []inline) {
	x.b.WriteString(`<text:p text:style-name="` + style + `">`)
	x.runs(ins)
	x.b.WriteString(`</text:p>`)
}

// runs writes inline text: a link's runs inside its hyperlink, each look in a span of an
// automatic style.
func (x *odtBody) runs(ins []inline) {
	eachLink(ins, x.run, func(link string, group []inline) {
		x.b.WriteString(`<text:a xlink:type="simple" xlink:href="` + esc(link) + `" text:style-name="Internet_20_link">`)
		for _, in := range group {
			x.run(in)
		}
		x.b.WriteString(`</text:a>`)
	})
}

// run writes one run of text, in a span when it has a look of its own.
func (x *odtBody) run(in inline) {
	switch {
	case in.lineBreak:
		x.b.WriteString(`<text:line-break/>`)
		return
	case in.tab:
		x.b.WriteString(`<text:tab/>`)
		return
	}
	name := x.look(in)
	if name != "" {
		x.b.WriteString(`<text:span text:style-name="` + name + `">`)
	}
	x.b.WriteString(odtText(in.text))
	if name != "" {
		x.b.WriteString(`</text:span>`)
	}
}

// look names the automatic text style of a run's look, defining it on first use, or gives
// "" for plain text.
func (x *odtBody) look(in inline) string {
	name, props := "T", ""
	for _, f := range []struct {
		on          bool
		mark, props string
	}{
		{in.bold, "b", `fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"`},
		{in.italic, "i", `fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"`},
		{in.code, "c", `style:font-name="` + codeFont + `" fo:background-color="#` + colourCode + `"`},
		{in.strike, "s", `style:text-line-through-style="solid" style:text-line-through-type="single"`},
	} {
		if f.on {
			name += f.mark
			props += " " + f.props
		}
	}
	if props == "" {
		return ""
	}
	x.looks[name] = props
	return name
}

// odtText writes cleaned text with its spaces, tabs and line breaks as OpenDocument
// elements: XML white space is not significant there.
func odtText(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	start := true // at the start of the text, or after a tab or a line break
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' {
			j++
		}
		if j > i {
			b.WriteString(esc(s[i:j]))
			start = false
		}
		if j == len(s) {
			break
		}
		switch s[j] {
		case '\t':
			b.WriteString(`<text:tab/>`)
			j++
			start = true
		case '\n':
			b.WriteString(`<text:line-break/>`)
			j++
			start = true
		default:
			k := j
			for k < len(s) && s[k] == ' ' {
				k++
			}
			b.WriteString(odtSpaces(k-j, start))
			j, start = k, false
		}
		i = j
	}
	return b.String()
}

// odtSpaces writes n spaces: one ordinary space and the rest as text:s, or all as text:s
// where an ordinary space would be dropped (at the start).
func odtSpaces(n int, start bool) string {
	switch {
	case start:
		return fmt.Sprintf(`<text:s text:c="%d"/>`, n)
	case n == 1:
		return " "
	}
	return fmt.Sprintf(` <text:s text:c="%d"/>`, n-1)
}

// sortedKeys returns the keys of m in order, for a stable document.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
