package imports

import (
	"fmt"
	"net/url"
	"strings"
)

// maxLinkLen is the longest link target kept, in bytes: far above any web address a report
// cites; a longer one leaves its text alone.
const maxLinkLen = 4096

// linkSchemes are the schemes a link of an imported document may keep: the web and e-mail,
// as in the PDF and the word processors' exports (export.LinkTarget). A file, a script
// (javascript:), a network share and every other scheme leave the link's text alone.
var linkSchemes = map[string]bool{"http": true, "https": true, "mailto": true}

// linkTarget returns the address a link of an imported document keeps: an absolute http,
// https or mailto URL, its characters outside printable ASCII percent-encoded, the same rule
// as export.LinkTarget. Any other target (relative, a bookmark, another scheme, too long)
// gives "".
func linkTarget(raw string) string {
	raw = strings.TrimSpace(raw)
	if len(raw) > maxLinkLen {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || !linkSchemes[strings.ToLower(u.Scheme)] {
		return ""
	}
	if (u.Scheme == "mailto" && u.Opaque == "") || (u.Scheme != "mailto" && u.Host == "") {
		return ""
	}
	var b strings.Builder
	for _, c := range []byte(raw) {
		if c <= ' ' || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mdLink is the hyperlink being read in a paragraph.
type mdLink struct {
	open    bool
	target  string // a safe URL (linkTarget)
	at      int    // where its text starts in the paragraph's Markdown
	plainAt int    // where its text starts in the paragraph's plain text
	em      bool   // some of its text is bold, italic or code
}

// linkTextEscaper escapes text inside a link: brackets too, which would end its text.
var linkTextEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`)

// startLink opens a hyperlink to raw in the current paragraph. An open link is closed first:
// links do not nest. A target linkTarget refuses opens none, and the text stays text.
func (w *mdWriter) startLink(raw string) {
	w.endLink()
	target := linkTarget(raw)
	if target == "" {
		return
	}
	w.flushSeg()
	w.link = mdLink{open: true, target: target, at: w.line.Len(), plainAt: w.plain.Len()}
}

// endLink closes the open hyperlink, if any, writing its text as a Markdown link; the spaces
// around the text stay outside. A link without text is dropped.
func (w *mdWriter) endLink() {
	if !w.link.open {
		return
	}
	w.flushSeg()
	l := w.link
	w.link = mdLink{}
	content := string(w.line.Bytes()[l.at:])
	core := strings.TrimSpace(content)
	if core == "" {
		return
	}
	md := l.markdown(core, strings.TrimSpace(w.plain.String()[l.plainAt:]))
	if !w.take(len(md) - len(core)) {
		return
	}
	lead := content[:strings.Index(content, core)]
	trail := content[len(lead)+len(core):]
	w.line.Truncate(l.at)
	if lead == "" && md[0] == '[' && w.line.Len() > 0 && w.line.Bytes()[w.line.Len()-1] == '!' {
		w.line.Truncate(w.line.Len() - 1) // "![" would make an image of the link
		w.line.WriteString(`\!`)
	}
	w.line.WriteString(lead + md + trail)
}

// markdown writes a link whose Markdown text is core and plain text is plain: an address
// shown as itself becomes an autolink (<https://…>, <nom@exemple.fr>), any other a link
// [text](target).
func (l mdLink) markdown(core, plain string) string {
	if !l.em && !strings.ContainsAny(l.target, "<>") {
		switch {
		case plain == l.target:
			return "<" + l.target + ">"
		case "mailto:"+plain == l.target && isEmailAutolink(plain):
			return "<" + plain + ">"
		}
	}
	return "[" + core + "](" + linkDestination(l.target) + ")"
}

// linkDestination escapes a safe URL for a Markdown link destination: its parentheses,
// backslashes and angle brackets, and an ampersand that would start a character reference.
func linkDestination(target string) string {
	var b strings.Builder
	for i := range len(target) {
		c := target[i]
		switch {
		case strings.IndexByte(`()<>\`, c) >= 0:
			b.WriteByte('\\')
		case c == '&' && startsReference(target[i+1:]):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// startsReference reports whether s, just after an ampersand, would make it a character
// reference: a name or number, then a semicolon.
func startsReference(s string) bool {
	s = strings.TrimPrefix(s, "#")
	n := 0
	for n < len(s) && isAlnum(s[n]) {
		n++
	}
	return n > 0 && n < len(s) && s[n] == ';'
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isEmailAutolink reports whether s is an e-mail address Markdown reads between angle
// brackets: CommonMark's simple grammar, a local part and labels of letters, digits and
// hyphens.
func isEmailAutolink(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || domain == "" {
		return false
	}
	for i := range len(local) {
		if c := local[i]; !isAlnum(c) && !strings.ContainsRune(".!#$%&'*+/=?^_`{|}~-", rune(c)) {
			return false
		}
	}
	for _, label := range strings.Split(domain, ".") {
		if !isDomainLabel(label) {
			return false
		}
	}
	return true
}

// isDomainLabel reports whether s is a label of a domain name: letters, digits and inner
// hyphens, at most 63.
func isDomainLabel(s string) bool {
	if s == "" || len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := range len(s) {
		if !isAlnum(s[i]) && s[i] != '-' {
			return false
		}
	}
	return true
}
