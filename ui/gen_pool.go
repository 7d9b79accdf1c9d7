package ui

import (
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
)

// pool returns, for the scheduler, where else each model of the servers last read can run
// (see generate.PoolOf). It is built on the UI thread from what the book holds now; the
// scheduler calls it from its own goroutines.
func (b *hostBook) pool() generate.Pool {
	var models []generate.HostModel
	for _, hm := range b.models() {
		models = append(models, generate.HostModel{Engine: hm.engine, Host: hm.host, Info: hm.info, Remote: hm.where == model.PlaceRemote})
	}
	return generate.PoolOf(models)
}
