package wire

import "strings"

// ValidHostname reports whether h is made of ASCII letters, digits, dots, hyphens and
// underscores, at most 253 of them, not starting with a dot or a hyphen.
func ValidHostname(h string) bool {
	if len(h) > 253 || strings.HasPrefix(h, ".") || strings.HasPrefix(h, "-") {
		return false
	}
	return strings.IndexFunc(h, func(r rune) bool { return !hostRune(r) }) < 0
}

// ValidPath reports whether a URL path needs no escaping: host name characters and slashes.
func ValidPath(p string) bool {
	return strings.IndexFunc(p, func(r rune) bool { return r != '/' && !hostRune(r) }) < 0
}

func hostRune(r rune) bool {
	return r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}
