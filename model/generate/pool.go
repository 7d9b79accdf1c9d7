package generate

import (
	"strings"

	"github.com/rapporteur/rapporteur/model"
)

// HostModel is a model found on a host, as PoolOf reads it.
type HostModel struct {
	// Engine is the engine that reaches the host (model.EngineOllama or model.EngineOpenAI).
	Engine string
	// Host is the host's normalised address.
	Host string
	// Info is what the host says of the model.
	Info ModelInfo
	// Remote is true when the model forwards requests to a remote service.
	Remote bool
}

// PoolOf returns the Pool of the models found on the hosts: a model of a spec can run on every
// host of the same engine that has a model of the same name or, on Ollama, of the same digest.
// Remote models are left out, so that where a variant is written never depends on which
// machine was free; a spec whose model is not among models runs where it says. The window and
// the command line both build their pools with it.
func PoolOf(models []HostModel) Pool {
	models = append([]HostModel(nil), models...)
	return func(spec model.Spec) []Replica {
		var own *HostModel
		for i, hm := range models {
			if hm.Engine == spec.Engine && hm.Host == spec.Host && SameModelName(hm.Info.Name, spec.Model) {
				own = &models[i]
				break
			}
		}
		if own == nil || own.Remote {
			return nil
		}
		var out []Replica
		for _, hm := range models {
			if hm.Engine == own.Engine && !hm.Remote && sameWeights(hm.Info, own.Info) {
				out = append(out, Replica{Host: hm.Host, Model: hm.Info.Name})
			}
		}
		return out
	}
}

// sameWeights reports whether two models are the same: the same name, or the same digest when
// both have one (Ollama).
func sameWeights(a, b ModelInfo) bool {
	return SameModelName(a.Name, b.Name) || a.Digest != "" && a.Digest == b.Digest
}

// SameModelName reports whether two model names designate the same model as Ollama reads
// names: case and spaces aside, "x" meaning "x:latest".
func SameModelName(a, b string) bool {
	return withLatest(a) == withLatest(b)
}

func withLatest(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	if i := strings.LastIndex(name, "/"); strings.Contains(name[i+1:], ":") {
		return name
	}
	return name + ":latest"
}
