package ollama

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/internal/wire"
)

// DefaultHost is where Ollama listens when nothing else is configured.
const DefaultHost = "http://127.0.0.1:11434"

// defaultPort is Ollama's port when a host is given without scheme nor port.
const defaultPort = "11434"

// HostFromEnv returns the OLLAMA_HOST environment variable normalised by NormalizeHost, or
// DefaultHost when it is unset or unreadable.
func HostFromEnv() string {
	h, err := NormalizeHost(os.Getenv("OLLAMA_HOST"))
	if err != nil {
		return DefaultHost
	}
	return h
}

// NormalizeHost reads a host the way Ollama reads OLLAMA_HOST and returns it as
// "scheme://host:port" (plus a path prefix, without trailing slash, when one is given, as for a
// reverse proxy). It accepts "0.0.0.0", ":11434", "host", "host:port", "http://host",
// "https://host:port/". Like Ollama, a host without scheme is http on port 11434, while
// "http://host" means port 80 and "https://host" port 443. The unspecified addresses 0.0.0.0
// and :: (where a server listens) become 127.0.0.1, where a client connects. An empty string
// gives DefaultHost. Anything else unreadable is a *generate.Error with CodeBadHost.
func NormalizeHost(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return DefaultHost, nil
	}
	scheme, rest, hasScheme := strings.Cut(s, "://")
	port := defaultPort
	switch scheme = strings.ToLower(scheme); {
	case !hasScheme:
		scheme, rest = "http", s
	case scheme == "http":
		port = "80"
	case scheme == "https":
		port = "443"
	default:
		return "", badHost(s, "scheme must be http or https")
	}
	hostport, path, _ := strings.Cut(rest, "/")
	host, port, err := splitHost(hostport, port)
	if err != nil {
		return "", badHost(s, err.Error())
	}
	if !wire.ValidPath(path) {
		return "", badHost(s, "the path may hold only letters, digits, '-', '.', '_' and '/'")
	}
	u := url.URL{Scheme: scheme, Host: net.JoinHostPort(host, port), Path: strings.TrimRight("/"+path, "/")}
	return u.String(), nil
}

// splitHost separates host and port, using port when hostport has none, and checks both.
func splitHost(hostport, port string) (string, string, error) {
	host := hostport
	if h, p, err := net.SplitHostPort(hostport); err == nil {
		host, port = h, p
	}
	host = strings.Trim(host, "[]")
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return "", "", fmt.Errorf("invalid port %q", port)
	}
	if ip := net.ParseIP(host); ip != nil {
		if ip.IsUnspecified() {
			return "127.0.0.1", port, nil
		}
		return ip.String(), port, nil
	}
	switch {
	case host == "":
		return "127.0.0.1", port, nil
	case !wire.ValidHostname(host):
		return "", "", fmt.Errorf("invalid host name %q", host)
	}
	return strings.ToLower(host), port, nil
}

func badHost(s, why string) error {
	return &generate.Error{Code: generate.CodeBadHost, Err: fmt.Errorf("host %q: %s", s, why)}
}
