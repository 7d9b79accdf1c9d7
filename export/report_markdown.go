package export

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// inlineState is the look inline text inherits from the nodes around it.
type inlineState struct {
	bold, italic, code bool
	strike             bool
	link               string
	c                  rgb
}

// inlines collects the inline content of n as spans in the body type.
func (d *reportDoc) inlines(n ast.Node, src []byte, c rgb) []span {
	return d.collect(n, src, inlineState{c: c}, nil)
}

func (d *reportDoc) collect(n ast.Node, src []byte, s inlineState, out []span) []span {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = d.inline(c, src, s, out)
	}
	return out
}

// inline adds the spans of one inline node.
func (d *reportDoc) inline(n ast.Node, src []byte, s inlineState, out []span) []span {
	switch n := n.(type) {
	case *ast.Text:
		out = d.addText(out, s, n.Segment.Value(src))
		if n.HardLineBreak() {
			out = append(out, span{text: hardBreak})
		} else if n.SoftLineBreak() {
			out = d.addText(out, s, []byte(" "))
		}
		return out
	case *ast.String:
		return d.addText(out, s, n.Value)
	case *ast.Emphasis:
		s.bold = s.bold || n.Level >= 2
		s.italic = s.italic || n.Level == 1
	case *ast.CodeSpan:
		s.code = true
	case *east.Strikethrough:
		s.strike = true
	case *ast.Link:
		return d.link(n, src, s, out)
	case *ast.AutoLink:
		if uri := pdfURI(autoLinkURL(n, src)); uri != "" {
			s.link, s.c = uri, repLink
		}
		return d.addText(out, s, n.Label(src))
	case *east.TaskCheckBox:
		return d.addText(out, s, []byte(map[bool]string{true: "[x] ", false: "[ ] "}[n.IsChecked]))
	}
	return d.collect(n, src, s, out)
}

// autoLinkURL is the target of a bare URL or e-mail address.
func autoLinkURL(n *ast.AutoLink, src []byte) string {
	url := string(n.URL(src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(url, "mailto:") {
		return "mailto:" + url
	}
	return url
}

// link adds the spans of a link written [text](target). A target a reader may safely follow
// from a PDF (see pdfURI) makes the text clickable and is shown after it, « text (target) »,
// so that nobody clicks an address they cannot see; any other target (a file, a script, a
// share, a relative path) leaves the text plain, not clickable.
func (d *reportDoc) link(n *ast.Link, src []byte, s inlineState, out []span) []span {
	uri := pdfURI(string(n.Destination))
	if uri == "" {
		return d.collect(n, src, s, out)
	}
	s.link, s.c = uri, repLink
	start := len(out)
	out = d.collect(n, src, s, out)
	var label strings.Builder
	for _, sp := range out[start:] {
		label.WriteString(sp.text)
	}
	shown := strings.TrimSpace(string(n.Destination))
	if u, ok := strings.CutPrefix(shown, "mailto:"); ok {
		shown = u
	}
	if l := strings.TrimSpace(label.String()); l == shown || l == uri {
		return out
	}
	return append(out, span{text: " (" + shown + ")", st: s.style(), c: s.c, link: uri, strike: s.strike})
}

// linkSchemes are the schemes a PDF link may have: the web and e-mail. A file, a script
// (javascript:), inline data, a network share (smb:), a program (launch:) and every other
// scheme stay text.
var linkSchemes = map[string]bool{"http": true, "https": true, "mailto": true}

// pdfURI makes an absolute http, https or mailto URL fit for a PDF link: characters outside
// printable ASCII are percent-encoded. Any other URL gives "": a relative one (« #suite »,
// « page.html ») would lead nowhere from a PDF, and the other schemes could open a file, run
// a script or a program, or reach a share, so their text is set as ordinary text.
func pdfURI(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || !linkSchemes[strings.ToLower(u.Scheme)] {
		return ""
	}
	if (u.Scheme == "mailto" && u.Opaque == "") || (u.Scheme != "mailto" && u.Host == "") {
		return ""
	}
	var b strings.Builder
	for _, c := range []byte(strings.TrimSpace(raw)) {
		if c <= ' ' || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// addText adds raw Markdown text as a span: escapes and entities resolved outside code.
func (d *reportDoc) addText(out []span, s inlineState, raw []byte) []span {
	t := string(raw)
	if !s.code && strings.ContainsAny(t, `\&`) {
		t = string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(raw))))
		t = strings.ReplaceAll(cleanText(t, d.fs), "\n", " ")
	}
	return append(out, span{text: t, st: s.style(), c: s.c, link: s.link, code: s.code, strike: s.strike})
}

// style is the body type in the state's weight, slant and size.
func (s inlineState) style() style {
	st := repBody
	switch {
	case s.bold:
		st.face = "B"
	case s.italic:
		st.face = "I"
	}
	if s.code {
		st.size = repCode.size
	}
	return st
}
