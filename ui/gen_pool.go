package ui

import (
	"strings"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// pool returns, for the scheduler, where else each model of the servers last read can run: on
// every server of the same kind that has a model of the same name or, on Ollama, of the same
// digest. Models that forward to a remote service are left out: the place of a variant must
// not depend on which machine was free. It is built on the UI thread from what the book holds
// now; the scheduler calls it from its own goroutines.
func (b *hostBook) pool() generate.Pool {
	models := b.models()
	return func(spec model.Spec) []generate.Replica {
		var own *hostModel
		for i, hm := range models {
			if hm.engine == spec.Engine && hm.host == spec.Host && sameModelName(hm.info.Name, spec.Model) {
				own = &models[i]
				break
			}
		}
		if own == nil || own.where == model.PlaceRemote {
			return nil
		}
		var out []generate.Replica
		for _, hm := range models {
			if hm.engine == own.engine && hm.where != model.PlaceRemote && sameWeights(hm.info, own.info) {
				out = append(out, generate.Replica{Host: hm.host, Model: hm.info.Name})
			}
		}
		return out
	}
}

// sameWeights reports whether two models are the same: the same name, or the same digest when
// both have one (Ollama).
func sameWeights(a, b generate.ModelInfo) bool {
	return sameModelName(a.Name, b.Name) || a.Digest != "" && a.Digest == b.Digest
}

// sameModelName compares model names as Ollama does, "x" meaning "x:latest".
func sameModelName(a, b string) bool {
	return withLatest(a) == withLatest(b)
}

func withLatest(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	if i := strings.LastIndex(name, "/"); strings.Contains(name[i+1:], ":") {
		return name
	}
	return name + ":latest"
}
