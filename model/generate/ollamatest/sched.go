package ollamatest

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"time"
)

// runner is a loaded (or loading) model.
type runner struct {
	e        *entry
	numCtx   int
	ready    chan struct{} // closed once loaded
	refs     int           // requests using the runner
	busy     int           // requests holding a slot
	lastUsed time.Time
	expires  time.Time
}

// acquire returns the runner of a model loaded with numCtx, loading it (and
// unloading others) as needed, and waits until it is ready. The caller must
// call release.
func (s *Server) acquire(ctx context.Context, e *entry, numCtx int) (*runner, error) {
	s.mu.Lock()
	for {
		r := s.loaded[e.canonical]
		switch {
		case r != nil && r.numCtx == numCtx:
			r.refs++
			s.mu.Unlock()
			return r, s.waitReady(ctx, r)
		case r != nil && r.refs == 0:
			s.unloadLocked(e.canonical) // another num_ctx: reload
			continue
		case r == nil && len(s.loaded) < s.maxLoaded:
			r = s.startLoadLocked(e, numCtx)
			s.mu.Unlock()
			return r, s.waitReady(ctx, r)
		case r == nil:
			if victim := s.lruIdleLocked(); victim != "" {
				s.unloadLocked(victim)
				continue
			}
		}
		if err := s.waitLocked(ctx); err != nil {
			s.mu.Unlock()
			return nil, err
		}
	}
}

// waitReady waits for the runner to be loaded; on cancellation it gives the
// runner back.
func (s *Server) waitReady(ctx context.Context, r *runner) error {
	select {
	case <-r.ready:
		return nil
	case <-ctx.Done():
		s.release(r, false)
		return ctx.Err()
	}
}

// startLoadLocked creates a runner that becomes ready after the load delay.
func (s *Server) startLoadLocked(e *entry, numCtx int) *runner {
	r := &runner{e: e, numCtx: numCtx, ready: make(chan struct{}), refs: 1, lastUsed: time.Now()}
	s.loaded[e.canonical] = r
	s.loads[e.canonical]++
	s.totalLoads++
	if s.loadDelay <= 0 {
		close(r.ready)
	} else {
		time.AfterFunc(s.loadDelay, func() { close(r.ready) })
	}
	return r
}

// lruIdleLocked is the least recently used loaded model no request uses.
func (s *Server) lruIdleLocked() string {
	victim := ""
	var oldest time.Time
	for name, r := range s.loaded {
		if r.refs == 0 && (victim == "" || r.lastUsed.Before(oldest)) {
			victim, oldest = name, r.lastUsed
		}
	}
	return victim
}

func (s *Server) unloadLocked(name string) {
	delete(s.loaded, name)
	s.notifyLocked()
}

// waitLocked releases s.mu until the scheduling state changes or ctx ends,
// then takes it again (unless ctx ended).
func (s *Server) waitLocked(ctx context.Context) error {
	ch := s.changed
	s.mu.Unlock()
	select {
	case <-ch:
		s.mu.Lock()
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release gives a runner back; unload is keep_alive 0.
func (s *Server) release(r *runner, unload bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r.refs--
	r.lastUsed = time.Now()
	r.expires = r.lastUsed.Add(keepAlive)
	if unload && r.refs == 0 && s.loaded[r.e.canonical] == r {
		delete(s.loaded, r.e.canonical)
	}
	s.notifyLocked()
}

// acquireSlot waits for one of the model's parallel slots, and while the slot
// is held by HoldSlot. The caller must call releaseSlot.
// While it waits, the request counts in s.queued, so that tests can tell when it is queued.
func (s *Server) acquireSlot(ctx context.Context, r *runner) error {
	s.mu.Lock()
	if s.held[r.e.canonical] || r.busy >= s.parallel {
		s.queued++
		s.notifyLocked()
		for s.held[r.e.canonical] || r.busy >= s.parallel {
			if err := s.waitLocked(ctx); err != nil {
				s.mu.Lock()
				s.queued--
				s.notifyLocked()
				s.mu.Unlock()
				return err
			}
		}
		s.queued--
	}
	r.busy++
	s.notifyLocked()
	s.mu.Unlock()
	return nil
}

func (s *Server) releaseSlot(r *runner) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r.busy--
	s.notifyLocked()
}

// unloadNow unloads an idle model at once (keep_alive 0 with no messages).
func (s *Server) unloadNow(e *entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.loaded[e.canonical]; r != nil && r.refs == 0 {
		s.unloadLocked(e.canonical)
	}
}

func (s *Server) handlePs(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	list := []psModel{}
	for _, r := range s.loaded {
		select {
		case <-r.ready:
		default:
			continue
		}
		exp := r.expires
		if r.refs > 0 || exp.IsZero() {
			exp = time.Now().Add(keepAlive)
		}
		list = append(list, psModel{
			Name: r.e.canonical, Model: r.e.canonical, Size: r.e.Size + int64(r.numCtx)*kvBytesPerToken,
			Digest: r.e.digest, Details: r.e.details(""), ExpiresAt: exp.UTC(), ContextLength: r.numCtx,
		})
	}
	s.mu.Unlock()
	// Ollama lists the longest remaining duration first.
	slices.SortFunc(list, func(a, b psModel) int {
		if c := b.ExpiresAt.Compare(a.ExpiresAt); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	writeJSON(w, http.StatusOK, struct {
		Models []psModel `json:"models"`
	}{list})
}
