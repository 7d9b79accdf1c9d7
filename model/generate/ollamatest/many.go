package ollamatest

import (
	"strconv"
	"time"
)

// AddModels adds n models like m, named prefix followed by their number ("m0", "m1" …
// "m99999"), in time linear in n: a host listing a hundred thousand models can be made in a
// test. Unlike AddModel it replaces nothing; the names must not be taken yet.
func (s *Server) AddModels(prefix string, n int, m Model) {
	now := time.Now()
	entries := make([]*entry, n)
	for i := range entries {
		m.Name = prefix + strconv.Itoa(i)
		entries[i] = newEntry(m, now)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.models = append(s.models, entries...)
}
