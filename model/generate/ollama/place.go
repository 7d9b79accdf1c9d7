package ollama

import (
	"context"
	"net/url"
	"strings"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// Locate tells where a request for the model of info on c's host is really answered, for the
// AI-use disclosure and before anything is sent: PlaceRemote with the remote's host when the
// model is a remote one (its host forwards requests: Ollama's cloud models, or a model created
// with remote_host); otherwise where the host itself is: PlaceThisComputer for a loopback
// address, PlaceNetwork (with the host's name) for a private or link-local address, a name
// that resolves only to such addresses, or a local name (.local, .lan, a name without a dot),
// and PlaceRemote for anything else, such as https://ollama.com.
func (c *Client) Locate(ctx context.Context, info ModelInfo) (model.Place, string) {
	if info.RemoteHost != "" {
		return model.PlaceRemote, remoteName(info.RemoteHost)
	}
	c.placeOnce.Do(func() { c.place, c.placeName = locateHost(ctx, c.host) })
	return c.place, c.placeName
}

// remoteName is the host of a remote model's URL, or the URL itself when it has none.
func remoteName(raw string) string {
	if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return strings.TrimSpace(raw)
}

// locateHost places a normalised host ("http://name:port"): see generate.LocateHost.
func locateHost(ctx context.Context, host string) (model.Place, string) {
	return generate.LocateHost(ctx, host)
}
