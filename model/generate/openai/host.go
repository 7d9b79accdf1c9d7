package openai

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/internal/wire"
)

// defaultPath is the API's path when a host is given without one.
const defaultPath = "/v1"

// NormalizeHost reads the base URL of an OpenAI-compatible server and returns it as the SDK
// is given it: "scheme://host[:port]/path", the path kept ("http://127.0.0.1:8000/v1" stays),
// "/v1" when there is none, the trailing slash dropped. A host without scheme is http
// ("localhost:8080" gives "http://localhost:8080/v1"); http and https are allowed; the
// default port of the scheme is left out. The unspecified addresses 0.0.0.0 and :: (where a
// server listens) become 127.0.0.1, where a client connects. A user name or password, a query
// or a fragment are refused: a key belongs in the key setting, not in the address. Anything
// unreadable, or empty, is a *generate.Error with CodeBadHost.
func NormalizeHost(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", badHost(s, "no address")
	}
	scheme, rest, hasScheme := strings.Cut(s, "://")
	scheme = strings.ToLower(scheme)
	switch {
	case !hasScheme:
		scheme, rest = "http", s
	case scheme != "http" && scheme != "https":
		return "", badHost(s, "scheme must be http or https")
	}
	if strings.ContainsAny(rest, "@?#") {
		return "", badHost(s, "no user, password, query nor fragment may be part of the address")
	}
	hostport, path, _ := strings.Cut(rest, "/")
	host, port, err := splitHost(hostport, scheme)
	if err != nil {
		return "", badHost(s, err.Error())
	}
	if !wire.ValidPath(path) {
		return "", badHost(s, "the path may hold only letters, digits, '-', '.', '_' and '/'")
	}
	path = strings.TrimRight("/"+path, "/")
	if path == "" {
		path = defaultPath
	}
	u := url.URL{Scheme: scheme, Host: host, Path: path}
	if port != "" {
		u.Host = net.JoinHostPort(host, port)
	}
	return u.String(), nil
}

// splitHost separates host and port (empty when it is the scheme's default) and checks both.
func splitHost(hostport, scheme string) (host, port string, err error) {
	host = hostport
	if h, p, err := net.SplitHostPort(hostport); err == nil {
		host, port = h, p
	}
	host = strings.Trim(host, "[]")
	if port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return "", "", fmt.Errorf("invalid port %q", port)
		}
		if scheme == "http" && port == "80" || scheme == "https" && port == "443" {
			port = ""
		}
	}
	if ip := net.ParseIP(host); ip != nil {
		if ip.IsUnspecified() {
			return "127.0.0.1", port, nil
		}
		return ip.String(), port, nil
	}
	if host == "" || !wire.ValidHostname(host) {
		return "", "", fmt.Errorf("invalid host name %q", host)
	}
	return strings.ToLower(host), port, nil
}

func badHost(s, why string) error {
	return &generate.Error{Code: generate.CodeBadHost, Err: fmt.Errorf("host %q: %s", s, why)}
}

// serverRoot is the server's root, where llama.cpp answers /props and vLLM /version: the base
// URL without its final "/v1".
func serverRoot(base string) string {
	return strings.TrimSuffix(base, defaultPath)
}
