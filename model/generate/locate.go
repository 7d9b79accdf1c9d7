package generate

import (
	"context"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// resolveTimeout bounds the name lookup that tells whether a host is on the local network.
const resolveTimeout = 2 * time.Second

// localSuffixes are the name endings of machines of a local network.
var localSuffixes = []string{".local", ".lan", ".home", ".internal", ".intranet", ".localdomain", ".home.arpa"}

// LocateHost tells where a server at host (a URL: "http://name:port", a path allowed) is,
// for the AI-use disclosure and before anything is sent to it, with the name to show:
// PlaceThisComputer for a loopback address or localhost; PlaceNetwork for a private or
// link-local address, a name that resolves only to such addresses, or, when it does not
// resolve, a local name (.local, .lan, a name without a dot); PlaceRemote for anything else,
// such as https://ollama.com. The name lookup takes at most 2 s.
func LocateHost(ctx context.Context, host string) (model.Place, string) {
	u, err := url.Parse(host)
	if err != nil || u.Hostname() == "" {
		return model.PlaceRemote, host
	}
	name := strings.ToLower(u.Hostname())
	if ip := net.ParseIP(name); ip != nil {
		return placeOf([]net.IP{ip}), name
	}
	if name == "localhost" || strings.HasSuffix(name, ".localhost") {
		return model.PlaceThisComputer, name
	}
	ctx, cancel := context.WithTimeout(ctx, resolveTimeout)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupIPAddr(ctx, name)
	if err == nil && len(addrs) > 0 {
		ips := make([]net.IP, len(addrs))
		for i, a := range addrs {
			ips[i] = a.IP
		}
		return placeOf(ips), name
	}
	if !strings.Contains(name, ".") || hasLocalSuffix(name) {
		return model.PlaceNetwork, name
	}
	return model.PlaceRemote, name
}

// placeOf is this computer when every address is a loopback one, the network when every one
// is loopback, private or link-local, and remote otherwise.
func placeOf(ips []net.IP) model.Place {
	place := model.PlaceThisComputer
	for _, ip := range ips {
		switch {
		case ip.IsLoopback():
		case ip.IsPrivate() || ip.IsLinkLocalUnicast():
			place = model.PlaceNetwork
		default:
			return model.PlaceRemote
		}
	}
	return place
}

func hasLocalSuffix(name string) bool {
	for _, s := range localSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}
