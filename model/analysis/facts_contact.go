package analysis

import (
	"strings"
	"unicode/utf8"
)

// E-mails, URLs and phone numbers.
//
//   - e-mails: name@domain.tld (letters, digits and . _ % + - before the @);
//   - URLs: anything from http://, https:// or www. up to a space, a quote, an angle bracket or
//     an unbalanced closing parenthesis, without final punctuation; bare domains with a
//     common top-level domain (saint-aubin.fr, decidim.org/processes) too;
//   - phone numbers: 9 to 15 digits in groups separated by one space, no-break space, dot or
//     hyphen: French 01 23 45 67 89, 06.12.34.56.78, 0123456789, +33 1 23 45 67 89,
//     +33 (0)1 23 45 67 89; UK 020 7946 0958, +44 20 7946 0958; North American (555) 123-4567,
//     555-123-4567, +1 555 123 4567. A number not starting with 0, + or ( must be grouped
//     3-3-4, so that 480 000 000 stays a number.

var topLevelDomains = wordSet("fr com org net eu io be ch ca uk info lu de it co app dev gov edu")

// contacts returns the e-mails and URLs of text, in order.
func contacts(text string) []Fact {
	var out []Fact
	for i := 0; i < len(text); {
		if i > 0 && isHostByte(text[i-1]) {
			i++
			continue
		}
		f, end := contactAt(text, i)
		if f.Kind != "" {
			out = append(out, f)
		}
		i = max(end, i+1)
	}
	return out
}

func isHostByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_' || c == '%' || c == '+' || c == '@' || c == '/' || c == ':'
}

// contactAt reads an e-mail or a URL starting at i; end is where scanning may resume.
func contactAt(text string, i int) (Fact, int) {
	if hasScheme(text, i) {
		return schemeURL(text, i)
	}
	j, dot := i, false
	for j < len(text) && isHostByte(text[j]) && text[j] != '@' && text[j] != '/' && text[j] != ':' {
		dot = dot || text[j] == '.'
		j++
	}
	switch {
	case j == i:
		return Fact{}, i + 1
	case j < len(text) && text[j] == '@':
		return email(text, i, j)
	case !dot:
		return Fact{}, j // no domain
	}
	return bareDomain(text, i, j)
}

// hasScheme reports "http://", "https://" or "www." at i.
func hasScheme(text string, i int) bool {
	c := text[i] | 0x20
	return (c == 'h' || c == 'w') && (hasPrefixFold(text[i:], "http://") || hasPrefixFold(text[i:], "https://") || hasPrefixFold(text[i:], "www."))
}

// email reads an e-mail address whose @ is at j.
func email(text string, i, j int) (Fact, int) {
	if end := domainEnd(text, j+1); end > j+1 {
		return contactFact(FactEmail, text, i, end), end
	}
	return Fact{}, j + 1
}

// schemeURL reads a URL starting with a scheme or "www." at i.
func schemeURL(text string, i int) (Fact, int) {
	end := urlEnd(text, i)
	if f := contactFact(FactURL, text, i, end); strings.Contains(f.Norm, ".") {
		return f, end
	}
	return Fact{}, end
}

// bareDomain reads a domain with a known top-level domain in text[i:j], and its path.
func bareDomain(text string, i, j int) (Fact, int) {
	host := strings.TrimRight(text[i:j], ".-")
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || !topLevelDomains[strings.ToLower(host[dot+1:])] || !isLetterByte(host[0]) || strings.Contains(host, "..") {
		return Fact{}, j
	}
	end := i + len(host)
	if end < len(text) && text[end] == '/' {
		end = urlEnd(text, i)
	}
	return contactFact(FactURL, text, i, end), end
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case; prefix is in lower case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// domainEnd returns the end of the domain of an e-mail starting at i, or i when there is none.
func domainEnd(text string, i int) int {
	j := i
	for j < len(text) && (isLetterByte(text[j]) || text[j] >= '0' && text[j] <= '9' || text[j] == '.' || text[j] == '-') {
		j++
	}
	domain := strings.TrimRight(text[i:j], ".-")
	dot := strings.LastIndexByte(domain, '.')
	if dot <= 0 || len(domain)-dot-1 < 2 || strings.Trim(domain[dot+1:], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return i
	}
	return i + len(domain)
}

// urlEnd returns the end of a URL starting at i.
func urlEnd(text string, i int) int {
	j, depth := i, 0
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if r <= ' ' || strings.ContainsRune("<>\"«»“”‘’`|\u00a0\u202f", r) || (r == ')' && depth == 0) || (r == ']' && depth == 0) {
			break
		}
		if r == '(' {
			depth++
		} else if r == ')' {
			depth--
		}
		j += size
	}
	for j > i && strings.IndexByte(".,;:!?'*_", text[j-1]) >= 0 {
		j--
	}
	return j
}

