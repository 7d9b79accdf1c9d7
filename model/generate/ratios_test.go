package generate

import (
	"context"
	"errors"
	"math"
	"sync"
	"testing"
)

// memRatios is a RatioStore in memory that counts its calls and can fail its reads.
type memRatios struct {
	mu          sync.Mutex
	m           map[string]float64
	reads       int
	saves       int
	failReading bool
}

func (s *memRatios) TokenRatios(context.Context) (map[string]float64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reads++
	if s.failReading {
		return nil, errors.New("workspace busy")
	}
	out := map[string]float64{}
	for k, v := range s.m {
		out[k] = v
	}
	return out, nil
}

func (s *memRatios) SaveTokenRatio(_ context.Context, key string, ratio float64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]float64{}
	}
	s.m[key] = ratio
	s.saves++
	return nil
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestRatioUpAtOnceDownSlowly: a higher count is believed at once, a lower one pulls the ratio
// down by a quarter of the gap.
func TestRatioUpAtOnceDownSlowly(t *testing.T) {
	ctx := context.Background()
	r := &Ratios{}
	if got := r.Get(ctx, "k"); got != 1 {
		t.Fatalf("unknown ratio %v, want 1", got)
	}
	steps := []struct {
		raw, served int
		want        float64
	}{{100, 300, 3}, {100, 100, 2.5}, {100, 400, 4}, {200, 200, 3.25}}
	for _, s := range steps {
		r.Observe(ctx, "k", s.raw, s.served)
		if got := r.Get(ctx, "k"); !near(got, s.want) {
			t.Errorf("after %d/%d: ratio %v, want %v", s.served, s.raw, got, s.want)
		}
	}
	if got := r.Get(ctx, "other"); got != 1 {
		t.Errorf("another model's ratio %v", got)
	}
}

// TestRatioTooLong: a 400 at num_ctx n for a prompt counted raw proves the server counted more
// than n; the ratio rises to that and a bit, and never falls because of it.
func TestRatioTooLong(t *testing.T) {
	ctx := context.Background()
	r := &Ratios{}
	r.AtLeast(ctx, "k", 1000, 2047)
	if got := r.Get(ctx, "k"); !near(got, 2.048*tooLongSlack) {
		t.Errorf("ratio %v after a 400 at 2047 for 1000 counted, want %v", got, 2.048*tooLongSlack)
	}
	r.Observe(ctx, "k", 100, 500)
	r.AtLeast(ctx, "k", 1000, 2047)
	if got := r.Get(ctx, "k"); got != 5 {
		t.Errorf("a 400 lowered the ratio to %v", got)
	}
}

// TestRatioBounds: absurd counts from a host cannot make plans absurd.
func TestRatioBounds(t *testing.T) {
	ctx := context.Background()
	r := &Ratios{}
	r.Observe(ctx, "k", 10, 1<<40)
	if got := r.Get(ctx, "k"); got != maxRatio {
		t.Errorf("ratio %v for a huge count, want %v", got, float64(maxRatio))
	}
	r.Observe(ctx, "low", 1<<30, 1)
	if got := r.Get(ctx, "low"); got != minRatio {
		t.Errorf("ratio %v for a tiny count, want %v", got, minRatio)
	}
	for _, c := range [][2]int{{0, 100}, {100, 0}, {-5, 100}, {100, -5}} {
		r.Observe(ctx, "none", c[0], c[1])
		r.AtLeast(ctx, "none", c[0], c[1])
	}
	if got := r.Get(ctx, "none"); got != 1 {
		t.Errorf("zero or negative counts changed the ratio to %v", got)
	}
	s := &memRatios{m: map[string]float64{"nan": math.NaN(), "inf": math.Inf(1), "big": 1e300}}
	r = &Ratios{Store: s}
	if r.Get(ctx, "nan") != 1 || r.Get(ctx, "inf") != 1 || r.Get(ctx, "big") != maxRatio {
		t.Errorf("stored nonsense read as %v %v %v", r.Get(ctx, "nan"), r.Get(ctx, "inf"), r.Get(ctx, "big"))
	}
}

// TestRatiosKeptInStore: the store is read once, written when a ratio changes, and a new
// engine on the same store plans with what the first learned.
func TestRatiosKeptInStore(t *testing.T) {
	ctx := context.Background()
	s := &memRatios{}
	r := &Ratios{Store: s}
	r.Observe(ctx, "k", 100, 320)
	r.Observe(ctx, "k", 100, 320)
	r.Get(ctx, "k")
	if s.reads != 1 || s.saves != 1 || s.m["k"] != 3.2 {
		t.Errorf("%d reads, %d saves, stored %v", s.reads, s.saves, s.m)
	}
	if got := (&Ratios{Store: s}).Get(ctx, "k"); got != 3.2 {
		t.Errorf("a new engine reads %v", got)
	}
}

// TestRatiosStoreDown: a store that cannot be read leaves the ratio at 1 and is read again
// later; what was learned meanwhile is not lost.
func TestRatiosStoreDown(t *testing.T) {
	ctx := context.Background()
	s := &memRatios{failReading: true, m: map[string]float64{"old": 2}}
	r := &Ratios{Store: s}
	if got := r.Get(ctx, "old"); got != 1 {
		t.Errorf("unreadable store gave %v", got)
	}
	r.Observe(ctx, "k", 100, 300)
	s.mu.Lock()
	s.failReading = false
	s.mu.Unlock()
	if r.Get(ctx, "old") != 2 || r.Get(ctx, "k") != 3 {
		t.Errorf("after the store came back: old %v, k %v", r.Get(ctx, "old"), r.Get(ctx, "k"))
	}
}
