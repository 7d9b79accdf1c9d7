package model

// Place says where a variant was written, for the AI-use disclosure: the report left this
// computer only for PlaceNetwork and PlaceRemote.
type Place string

// The places a variant can be written.
const (
	// PlaceThisComputer: the built-in engine, or an Ollama server on this computer (a loopback
	// address).
	PlaceThisComputer Place = "this-computer"
	// PlaceNetwork: an Ollama server on another machine of the local network (a private
	// address, or a name that resolves to one).
	PlaceNetwork Place = "network"
	// PlaceRemote: a service on the internet, either because the host is one (ollama.com) or
	// because the model is a remote one its host forwards the request to (Ollama's cloud
	// models, or a model created with remote_host).
	PlaceRemote Place = "remote"
)

// Valid reports whether p is a known place.
func (p Place) Valid() bool {
	return p == PlaceThisComputer || p == PlaceNetwork || p == PlaceRemote
}