func contactFact(kind FactKind, text string, s, e int) Fact {
	t := text[s:e]
	norm := strings.ToLower(t)
	if kind == FactURL {
		for _, prefix := range []string{"https://", "http://", "www."} {
			norm = strings.TrimPrefix(norm, prefix)
		}
		norm = strings.TrimSuffix(norm, "/")
	}
	return Fact{Kind: kind, Text: t, Norm: norm, Start: s, End: e}
}

// phoneScan is a run of digit groups read as a possible phone number.
type phoneScan struct {
	end    int
	digits []byte
	groups []int // digits per group
	seps   string
	plus   bool
	paren  bool // starts with (

	buf      [24]byte
	groupBuf [12]int
}

// scanPhone reads digit groups from i.
func scanPhone(text string, i int) phoneScan {
	ps := phoneScan{end: i}
	ps.digits = ps.buf[:0]
	ps.groups = ps.groupBuf[:0]
	j := i
	if text[j] == '+' {
		ps.plus = true
		j++
	}
	ps.paren = j < len(text) && text[j] == '('
	for len(ps.digits) <= 15 && len(ps.groups) < len(ps.groupBuf) {
		k, zero := groupAt(text, j, &ps)
		if k == j {
			break
		}
		ps.end = k
		if zero {
			ps.digits = ps.digits[:len(ps.digits)-1] // +33 (0)1: the national 0
		}
		sep, ok := phoneSep(text, k)
		if !ok {
			break
		}
		ps.seps += text[k : k+sep]
		j = k + sep
	}
	return ps
}

// groupAt reads one group of digits, or (digits), at j; zero reports "(0)".
func groupAt(text string, j int, ps *phoneScan) (int, bool) {
	open := j < len(text) && text[j] == '('
	k := j
	if open {
		k++
	}
	start := k
	for k < len(text) && text[k] >= '0' && text[k] <= '9' {
		k++
	}
	if k == start || (open && (k >= len(text) || text[k] != ')')) {
		return j, false
	}
	ps.digits = append(ps.digits, text[start:k]...)
	ps.groups = append(ps.groups, k-start)
	if open {
		return k + 1, text[start:k] == "0" && len(ps.groups) > 1
	}
	return k, false
}

// phoneSep returns the length of a separator at k followed by a digit or "(" (0 for a glued
// "(", or for a digit after ")").
func phoneSep(text string, k int) (int, bool) {
	if k >= len(text) {
		return 0, false
	}
	if text[k] == '(' || (text[k] >= '0' && text[k] <= '9' && k > 0 && text[k-1] == ')') {
		return 0, true
	}
	n := sepLen(text[k:])
	ok := n > 0 && k+n < len(text) && (text[k+n] >= '0' && text[k+n] <= '9' || text[k+n] == '(')
	return n, ok
}

// sepLen returns the length of a space, no-break space, dot or hyphen at the start of s, or 0.
func sepLen(s string) int {
	switch {
	case s[0] == ' ' || s[0] == '.' || s[0] == '-':
		return 1
	case strings.HasPrefix(s, "\u00a0"):
		return 2
	case strings.HasPrefix(s, "\u202f"):
		return 3
	}
	return 0
}

// valid reports whether the groups look like a phone number rather than a number or a date.
func (ps *phoneScan) valid(text string) bool {
	n := len(ps.digits)
	if n < 9 || n > 15 || gluedAfter(text, ps.end) {
		return false
	}
	switch {
	case ps.plus:
		return n >= 10
	case ps.paren || ps.digits[0] == '0':
		return len(ps.groups) >= 2 || n == 10
	}
	return len(ps.groups) == 3 && ps.groups[0] == 3 && ps.groups[1] == 3 && ps.groups[2] == 4 &&
		!strings.ContainsAny(ps.seps, " \u00a0\u202f")
}

// gluedAfter reports a letter, digit or address character right after a number.
func gluedAfter(text string, end int) bool {
	return end < len(text) && isHostByte(text[end]) && text[end] != '.' && text[end] != '-'
}

// phone reads a phone number at token i.
func (p *factParser) phone(i int) (match, bool) {
	t := p.toks[i]
	c := p.text[t.s]
	if c != '+' && c != '(' && (c < '0' || c > '9') || (i > 0 && t.gap == gapNone && p.toks[i-1].kind == tkWord) {
		return match{}, false
	}
	ps := scanPhone(p.text, t.s)
	if !ps.valid(p.text) {
		return match{}, false
	}
	norm := string(ps.digits)
	if ps.plus {
		if rest, ok := strings.CutPrefix(norm, "33"); ok {
			norm = "0" + rest
		} else {
			norm = "+" + norm
		}
	}
	end := p.after(i, ps.end)
	if p.toks[end-1].e != ps.end {
		return match{}, false
	}
	return p.fact(FactPhone, i, end, norm), true
}
